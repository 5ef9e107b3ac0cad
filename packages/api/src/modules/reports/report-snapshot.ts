import type { ProjectCategory, ProjectPhase } from '@hub/shared';
import type { NetworkFigures } from './network-figures.types';

/** A status update (Sachstand) in the period, without its author (no personal data in reports). */
export interface ReportStatusUpdate {
  reportedOn: string;
  phase: ProjectPhase;
  progressPercent: number;
  text: string;
}

export interface ReportMilestone {
  title: string;
  dueDate: string | null;
  done: boolean;
}

/** One project's section of a report: what it was and did in the period. */
export interface ReportProjectSection {
  /** Global ID of the project (a link, not a promise that it still exists). */
  projectId: string;
  title: string;
  leadMunicipality: string;
  district: string;
  category: ProjectCategory;
  phase: ProjectPhase;
  progressPercent: number | null;
  highlight: boolean;
  statusUpdates: ReportStatusUpdate[];
  milestones: ReportMilestone[];
}

export interface ReportSection {
  title: string;
  body: string;
  /** The body rendered and sanitised when the snapshot was taken. */
  html: string;
}

/** Everything a published report shows, kept as it was at publication. */
export interface ReportSnapshot {
  title: string;
  current: NetworkFigures;
  previous: NetworkFigures;
  sections: ReportSection[];
  projects: ReportProjectSection[];
}
