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
 * in one statement that reads the project table once: counts by dimension (grouping sets) and the
 * cost and funding totals (repeated on every row).
 */
export async function portfolioFigures(dataSource: DataSource): Promise<PortfolioFigures> {
  const counts: {
    phase: string | null;
    category: string | null;
    district_id: string | null;
    grouping: number;
    count: number;
    one_off: string;
    yearly: string;
    with_costs: number;
    funding: string;
  }[] = await dataSource.query(
    `WITH published AS MATERIALIZED (
       SELECT p.id, p.phase::text AS phase, p.category::text AS category,
              COALESCE(m.district_id, m.id) AS district_id
         FROM project p JOIN municipality m ON m.id = p.lead_municipality_id
        WHERE p.status = $1
     ),
     costs AS (
       SELECT COALESCE(SUM(c.amount_cents) FILTER (WHERE c.recurrence = 'ONE_OFF'), 0)::bigint AS one_off,
              COALESCE(SUM(c.amount_cents) FILTER (WHERE c.recurrence = 'YEARLY'), 0)::bigint AS yearly
         FROM project_cost c JOIN published pc ON pc.id = c.project_id
     ),
     with_costs AS (
       SELECT COUNT(*)::int AS with_costs FROM published pw
        WHERE EXISTS (SELECT 1 FROM project_cost c WHERE c.project_id = pw.id)
     ),
     funding AS (
       SELECT COALESCE(SUM(f.amount_cents), 0)::bigint AS funding
         FROM project_funding f JOIN published pf ON pf.id = f.project_id
     )
     SELECT g.*, costs.one_off, costs.yearly, with_costs.with_costs, funding.funding
       FROM (SELECT phase, category, district_id, GROUPING(phase, category, district_id) AS grouping,
                    COUNT(*)::int AS count
               FROM published GROUP BY GROUPING SETS ((phase), (category), (district_id), ())) g,
            costs, with_costs, funding`,
    [ProjectStatus.PUBLISHED],
  );
  // GROUPING() has one bit per argument, the first argument highest: 3 = only phase grouped, etc.
  const ALL = 7;
  const PHASE = 0b011;
  const CATEGORY = 0b101;
  const DISTRICT = 0b110;
  const phaseOrder = Object.values(ProjectPhase);
  return {
    projectCount: counts.find((r) => r.grouping === ALL)?.count ?? 0,
    byPhase: counts
      .filter((r) => r.grouping === PHASE)
      .map((r) => ({ phase: r.phase as ProjectPhase, count: r.count }))
      .sort((a, b) => phaseOrder.indexOf(a.phase) - phaseOrder.indexOf(b.phase)),
    byCategory: counts
      .filter((r) => r.grouping === CATEGORY)
      .map((r) => ({ category: r.category as string, count: r.count }))
      .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category)),
    byDistrict: counts
      .filter((r) => r.grouping === DISTRICT)
      .map((r) => ({ districtId: r.district_id as string, count: r.count }))
      .sort((a, b) => b.count - a.count),
    projectsWithCosts: counts[0]?.with_costs ?? 0,
    oneOffCents: Number(counts[0]?.one_off ?? 0),
    yearlyCents: Number(counts[0]?.yearly ?? 0),
    fundingCents: Number(counts[0]?.funding ?? 0),
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
