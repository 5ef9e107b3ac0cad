import { PROJECT_CURRENCY } from '@hub/shared';
import type { ProjectedType } from '../../graphql/sql-projection';
import { municipalityReferencedBy } from '../municipalities';
import { costTotalsSql } from './project.costs';
import { Project } from './project.entity';
import { ProjectStatusUpdate } from './project-details.entity';

/**
 * SQL: FROM clause of a project's latest status update under `update` (newest report, then newest
 * written), as `latestStatusUpdateByProject` orders them.
 */
export function latestStatusUpdateFrom(project: string, update: string): string {
  return `project_status_update ${update} WHERE ${update}.project_id = ${project}.id
            ORDER BY ${update}.reported_on DESC, ${update}.created_at DESC LIMIT 1`;
}

const statusUpdateProjection: ProjectedType = { name: 'ProjectStatusUpdate', entity: ProjectStatusUpdate };

/** `ProjectResolver.participants`: the municipalities taking part with their role, first joined first. */
const participationProjection: ProjectedType = {
  name: 'ProjectParticipation',
  fields: {
    role: { scalar: (participant) => `${participant}.role` },
    municipality: municipalityReferencedBy('municipality_id'),
  },
};

/** `ProjectResolver.costSummary`, from the project's row. */
const costSummaryProjection: ProjectedType = {
  name: 'CostSummary',
  fields: {
    oneOffTotalCents: { scalar: (p) => costTotalsSql(p).oneOffCents },
    yearlyTotalCents: { scalar: (p) => costTotalsSql(p).yearlyCents },
    fundingTotalCents: { scalar: (p) => costTotalsSql(p).fundingCents },
    currency: { scalar: () => `'${PROJECT_CURRENCY}'::text` },
    hasCostInformation: { scalar: (p) => `${costTotalsSql(p).lineItems} > 0` },
  },
};

/**
 * A project answered in SQL (see graphql/sql-projection.ts) for the catalogue's cards: its plain
 * column fields and the relations a card shows, each as its field resolver in project.resolver.ts
 * reads it. Fields that depend on the viewer (contacts, viewerCan, workingGroup) or read other
 * projects (origin, lineage, adopters) have no projection: a selection with them resolves as usual.
 */
export const projectProjection: ProjectedType = {
  name: 'Project',
  entity: Project,
  fields: {
    leadMunicipality: municipalityReferencedBy('lead_municipality_id'),
    participants: {
      list: () => participationProjection,
      from: (p, pp) =>
        `project_participant ${pp} WHERE ${pp}.project_id = ${p}.id AND EXISTS (SELECT 1 FROM municipality pm WHERE pm.id = ${pp}.municipality_id)`,
      orderBy: (pp) => `${pp}.created_at, ${pp}.id`,
    },
    latestStatusUpdate: {
      object: () => statusUpdateProjection,
      from: (p, u) => latestStatusUpdateFrom(p, u),
    },
    progressPercent: {
      scalar: (p) => `(SELECT lu.progress_percent FROM ${latestStatusUpdateFrom(p, 'lu')})`,
    },
    costSummary: { object: () => costSummaryProjection },
    estimatedSavingCents: { scalar: (p) => `${p}.estimated_saving_cents` },
  },
};
