import { ProgressReportStatus } from '@hub/shared';
import type { User } from '../users';
import { isCoordinator } from '../users';
import type { ProgressReport } from './progress-report.entity';

export type ProgressReportAction =
  | 'readFigures'
  | 'list'
  | 'read'
  | 'readWorkflow'
  | 'create'
  | 'edit'
  | 'submit'
  | 'review'
  | 'publish'
  | 'correct';

/** What a rule looks at: the report with its state, and whether a correction of it is under way. */
export interface ProgressReportSubject {
  report?: Pick<ProgressReport, 'status' | 'submittedById'> | null;
  /** For `correct`: a newer version of this report exists already. */
  hasNewerVersion?: boolean;
}

/**
 * Who may do what with progress reports and the network's figures. Every signed-in person
 * (officers and the ministry included) reads the figures, which are aggregates, and the published
 * reports; coordinators also drafts and who wrote, reviewed and published a report. Coordinators
 * compile; a report goes for review and a SECOND coordinator (not the one who submitted it)
 * approves it; only an approved report is published, and a published one is only corrected by a
 * new version. The public reads none of it.
 */
export function can(
  actor: User | null,
  action: ProgressReportAction,
  subject: ProgressReportSubject = {},
): boolean {
  if (!actor) return false;
  const report = subject.report ?? null;
  switch (action) {
    case 'readFigures':
    case 'list':
      return true;
    case 'read':
      return report !== null && (isCoordinator(actor) || report.status === ProgressReportStatus.PUBLISHED);
    case 'readWorkflow':
    case 'create':
      return isCoordinator(actor);
    case 'edit':
    case 'submit':
      return isCoordinator(actor) && report?.status === ProgressReportStatus.DRAFT;
    case 'review':
      return (
        isCoordinator(actor) &&
        report?.status === ProgressReportStatus.IN_REVIEW &&
        report.submittedById !== actor.id
      );
    case 'publish':
      return isCoordinator(actor) && report?.status === ProgressReportStatus.APPROVED;
    case 'correct':
      return (
        isCoordinator(actor) && report?.status === ProgressReportStatus.PUBLISHED && !subject.hasNewerVersion
      );
  }
}

/**
 * The SQL condition on `progress_report` (under `alias`) that lists exactly the reports `can(actor,
 * 'read', …)` allows: everything for coordinators, the published ones for other signed-in people,
 * nothing for the public. Tested against `can` on fixtures.
 */
export function readableReportsSql(actor: User | null, alias: string): string {
  if (!actor) return 'FALSE';
  if (isCoordinator(actor)) return 'TRUE';
  return `${alias}.status = '${ProgressReportStatus.PUBLISHED}'`;
}
