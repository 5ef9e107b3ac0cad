import { ProjectCategory, ProjectPhase, ProjectStatus } from '@hub/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { LIST_TYPE, Node } from '../../graphql/relay';
import { Municipality } from '../municipalities';
import { User } from '../users';
import { WorkingGroup } from '../working-groups';
import { centsTransformer } from './money';

registerEnumType(ProjectCategory, { name: 'ProjectCategory' });
registerEnumType(ProjectPhase, { name: 'ProjectPhase' });
registerEnumType(ProjectStatus, { name: 'ProjectStatus' });

/**
 * A project of the network ("Markt der Projekte"). The Markdown description is stored together
 * with its sanitised HTML rendering; full-text and trigram indexes live in a hand-written
 * migration (ProjectSearch). Contacts, costs, milestones and status updates are separate tables.
 */
@Entity('project')
// The ministry's figures count published projects by phase, category and Landkreis: an index-only
// scan of this narrow index instead of the wide project rows (descriptions, search vectors).
@Index('IDX_project_portfolio', ['status', 'phase', 'category', 'leadMunicipalityId', 'id'])
// The network's figures for past periods read the published projects by publication date, and the
// adoptions with their dates and savings: index-only scans again (see project.figures.ts).
@Index('IDX_project_figures', ['status', 'publishedAt', 'id', 'category', 'leadMunicipalityId'])
@Index('IDX_project_adoptions', ['originProjectId', 'createdAt', 'publishedAt', 'estimatedSavingCents'], {
  where: '"origin_project_id" IS NOT NULL',
})
@ObjectType({ implements: Node, ...LIST_TYPE })
export class Project extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Column({ type: 'varchar', length: 1000, default: '' })
  @Field(() => String)
  summary: string;

  @Column({ type: 'text', default: '', comment: 'Markdown as written' })
  @Field(() => String, { description: 'Markdown as written.' })
  description: string;

  @Column({ type: 'text', default: '', comment: 'description rendered and sanitised' })
  @Field(() => String, { description: 'The description rendered to sanitised HTML (safe to insert).' })
  descriptionHtml: string;

  // Kept by a trigger from title (A), summary (B) and description (C) with the german_unaccent
  // configuration; its GIN index and the trigger live in the hand-written ProjectSearch migration.
  @Index('project_search_vector_idx', { synchronize: false })
  @Column({ type: 'tsvector', nullable: true, select: false, insert: false, update: false })
  searchVector: string | null;

  // hub_fold(title), kept by the same trigger, with a trigram GIN index (ProjectSearch migration).
  @Index('project_title_trgm', { synchronize: false })
  @Column({ type: 'text', nullable: true, select: false, insert: false, update: false })
  searchTitle: string | null;

  @Index()
  @Column({ type: 'enum', enum: ProjectCategory, enumName: 'project_category' })
  @Field(() => ProjectCategory)
  category: ProjectCategory;

  @Index()
  @Column({ type: 'enum', enum: ProjectPhase, enumName: 'project_phase' })
  @Field(() => ProjectPhase)
  phase: ProjectPhase;

  @Index()
  @Column({ type: 'enum', enum: ProjectStatus, enumName: 'project_status', default: ProjectStatus.DRAFT })
  @Field(() => ProjectStatus)
  status: ProjectStatus;

  @Index()
  @Column({ type: 'uuid' })
  leadMunicipalityId: string;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'lead_municipality_id' })
  leadMunicipality?: Municipality;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  workingGroupId: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup?: WorkingGroup;

  @Column({ type: 'boolean', default: false, comment: 'set by coordinators only' })
  @Field(() => Boolean, { description: 'A project the network itself initiates; set by coordinators only.' })
  isNetworkProject: boolean;

  @Column({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  startDate: string | null;

  @Column({ type: 'date', nullable: true })
  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD).' })
  endDate: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  solutionProduct: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  solutionVendor: string | null;

  @Column({ type: 'boolean', nullable: true, comment: 'null: unknown' })
  solutionOpenSource: boolean | null;

  @Column({ type: 'varchar', length: 200, nullable: true, comment: 'SPDX expression where known' })
  solutionLicence: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  solutionRepositoryUrl: string | null;

  @Column({ type: 'text', default: '' })
  @Field(() => String)
  implementationNotes: string;

  @Column({ type: 'text', default: '' })
  @Field(() => String)
  lessonsLearned: string;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'the project this one was adopted from (Nachnutzung)' })
  originProjectId: string | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'origin_project_id' })
  originProject?: Project;

  @Column({ type: 'text', default: '', comment: 'what the adopter adapted' })
  @Field(() => String, { description: 'For an adopted project: what was adapted from the origin.' })
  adaptationNotes: string;

  @Column({ type: 'bigint', nullable: true, transformer: centsTransformer })
  estimatedSavingCents: number | null;

  @Index()
  @Column({ type: 'integer', default: 0, comment: 'projects adopted from this one; kept by adoptProject' })
  @Field(() => Int, { description: 'How many projects were adopted from this one.' })
  adoptionCount: number;

  @Column({ type: 'boolean', default: false, comment: 'created by the demo seed' })
  @Field(() => Boolean, { description: 'Demo data, not a real project.' })
  isDemo: boolean;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @Index()
  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  updatedAt: Date;
}
