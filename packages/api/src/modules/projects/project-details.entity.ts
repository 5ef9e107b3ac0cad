import { CostRecurrence, CostType, ProjectParticipantRole, ProjectPhase } from '@hub/shared';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { LIST_TYPE, Node } from '../../graphql/relay';
import { Municipality } from '../municipalities';
import { User } from '../users';
import { centsTransformer } from './money';
import { Project } from './project.entity';

registerEnumType(ProjectParticipantRole, { name: 'ProjectParticipantRole' });
registerEnumType(CostRecurrence, { name: 'CostRecurrence' });
registerEnumType(CostType, { name: 'CostType' });

/** A municipality taking part in a project, with its role; one row per municipality and project. */
@Entity('project_participant')
@Unique(['projectId', 'municipalityId'])
@ObjectType()
export class ProjectParticipant {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Index()
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Column({ type: 'enum', enum: ProjectParticipantRole, enumName: 'project_participant_role' })
  @Field(() => ProjectParticipantRole)
  role: ProjectParticipantRole;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;
}

/** One cost line item in euro cents: one-off or yearly, by cost type. */
@Entity('project_cost')
@ObjectType()
export class ProjectCost {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  label: string;

  @Column({ type: 'enum', enum: CostType, enumName: 'project_cost_type' })
  @Field(() => CostType)
  costType: CostType;

  @Column({ type: 'enum', enum: CostRecurrence, enumName: 'project_cost_recurrence' })
  @Field(() => CostRecurrence)
  recurrence: CostRecurrence;

  @Column({ type: 'bigint', transformer: centsTransformer })
  @Field(() => GraphQLSafeInt, { description: 'Amount in euro cents.' })
  amountCents: number;

  @Column({ type: 'varchar', length: 3, default: 'EUR' })
  @Field(() => String)
  currency: string;
}

/** A funding programme contributing to a project. */
@Entity('project_funding')
@ObjectType()
export class ProjectFunding {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  programme: string;

  @Column({ type: 'bigint', transformer: centsTransformer })
  @Field(() => GraphQLSafeInt, { description: 'Amount in euro cents.' })
  amountCents: number;

  @Column({ type: 'integer', nullable: true, comment: 'share of the costs funded, in percent' })
  @Field(() => Int, { nullable: true, description: 'Share of the costs funded, in percent.' })
  sharePercent: number | null;

  @Column({ type: 'varchar', length: 3, default: 'EUR' })
  @Field(() => String)
  currency: string;
}

/** A milestone on the project's plan; its ID lets the project page mark it done on its own. */
@Entity('project_milestone')
@ObjectType({ implements: Node })
export class ProjectMilestone extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', default: 0 })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  dueDate: string | null;

  @Column({ type: 'boolean', default: false })
  @Field(() => Boolean)
  done: boolean;
}

/** A contact person of a participating municipality; hidden from the ministry and the public. */
@Entity('project_contact')
@Unique(['projectId', 'userId'])
export class ProjectContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'integer', default: 0 })
  position: number;
}

/** A status report (Sachstand); the history is append-only and the latest one is the progress. */
@Entity('project_status_update')
@Index(['projectId', 'reportedOn', 'createdAt'])
@ObjectType({ implements: Node, ...LIST_TYPE })
export class ProjectStatusUpdate extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'date' })
  @Field(() => String, { description: 'ISO date (YYYY-MM-DD) the status refers to.' })
  reportedOn: string;

  @Column({ type: 'enum', enum: ProjectPhase, enumName: 'project_status_update_phase' })
  @Field(() => ProjectPhase)
  phase: ProjectPhase;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Progress in percent (0–100).' })
  progressPercent: number;

  @Column({ type: 'text' })
  @Field(() => String)
  text: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;
}

/**
 * One step of a project's phase history, written by database triggers (migration
 * ProjectPhaseHistory): when a project is created or its phase changes (effective then), and for
 * every status update (effective at the start of its Berlin reporting day, so a back-dated
 * Sachstand counts for the day it describes). The figures ask it for the phase at any moment.
 */
@Entity('project_phase_change')
@Index(['projectId', 'effectiveAt'])
export class ProjectPhaseChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'enum', enum: ProjectPhase, enumName: 'project_phase_change_phase' })
  phase: ProjectPhase;

  @Column({ type: 'timestamptz' })
  effectiveAt: Date;

  @Column({ type: 'varchar', length: 20, comment: 'PROJECT (created or edited) or STATUS_UPDATE' })
  source: string;

  // The interval in which this phase held, kept by a trigger (migration PhaseHistoryIntervals), so
  // that "the phase at instant T" is a range condition instead of a window over the whole history.
  @Column({ type: 'timestamptz', nullable: true, comment: "-infinity for a project's first row" })
  validFrom: Date | null;

  @Column({ type: 'timestamptz', nullable: true, comment: 'null while it is the latest row' })
  validTo: Date | null;
}
