import type { ProjectCategory, ProjectPhase } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { PERIODS_CTE, type PeriodBounds, periodParams } from '../../packages/api/src/db/period-bounds';
import type { ProjectFigures } from '../../packages/api/src/modules/projects/project.figures';

/*
 * The project figure queries as they were before project_figure_quarter: two passes over every
 * published project and its phase history per request. Kept here, unchanged, as the reference that
 * tests/api/project-figure-aggregate.test.ts holds the maintained aggregate to, for any period.
 */

const emptyFigures = (): ProjectFigures => ({
  projectCount: 0,
  projectsPublished: 0,
  byPhase: {},
  byCategory: {},
  byDistrict: [],
  adoptionCount: 0,
  adoptionsInPeriod: 0,
  estimatedSavingCents: 0,
  savingsInPeriodCents: 0,
  oneOffCostCents: 0,
  yearlyCostCents: 0,
  fundingCents: 0,
});

/*
 * A project counts from its publication on (drafts stay out of the figures) with the phase that
 * project_phase_change holds for the moment the period ends; before its first recorded change it
 * counts with that first phase. Costs and funding are the amounts recorded now, of the projects
 * published by the period's end (the hub keeps no history of cost lines).
 *
 * Published projects are read once, from the narrow IDX_project_figures (an index-only scan, not
 * the wide rows with descriptions and search vectors), with their Landkreis; each history row is
 * then matched to the period ends inside its interval; Landkreis names are joined to the few
 * grouped rows only. (A width_bucket/generate_series expansion per history row measured no faster.)
 */
const PHASES_AT_END = `WITH ${PERIODS_CTE},
  published AS MATERIALIZED (
    SELECT p.id, p.category, p.published_at, COALESCE(m.district_id, m.id) AS district_id
      FROM project p JOIN municipality m ON m.id = p.lead_municipality_id
     WHERE p.status = 'PUBLISHED' AND p.published_at < (SELECT max(ends) FROM periods)),
  at_end AS (
    SELECT periods.i, pub.category, h.phase, pub.district_id,
           pub.published_at >= periods.starts AS published_in_period
      FROM periods
      JOIN project_phase_change h ON h.valid_from < periods.ends
                                 AND (h.valid_to IS NULL OR h.valid_to >= periods.ends)
      JOIN published pub ON pub.id = h.project_id AND pub.published_at < periods.ends),
  grouped AS (
    SELECT i, phase::text AS phase, category::text AS category, district_id, count(*)::int AS n,
           (count(*) FILTER (WHERE published_in_period))::int AS published,
           GROUPING(phase, category, district_id) AS grouping
      FROM at_end
     GROUP BY GROUPING SETS ((i), (i, phase), (i, category), (i, district_id)))
  SELECT g.i, g.phase, g.category, g.district_id, d.name AS district_name, g.n, g.published, g.grouping
    FROM grouped g LEFT JOIN municipality d ON d.id = g.district_id`;

/*
 * An adoption dates from when the adopting project was created or, for projects entered after
 * the fact, published, whichever came first. Amounts are summed per bucket between consecutive
 * period ends (one pass over the cost and funding lines of the projects published by the last
 * end), then a period adds up the buckets before its end; adoptions are one join and aggregate.
 */
const ADOPTIONS_AND_MONEY = `WITH ${PERIODS_CTE},
  bounds AS MATERIALIZED (SELECT array_agg(DISTINCT ends ORDER BY ends) AS ends FROM periods),
  published AS MATERIALIZED (
    SELECT p.id, width_bucket(p.published_at, bounds.ends) AS bucket
      FROM bounds, project p
     WHERE p.status = 'PUBLISHED' AND p.published_at < bounds.ends[cardinality(bounds.ends)]),
  buckets AS (
    SELECT pub.bucket,
           sum(c.amount_cents) FILTER (WHERE c.recurrence = 'ONE_OFF') AS one_off,
           sum(c.amount_cents) FILTER (WHERE c.recurrence = 'YEARLY') AS yearly,
           NULL::bigint AS funding
      FROM project_cost c JOIN published pub ON pub.id = c.project_id GROUP BY 1
    UNION ALL
    SELECT pub.bucket, NULL, NULL, sum(f.amount_cents)
      FROM project_funding f JOIN published pub ON pub.id = f.project_id GROUP BY 1),
  money AS (
    SELECT periods.i, COALESCE(sum(b.one_off), 0)::bigint AS one_off,
           COALESCE(sum(b.yearly), 0)::bigint AS yearly, COALESCE(sum(b.funding), 0)::bigint AS funding
      FROM periods CROSS JOIN bounds
      LEFT JOIN buckets b ON b.bucket < array_position(bounds.ends, periods.ends)
     GROUP BY periods.i),
  adoptions AS (
    SELECT periods.i, count(a.adopted_at)::int AS adoptions,
           (count(*) FILTER (WHERE a.adopted_at >= periods.starts))::int AS adoptions_in_period,
           COALESCE(sum(a.saving), 0)::bigint AS savings,
           COALESCE(sum(a.saving) FILTER (WHERE a.adopted_at >= periods.starts), 0)::bigint AS savings_in_period
      FROM periods LEFT JOIN (
        SELECT LEAST(created_at, COALESCE(published_at, created_at)) AS adopted_at,
               COALESCE(estimated_saving_cents, 0) AS saving
          FROM project WHERE origin_project_id IS NOT NULL) a ON a.adopted_at < periods.ends
     GROUP BY periods.i)
  SELECT money.i, adoptions.adoptions, adoptions.adoptions_in_period, adoptions.savings,
         adoptions.savings_in_period, money.one_off, money.yearly, money.funding
    FROM money JOIN adoptions USING (i)`;

interface PhaseRow {
  i: number;
  phase: string | null;
  category: string | null;
  district_id: string | null;
  district_name: string | null;
  n: number;
  published: number;
  grouping: number;
}

/** The project figures computed from history, as before the aggregate: the reference the aggregate must equal. */
export async function projectFiguresFromHistory(
  manager: EntityManager,
  bounds: readonly PeriodBounds[],
): Promise<ProjectFigures[]> {
  const params = periodParams(bounds);
  const figures = bounds.map(emptyFigures);
  const rows: PhaseRow[] = await manager.query(PHASES_AT_END, params);
  const money: Record<string, string | number>[] = await manager.query(ADOPTIONS_AND_MONEY, params);
  for (const row of rows) {
    const f = figures[row.i - 1];
    if (row.phase) f.byPhase[row.phase as ProjectPhase] = row.n;
    else if (row.category) f.byCategory[row.category as ProjectCategory] = row.n;
    else if (row.district_id)
      f.byDistrict.push({ districtId: row.district_id, name: row.district_name ?? '', count: row.n });
    else if (row.grouping === 7) {
      f.projectCount = row.n;
      f.projectsPublished = row.published;
    }
  }
  for (const f of figures)
    f.byDistrict.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'));
  for (const row of money) {
    const f = figures[Number(row.i) - 1];
    f.adoptionCount = Number(row.adoptions);
    f.adoptionsInPeriod = Number(row.adoptions_in_period);
    f.estimatedSavingCents = Number(row.savings);
    f.savingsInPeriodCents = Number(row.savings_in_period);
    f.oneOffCostCents = Number(row.one_off);
    f.yearlyCostCents = Number(row.yearly);
    f.fundingCents = Number(row.funding);
  }
  return figures;
}
