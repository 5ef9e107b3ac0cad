import {
  InitiativeDecision,
  InitiativeStatus,
  PilotApplicationStatus,
  PrioritisationMethod,
  PrioritisationRoundStatus,
  ProjectCategory,
} from '@hub/shared';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Node } from '../../graphql/relay';
import { Outcome } from '../meetings';
import { Municipality } from '../municipalities';
import { Project } from '../projects';
import { User } from '../users';

registerEnumType(InitiativeStatus, { name: 'InitiativeStatus' });
registerEnumType(InitiativeDecision, { name: 'InitiativeDecision' });
registerEnumType(PrioritisationMethod, { name: 'PrioritisationMethod' });
registerEnumType(PrioritisationRoundStatus, { name: 'PrioritisationRoundStatus' });
registerEnumType(PilotApplicationStatus, { name: 'PilotApplicationStatus' });

/**
 * A network initiative (Netzwerkinitiative): a member's proposal of what the network should start
 * in member cities, weighed in prioritisation rounds, decided by the steering committee in a
 * meeting (a decision outcome), piloted by member municipalities and realised as a network project.
 */
@Entity('initiative')
@Index(['status', 'createdAt'])
@ObjectType({ implements: Node })
export class Initiative extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'The problem municipalities have today.' })
  problem: string;

  @Column({ type: 'text' })
  @Field(() => String, { description: 'What the network should reach.' })
  goal: string;

  @Column({ type: 'text', default: '' })
  @Field(() => String, { description: 'The expected benefit for municipalities.' })
  expectedBenefit: string;

  @Column({ type: 'enum', enum: ProjectCategory, enumName: 'initiative_category' })
  @Field(() => ProjectCategory)
  category: ProjectCategory;

  @Column({
    type: 'bigint',
    nullable: true,
    transformer: { to: (v) => v, from: (v) => (v === null ? null : Number(v)) },
  })
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'A rough cost estimate in euro cents.' })
  costEstimateCents: number | null;

  @Column({ type: 'varchar', length: 200, array: true, default: () => "'{}'" })
  @Field(() => [String], { description: 'Funding programmes that could pay for it.' })
  fundingProgrammes: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'", comment: 'projects of modules/projects' })
  relatedProjectIds: string[];

  @Index()
  @Column({ type: 'enum', enum: InitiativeStatus, enumName: 'initiative_status' })
  @Field(() => InitiativeStatus)
  status: InitiativeStatus;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'who proposed it' })
  proposedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by_id' })
  proposedBy?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: "the proposer's municipality (null for coordinators)" })
  proposingMunicipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposing_municipality_id' })
  proposingMunicipality?: Municipality;

  @Column({ type: 'enum', enum: InitiativeDecision, enumName: 'initiative_decision', nullable: true })
  @Field(() => InitiativeDecision, { nullable: true, description: 'The steering decision, once taken.' })
  decision: InitiativeDecision | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was selected, deferred or rejected.' })
  decisionReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'the decision outcome of modules/meetings' })
  decisionOutcomeId: string | null;

  @ManyToOne(() => Outcome, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decision_outcome_id' })
  decisionOutcome?: Outcome;

  @Column({ type: 'uuid', nullable: true, comment: 'the meeting of the decision outcome' })
  decisionMeetingId: string | null;

  @Column({ type: 'text', nullable: true, comment: 'the call for pilot cities' })
  @Field(() => String, { nullable: true, description: 'The text of the call for pilot cities, once opened.' })
  callText: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  callOpenedAt: Date | null;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'the network project of modules/projects' })
  projectId: string | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  updatedAt: Date;
}

/** A member municipality's "Wir sind interessiert": one per municipality and initiative. */
@Entity('initiative_support')
@ObjectType()
export class InitiativeSupport {
  @PrimaryColumn({ type: 'uuid' })
  initiativeId: string;

  @ManyToOne(() => Initiative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id' })
  initiative?: Initiative;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'the officer who declared it' })
  supportedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'supported_by_id' })
  supportedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;
}

/** One step of an initiative's history: the status it left and entered, when, by whom, why. */
@Entity('initiative_status_change')
@ObjectType()
export class InitiativeStatusChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  initiativeId: string;

  @ManyToOne(() => Initiative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id' })
  initiative?: Initiative;

  @Column({ type: 'enum', enum: InitiativeStatus, enumName: 'initiative_status', nullable: true })
  @Field(() => InitiativeStatus, { nullable: true, description: 'Null for the proposal itself.' })
  fromStatus: InitiativeStatus | null;

  @Column({ type: 'enum', enum: InitiativeStatus, enumName: 'initiative_status' })
  @Field(() => InitiativeStatus)
  toStatus: InitiativeStatus;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'null for the system (a closed round)' })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'varchar', length: 2000, default: '' })
  @Field(() => String)
  reason: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  @Field(() => Date)
  occurredAt: Date;
}

/**
 * A prioritisation round over a set of proposals: one ballot per member municipality until the
 * deadline; the ballots stay secret until the round is closed, and closing stores the ranked
 * result (`result`), so what members and the ministry read does not change afterwards.
 */
@Entity('prioritisation_round')
@Check('prioritisation_round_quorum', '"quorum_percent" BETWEEN 0 AND 100')
@ObjectType({ implements: Node })
export class PrioritisationRound extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Column({ type: 'enum', enum: PrioritisationMethod, enumName: 'prioritisation_method' })
  @Field(() => PrioritisationMethod)
  method: PrioritisationMethod;

  @Column({ type: 'integer', nullable: true, comment: 'DOT_VOTING: points per member municipality' })
  @Field(() => Int, {
    nullable: true,
    description: 'Points each member municipality distributes (dot voting).',
  })
  pointsPerMunicipality: number | null;

  @Index()
  @Column({ type: 'timestamptz' })
  @Field(() => Date)
  deadline: Date;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: 'Share of member municipalities (%) that must take part.' })
  quorumPercent: number;

  @Index()
  @Column({
    type: 'enum',
    enum: PrioritisationRoundStatus,
    enumName: 'prioritisation_round_status',
    default: PrioritisationRoundStatus.OPEN,
  })
  @Field(() => PrioritisationRoundStatus)
  status: PrioritisationRoundStatus;

  @Column({ type: 'uuid', array: true, comment: 'the initiatives weighed, in the order shown' })
  initiativeIds: string[];

  @Column({ type: 'uuid', nullable: true })
  openedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'opened_by_id' })
  openedBy?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  @Field(() => Date)
  openedAt: Date;

  @Column({ type: 'uuid', nullable: true, comment: 'null when closed by the deadline job' })
  closedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'closed_by_id' })
  closedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Column({ type: 'integer', nullable: true, comment: 'member municipalities when closed' })
  eligibleCount: number | null;

  @Column({ type: 'jsonb', nullable: true, comment: 'RoundResultSnapshot, written when closed' })
  result: RoundResultSnapshot | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;
}

/** One initiative's line of a closed round's result, as stored. */
export interface RoundResultLine {
  initiativeId: string;
  title: string;
  rank: number;
  /** DOT_VOTING: the points; RATING: the mean of the four criteria means (0 without ratings). */
  score: number;
  /** Ballots that gave it points (DOT_VOTING) or rated it (RATING). */
  voters: number;
  /** RATING: mean per criterion. */
  criteria: Record<string, number> | null;
  /** How many ballots gave it each value: points 0…N, or (RATING) overall ratings 1…5. */
  distribution: { value: number; count: number }[];
}

export interface RoundResultSnapshot {
  ballots: number;
  eligible: number;
  quorumReached: boolean;
  lines: RoundResultLine[];
}

/** A member municipality's voice in a round; cast and changed by one of its officers until the deadline. */
@Entity('round_ballot')
@Unique(['roundId', 'municipalityId'])
export class RoundBallot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => PrioritisationRound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: PrioritisationRound;

  @Index()
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'the officer who cast or last changed it' })
  castById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'cast_by_id' })
  castBy?: User;

  @Column({ type: 'jsonb', comment: 'BallotVote[]' })
  votes: BallotVote[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One initiative on a ballot: points (dot voting) or the four ratings. */
export interface BallotVote {
  initiativeId: string;
  points?: number;
  benefit?: number;
  feasibility?: number;
  transferability?: number;
  urgency?: number;
}

/** A member municipality's application as pilot city of a selected initiative. */
@Entity('pilot_application')
@Unique(['initiativeId', 'municipalityId'])
@ObjectType({ implements: Node })
export class PilotApplication extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  initiativeId: string;

  @ManyToOne(() => Initiative, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'initiative_id' })
  initiative?: Initiative;

  @Index()
  @Column({ type: 'uuid' })
  municipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  appliedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'applied_by_id' })
  appliedBy?: User;

  @Column({ type: 'varchar', length: 2000 })
  @Field(() => String, { description: 'What the municipality brings.' })
  statement: string;

  @Column({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'When it can start (YYYY-MM-DD).' })
  canStartOn: string | null;

  @Column({
    type: 'enum',
    enum: PilotApplicationStatus,
    enumName: 'pilot_application_status',
    default: PilotApplicationStatus.APPLIED,
  })
  @Field(() => PilotApplicationStatus)
  status: PilotApplicationStatus;

  @Column({ type: 'uuid', nullable: true })
  confirmedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'confirmed_by_id' })
  confirmedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  confirmedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;
}
