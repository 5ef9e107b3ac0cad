import { ProjectPhase, ProjectStatus } from '@hub/shared';
import type { DataSource } from 'typeorm';
import type { PortfolioFigures } from '../../packages/api/src/modules/projects/project.overview';

/**
 * The ministry's portfolio figures as they were computed before the maintained aggregate: from the
 * project rows, their costs and funding (one statement with grouping sets). The maintained figures
 * must equal these after every kind of write (tests/api/portfolio-figures.test.ts).
 */
export async function portfolioFiguresFromProjects(dataSource: DataSource): Promise<PortfolioFigures> {
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
      .sort((a, b) => b.count - a.count || a.districtId.localeCompare(b.districtId)),
    projectsWithCosts: counts[0]?.with_costs ?? 0,
    oneOffCents: Number(counts[0]?.one_off ?? 0),
    yearlyCents: Number(counts[0]?.yearly ?? 0),
    fundingCents: Number(counts[0]?.funding ?? 0),
  };
}
