import { PeriodKind, ProgressReportStatus } from '@hub/shared';
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
  UpdateDateColumn,
} from 'typeorm';
import { Node } from '../../graphql/relay';
import { User } from '../users';
import type { ReportSnapshot } from './report-snapshot';

registerEnumType(PeriodKind, { name: 'PeriodKind' });
registerEnumType(ProgressReportStatus, { name: 'ProgressReportStatus' });

/** A narrative section of a report as the coordinator wrote it (Markdown). */
export interface ReportSectionSource {
  title: string;
  body: string;
}

/**
 * A progress report (Fortschrittsbericht) for a quarter, half-year or year. While a draft its
 * figures and project sections are computed live; publishing stores them in `snapshot`, and a
 * trigger (migration ProgressReports) refuses every later change of a published row, so what
 * the ministry read stays what it reads. A correction is a new row with the next `version`.
 */
@Entity('progress_report')
@Unique(['periodKind', 'year', 'periodIndex', 'version'])
@ObjectType({ implements: Node })
export class ProgressReport extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: PeriodKind, enumName: 'progress_report_period_kind' })
  periodKind: PeriodKind;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer', comment: '1-4 for quarters, 1-2 for half-years, 1 for years' })
  periodIndex: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Index()
  @Column({ type: 'enum', enum: ProgressReportStatus, enumName: 'progress_report_status' })
  @Field(() => ProgressReportStatus)
  status: ProgressReportStatus;

  @Column({ type: 'integer', default: 1 })
  @Field(() => Int, { description: 'A correction of a published report is the next version.' })
  version: number;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'the published version this one corrects' })
  previousVersionId: string | null;

  @ManyToOne(() => ProgressReport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_version_id' })
  previousVersion?: ProgressReport;

  @Column({ type: 'jsonb', default: () => "'[]'", comment: 'ReportSectionSource[]: Markdown as written' })
  sections: ReportSectionSource[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'", comment: 'projects of modules/projects' })
  highlightProjectIds: string[];

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @Column({ type: 'uuid', nullable: true, comment: 'who asked for the review' })
  submittedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: User;

  @Column({ type: 'uuid', nullable: true, comment: 'the second coordinator who approved or returned it' })
  reviewedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reviewed_by_id' })
  reviewedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  reviewComment: string | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'jsonb', nullable: true, comment: 'ReportSnapshot, frozen once published' })
  snapshot: ReportSnapshot | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  updatedAt: Date;
}
