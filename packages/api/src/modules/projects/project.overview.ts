import { ProjectPhase, ProjectStatus } from '@hub/shared';
import type { DataSource } from 'typeorm';
import type { SqlSubquery } from '../../policy/policy';

/** Phases in which a project is finished with (no status update is expected any more). */
const CLOSED_PHASES = [ProjectPhase.TRANSFERRED, ProjectPhase.DISCONTINUED];

/**
 * Projects the municipality leads that are still running and had no status update (or, without
 * any, were created) more than `days` days ago, longest silent first: one statement.
 */
export async function staleProjectsOf(
  dataSource: DataSource,
  municipalityId: string,
  days: number,
  limit: number,
  now = new Date(),
): Promise<{ ids: string[]; total: number }> {
  const rows: { id: string; total: number }[] = await dataSource.query(
    `SELECT p.id, COUNT(*) OVER ()::int AS total
       FROM project p
       LEFT JOIN LATERAL (SELECT MAX(u.reported_on) AS reported_on FROM project_status_update u
                           WHERE u.project_id = p.id) latest ON true
      WHERE p.lead_municipality_id = $1 AND NOT (p.phase::text = ANY($2::text[]))
        AND COALESCE(latest.reported_on, p.created_at::date) < ($3::timestamptz - make_interval(days => $4))::date
      ORDER BY COALESCE(latest.reported_on, p.created_at::date), p.id
      LIMIT $5`,
    [municipalityId, CLOSED_PHASES, now, days, limit],
  );
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
}

/**
 * Published projects of other municipalities, in the categories of the municipality's own projects,
 * that others have adopted (proven reuse), and that the municipality does not take part in yet:
 * most adopted first, one statement.
 */
export async function adoptedProjectsLikeOurs(
  dataSource: DataSource,
  municipalityId: string,
  limit: number,
): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT p.id FROM project p
      WHERE p.status = $2 AND p.adoption_count > 0 AND p.lead_municipality_id <> $1
        AND p.category IN (SELECT own.category FROM project own WHERE own.lead_municipality_id = $1)
        AND NOT EXISTS (SELECT 1 FROM project_participant pp
                         WHERE pp.project_id = p.id AND pp.municipality_id = $1)
        AND NOT EXISTS (SELECT 1 FROM project copy
                         WHERE copy.origin_project_id = p.id AND copy.lead_municipality_id = $1)
      ORDER BY p.adoption_count DESC, p.updated_at DESC, p.id
      LIMIT $3`,
    [municipalityId, ProjectStatus.PUBLISHED, limit],
  );
  return rows.map((r) => r.id);
}

/** Ids of the projects assigned to the working groups (their ids as a subquery of the working-groups module): one statement. */
export async function projectIdsOfWorkingGroups(
  dataSource: DataSource,
  workingGroupIds: SqlSubquery,
): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT id FROM project WHERE working_group_id IN (${workingGroupIds.sql})`,
    workingGroupIds.params,
  );
  return rows.map((r) => r.id);
}

/** The published catalogue in aggregate: counts per phase, category and Landkreis, costs and funding. */
export interface PortfolioFigures {
  projectCount: number;
  byPhase: { phase: ProjectPhase; count: number }[];
  byCategory: { category: string; count: number }[];
  /** Per Landkreis or kreisfreie Stadt of the lead municipality. */
  byDistrict: { districtId: string; count: number }[];
  projectsWithCosts: number;
  oneOffCents: number;
  yearlyCents: number;
  fundingCents: number;
}

/**
 * Aggregates over published projects only (what the ministry may read), never a name or contact,
 * in one statement. The counts per category and Landkreis and the cost and funding totals are the
 * sums over all quarters of project_figure_quarter (the figures' aggregate, kept by triggers; a
 * published project always has its publication date, from which it counts there). The phase is the
 * project's CURRENT one, which the aggregate does not keep (it follows the phase history), so the
 * phases are counted from the narrow portfolio index; and "with costs" (any cost row, whatever its
 * amount) from the projects and their cost rows.
 */
export async function portfolioFigures(dataSource: DataSource): Promise<PortfolioFigures> {
  const rows: { figure: string; key: string; amount: string }[] = await dataSource.query(
    `SELECT q.figure::text AS figure, q.key::text AS key, SUM(q.amount)::bigint AS amount
       FROM project_figure_quarter q
      WHERE q.figure IN ('PUBLISHED', 'CATEGORY', 'DISTRICT', 'ONE_OFF', 'YEARLY', 'FUNDING')
      GROUP BY q.figure, q.key HAVING SUM(q.amount) <> 0
     UNION ALL
     SELECT 'PHASE', p.phase::text, COUNT(*) FROM project p WHERE p.status = $1 GROUP BY p.phase
     UNION ALL
     SELECT 'WITH_COSTS', '', COUNT(*) FROM project p
      WHERE p.status = $1 AND EXISTS (SELECT 1 FROM project_cost c WHERE c.project_id = p.id)`,
    [ProjectStatus.PUBLISHED],
  );
  const of = (figure: string) =>
    rows.filter((r) => r.figure === figure).map((r) => ({ key: r.key, count: Number(r.amount) }));
  const total = (figure: string) => of(figure).reduce((sum, r) => sum + r.count, 0);
  const phaseOrder = Object.values(ProjectPhase);
  return {
    projectCount: total('PUBLISHED'),
    byPhase: of('PHASE')
      .map((r) => ({ phase: r.key as ProjectPhase, count: r.count }))
      .sort((a, b) => phaseOrder.indexOf(a.phase) - phaseOrder.indexOf(b.phase)),
    byCategory: of('CATEGORY')
      .map((r) => ({ category: r.key, count: r.count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    byDistrict: of('DISTRICT')
      .map((r) => ({ districtId: r.key, count: r.count }))
      .sort((a, b) => b.count - a.count || a.districtId.localeCompare(b.districtId)),
    projectsWithCosts: total('WITH_COSTS'),
    oneOffCents: total('ONE_OFF'),
    yearlyCents: total('YEARLY'),
    fundingCents: total('FUNDING'),
  };
}

/** How many projects (drafts included) the municipality leads: one statement. */
export async function projectCountLedBy(dataSource: DataSource, municipalityId: string): Promise<number> {
  const [row] = await dataSource.query(
    'SELECT COUNT(*)::int AS count FROM project WHERE lead_municipality_id = $1',
    [municipalityId],
  );
  return row.count;
}
