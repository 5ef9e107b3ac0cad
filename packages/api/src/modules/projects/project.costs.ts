import { CostRecurrence } from '@hub/shared';

/**
 * A project's cost and funding totals as SQL expressions on the project row under `project`: the
 * one definition used by the project page (`costTotalsByProject`), the catalogue's answers in SQL
 * (`project.projection.ts`) and its CSV and XLSX exports.
 */
export function costTotalsSql(project: string) {
  return {
    oneOffCents: `COALESCE((SELECT SUM(c.amount_cents) FROM project_cost c WHERE c.project_id = ${project}.id AND c.recurrence = '${CostRecurrence.ONE_OFF}'), 0)`,
    yearlyCents: `COALESCE((SELECT SUM(c.amount_cents) FROM project_cost c WHERE c.project_id = ${project}.id AND c.recurrence = '${CostRecurrence.YEARLY}'), 0)`,
    fundingCents: `COALESCE((SELECT SUM(f.amount_cents) FROM project_funding f WHERE f.project_id = ${project}.id), 0)`,
    lineItems: `(SELECT COUNT(*)::int FROM project_cost c WHERE c.project_id = ${project}.id)`,
  } as const;
}

/** The totals on `project p`. */
export const COST_TOTALS_SQL = costTotalsSql('p');
