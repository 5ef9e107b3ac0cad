import type { Period } from '@hub/shared';
import { ProgressReportStatus, periodDates, periodLabelDe, reportLimits } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../graphql/errors';
import { maybeIdOf, toGlobalId } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { renderMarkdown } from '../../markdown';
import { emitDomainEvent } from '../events';
import { projectActivity, publishedProjectIds } from '../projects';
import type { User } from '../users';
import { checkedPeriod, compareWithPrevious } from './network-figures.service';
import { ProgressReport, type ReportSectionSource } from './progress-report.entity';
import type {
  CreateProgressReportInput,
  ReviewProgressReportInput,
  UpdateProgressReportInput,
} from './progress-report.inputs';
import { can, type ProgressReportAction } from './progress-report.policy';
import type { ReportSnapshot } from './report-snapshot';

/** The report's period. */
export const periodOf = (report: ProgressReport): Period => ({
  kind: report.periodKind,
  year: report.year,
  index: report.periodIndex,
});

/**
 * What a report shows: for a published one its snapshot, for a draft the same computed now
 * (figures of the period and the one before, projects active in the period, rendered sections).
 */
export async function reportContent(manager: EntityManager, report: ProgressReport): Promise<ReportSnapshot> {
  if (report.snapshot) return report.snapshot;
  const period = periodOf(report);
  const { current, previous } = await compareWithPrevious(manager, period);
  const highlights = new Set(report.highlightProjectIds);
  const projects = await projectActivity(manager, periodDates(period), report.highlightProjectIds);
  return {
    title: report.title,
    current,
    previous,
    sections: report.sections.map((s) => ({ title: s.title, body: s.body, html: renderMarkdown(s.body) })),
    projects: projects
      .map(({ id, ...project }) => ({
        ...project,
        projectId: toGlobalId('Project', id),
        highlight: highlights.has(id),
      }))
      // Highlights first, then by title: the order the report reads in.
      .sort((a, b) => Number(b.highlight) - Number(a.highlight) || a.title.localeCompare(b.title, 'de')),
  };
}

function checkTitle(title: string): string {
  const trimmed = title.trim();
  if (!trimmed) fail('VALIDATION', 'The title must not be empty.', 'title');
  if (trimmed.length > reportLimits.title.maxLength)
    fail('VALIDATION', `The title is longer than ${reportLimits.title.maxLength} characters.`, 'title');
  return trimmed;
}

function checkSections(sections: ReportSectionSource[]): ReportSectionSource[] {
  if (sections.length > reportLimits.sections.max)
    fail('VALIDATION', `At most ${reportLimits.sections.max} sections.`, 'sections');
  return sections.map((section, i) => {
    const title = section.title.trim();
    if (!title) fail('VALIDATION', 'Every section needs a title.', `sections.${i}.title`);
    if (title.length > reportLimits.sectionTitle.maxLength)
      fail('VALIDATION', 'The section title is too long.', `sections.${i}.title`);
    if (section.body.length > reportLimits.sectionBody.maxLength)
      fail(
        'VALIDATION',
        `A section holds at most ${reportLimits.sectionBody.maxLength} characters.`,
        `sections.${i}.body`,
      );
    return { title, body: section.body };
  });
}

/** Compiles, reviews, publishes and corrects progress reports; one transaction per call, audited. */
export class ProgressReportService {
  constructor(private readonly requestId: string) {}

  /** The report locked for a change; NOT_FOUND when the viewer may not read it, FORBIDDEN when not act. */
  private async loadFor(
    manager: EntityManager,
    viewer: User,
    globalId: string,
    action: ProgressReportAction,
  ): Promise<ProgressReport> {
    const id = maybeIdOf(globalId, 'ProgressReport');
    const report = id
      ? await manager
          .getRepository(ProgressReport)
          .createQueryBuilder('r')
          .setLock('pessimistic_write')
          .where('r.id = :id', { id })
          .getOne()
      : null;
    if (!report || !can(viewer, 'read', { report })) throw notFound('There is no such report.');
    const hasNewerVersion =
      action === 'correct' && (await manager.existsBy(ProgressReport, { previousVersionId: report.id }));
    if (!can(viewer, action, { report, hasNewerVersion })) {
      if (!can(viewer, 'readWorkflow')) throw forbidden();
      fail('INVALID_STATE', stateMessage(action, report, viewer, hasNewerVersion), 'id');
    }
    return report;
  }

  async create(
    manager: EntityManager,
    viewer: User,
    input: CreateProgressReportInput,
  ): Promise<ProgressReport> {
    if (!can(viewer, 'create')) throw forbidden('Only coordinators compile progress reports.');
    const period = checkedPeriod(input.period);
    const title = checkTitle(input.title ?? `Fortschrittsbericht ${periodLabelDe(period)}`);
    const exists = await manager.existsBy(ProgressReport, {
      periodKind: period.kind,
      year: period.year,
      periodIndex: period.index,
    });
    if (exists)
      fail('REPORT_EXISTS', 'There is a report for this period already; correct it instead.', 'period');
    const report = manager.getRepository(ProgressReport).create({
      periodKind: period.kind,
      year: period.year,
      periodIndex: period.index,
      title,
      status: ProgressReportStatus.DRAFT,
      version: 1,
      sections: [],
      highlightProjectIds: [],
      createdById: viewer.id,
    });
    await manager.getRepository(ProgressReport).insert(report);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      subjectId: report.id,
      requestId: this.requestId,
      type: 'progressReport.create',
      subjectType: 'ProgressReport',
      payload: { period: periodLabelDe(period), version: 1 },
    });
    return report;
  }

  async update(
    manager: EntityManager,
    viewer: User,
    input: UpdateProgressReportInput,
  ): Promise<ProgressReport> {
    const report = await this.loadFor(manager, viewer, input.id, 'edit');
    const before = {
      title: report.title,
      sections: report.sections.length,
      highlights: report.highlightProjectIds.length,
    };
    if (input.title !== undefined && input.title !== null) report.title = checkTitle(input.title);
    if (input.sections) report.sections = checkSections(input.sections);
    if (input.highlightProjectIds) {
      if (input.highlightProjectIds.length > reportLimits.highlights.max)
        fail('VALIDATION', `At most ${reportLimits.highlights.max} highlights.`, 'highlightProjectIds');
      const ids = [...new Set(input.highlightProjectIds.map((g) => maybeIdOf(g, 'Project')))];
      const published = await publishedProjectIds(
        manager,
        ids.filter((id): id is string => id !== null),
      );
      if (ids.some((id) => !id || !published.has(id)))
        fail('NOT_FOUND', 'Highlights must be published projects.', 'highlightProjectIds');
      report.highlightProjectIds = ids as string[];
    }
    await manager.getRepository(ProgressReport).save(report);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      subjectId: report.id,
      requestId: this.requestId,
      type: 'progressReport.update',
      subjectType: 'ProgressReport',
      before,
      payload: {
        title: report.title,
        sections: report.sections.length,
        highlights: report.highlightProjectIds.length,
      },
    });
    return report;
  }

  async submit(manager: EntityManager, viewer: User, globalId: string): Promise<ProgressReport> {
    const report = await this.loadFor(manager, viewer, globalId, 'submit');
    report.status = ProgressReportStatus.IN_REVIEW;
    report.submittedById = viewer.id;
    report.reviewedById = null;
    report.reviewedAt = null;
    await manager.getRepository(ProgressReport).save(report);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      subjectId: report.id,
      requestId: this.requestId,
      type: 'progressReport.submit',
      subjectType: 'ProgressReport',
      payload: { status: report.status },
    });
    return report;
  }

  async review(
    manager: EntityManager,
    viewer: User,
    input: ReviewProgressReportInput,
  ): Promise<ProgressReport> {
    const report = await this.loadFor(manager, viewer, input.id, 'review');
    const comment = input.comment?.trim() || null;
    if (comment && comment.length > reportLimits.reviewComment.maxLength)
      fail('VALIDATION', 'The comment is too long.', 'comment');
    if (!input.approve && !comment) fail('VALIDATION', 'Say what should change.', 'comment');
    report.status = input.approve ? ProgressReportStatus.APPROVED : ProgressReportStatus.DRAFT;
    report.reviewedById = viewer.id;
    report.reviewedAt = new Date();
    report.reviewComment = comment;
    await manager.getRepository(ProgressReport).save(report);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      subjectId: report.id,
      requestId: this.requestId,
      type: 'progressReport.review',
      subjectType: 'ProgressReport',
      payload: { approved: input.approve, comment },
    });
    return report;
  }

  /** Takes the snapshot and freezes the report (the database refuses later changes). */
  async publish(manager: EntityManager, viewer: User, globalId: string): Promise<ProgressReport> {
    const report = await this.loadFor(manager, viewer, globalId, 'publish');
    report.snapshot = await reportContent(manager, report);
    report.status = ProgressReportStatus.PUBLISHED;
    report.publishedById = viewer.id;
    report.publishedAt = new Date();
    await manager.getRepository(ProgressReport).save(report);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      subjectId: report.id,
      requestId: this.requestId,
      type: 'progressReport.publish',
      subjectType: 'ProgressReport',
      payload: { reportId: toGlobalId('ProgressReport', report.id), title: report.title },
    });
    return report;
  }

  /** A new draft version of a published report, starting from its text and highlights. */
  async correct(manager: EntityManager, viewer: User, globalId: string): Promise<ProgressReport> {
    const published = await this.loadFor(manager, viewer, globalId, 'correct');
    const correction = manager.getRepository(ProgressReport).create({
      periodKind: published.periodKind,
      year: published.year,
      periodIndex: published.periodIndex,
      title: published.title,
      status: ProgressReportStatus.DRAFT,
      version: published.version + 1,
      previousVersionId: published.id,
      sections: published.sections,
      highlightProjectIds: published.highlightProjectIds,
      createdById: viewer.id,
    });
    await manager.getRepository(ProgressReport).insert(correction);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      subjectId: correction.id,
      requestId: this.requestId,
      type: 'progressReport.correct',
      subjectType: 'ProgressReport',
      payload: { previousVersionId: toGlobalId('ProgressReport', published.id), version: correction.version },
    });
    return correction;
  }
}

function stateMessage(
  action: ProgressReportAction,
  report: ProgressReport,
  viewer: User,
  newer: boolean,
): string {
  if (action === 'review' && report.submittedById === viewer.id)
    return 'A second coordinator reviews the report, not the one who submitted it.';
  if (action === 'correct' && newer) return 'A correction of this report exists already.';
  const needed: Partial<Record<ProgressReportAction, string>> = {
    edit: 'Only drafts can be edited.',
    submit: 'Only drafts can be submitted for review.',
    review: 'Only reports in review can be reviewed.',
    publish: 'Only reports approved by a second coordinator can be published.',
    correct: 'Only published reports are corrected.',
  };
  return needed[action] ?? `The report is ${report.status.toLowerCase()}.`;
}
