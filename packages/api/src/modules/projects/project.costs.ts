import { CostRecurrence } from '@hub/shared';

/**
 * A project's cost and funding totals as SQL expressions on `project p`: the one definition used
 * by the project page (`costTotalsByProject`) and by the catalogue's CSV and XLSX exports.
 */
export const COST_TOTALS_SQL = {
  oneOffCents: `COALESCE((SELECT SUM(c.amount_cents) FROM project_cost c WHERE c.project_id = p.id AND c.recurrence = '${CostRecurrence.ONE_OFF}'), 0)`,
  yearlyCents: `COALESCE((SELECT SUM(c.amount_cents) FROM project_cost c WHERE c.project_id = p.id AND c.recurrence = '${CostRecurrence.YEARLY}'), 0)`,
  fundingCents: 'COALESCE((SELECT SUM(f.amount_cents) FROM project_funding f WHERE f.project_id = p.id), 0)',
  lineItems: '(SELECT COUNT(*)::int FROM project_cost c WHERE c.project_id = p.id)',
} as const;
