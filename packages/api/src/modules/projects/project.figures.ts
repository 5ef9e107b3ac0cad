import type { ProjectCategory, ProjectPhase } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { PERIODS_CTE, type PeriodBounds, periodParams } from '../../db/period-bounds';

/** The project figures of one period; counts of published projects as they stood at its end. */
export interface ProjectFigures {
  projectCount: number;
  projectsPublished: number;
  byPhase: Partial<Record<ProjectPhase, number>>;
  byCategory: Partial<Record<ProjectCategory, number>>;
  byDistrict: { districtId: string; name: string; count: number }[];
  adoptionCount: number;
  adoptionsInPeriod: number;
  estimatedSavingCents: number;
  savingsInPeriodCents: number;
  oneOffCostCents: number;
  yearlyCostCents: number;
  fundingCents: number;
}

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

/** Project, adoption, cost and funding figures for each period, in the order given; two statements. */
export async function projectFigures(
  manager: EntityManager,
  bounds: readonly PeriodBounds[],
): Promise<ProjectFigures[]> {
  const params = periodParams(bounds);
  const figures = bounds.map(emptyFigures);
  // Side by side on pool connections unless in a transaction (see computeNetworkFigures).
  const [rows, money]: [PhaseRow[], Record<string, string | number>[]] = manager.queryRunner
    ?.isTransactionActive
    ? [await manager.query(PHASES_AT_END, params), await manager.query(ADOPTIONS_AND_MONEY, params)]
    : await Promise.all([manager.query(PHASES_AT_END, params), manager.query(ADOPTIONS_AND_MONEY, params)]);
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

/** A published project's activity in a period, for a progress report (no personal data). */
export interface ProjectActivity {
  id: string;
  title: string;
  leadMunicipality: string;
  district: string;
  category: ProjectCategory;
  /** The phase of its latest status update in the period, else its phase now. */
  phase: ProjectPhase;
  progressPercent: number | null;
  statusUpdates: { reportedOn: string; phase: ProjectPhase; progressPercent: number; text: string }[];
  milestones: { title: string; dueDate: string | null; done: boolean }[];
}

/**
 * The published projects with a status update or a milestone due in the period, and the given
 * ones (highlights) even without: three statements whatever their number.
 */
export async function projectActivity(
  manager: EntityManager,
  bounds: PeriodBounds,
  alsoIds: readonly string[] = [],
): Promise<ProjectActivity[]> {
  const params = [bounds.startsOn, bounds.endsBefore, alsoIds];
  const projects: Record<string, string>[] = await manager.query(
    `SELECT p.id, p.title, p.category::text AS category, p.phase::text AS phase,
            lead.name AS lead, COALESCE(d.name, lead.name) AS district
       FROM project p
       JOIN municipality lead ON lead.id = p.lead_municipality_id
       LEFT JOIN municipality d ON d.id = lead.district_id
      WHERE p.status = 'PUBLISHED' AND p.published_at < ($2::date)::timestamp AT TIME ZONE 'Europe/Berlin'
        AND (p.id = ANY($3::uuid[])
             OR EXISTS (SELECT 1 FROM project_status_update u
                         WHERE u.project_id = p.id AND u.reported_on >= $1::date AND u.reported_on < $2::date)
             OR EXISTS (SELECT 1 FROM project_milestone ms
                         WHERE ms.project_id = p.id AND ms.due_date >= $1::date AND ms.due_date < $2::date))
      ORDER BY p.title, p.id`,
    params,
  );
  const ids = projects.map((p) => p.id);
  const updates: Record<string, string | number>[] = await manager.query(
    `SELECT project_id, to_char(reported_on, 'YYYY-MM-DD') AS reported_on, phase::text AS phase,
            progress_percent, text
       FROM project_status_update
      WHERE project_id = ANY($3::uuid[]) AND reported_on >= $1::date AND reported_on < $2::date
      ORDER BY project_id, reported_on, created_at`,
    [bounds.startsOn, bounds.endsBefore, ids],
  );
  const milestones: Record<string, string | boolean | null>[] = await manager.query(
    `SELECT project_id, title, to_char(due_date, 'YYYY-MM-DD') AS due_date, done
       FROM project_milestone
      WHERE project_id = ANY($3::uuid[]) AND due_date >= $1::date AND due_date < $2::date
      ORDER BY project_id, due_date, position`,
    [bounds.startsOn, bounds.endsBefore, ids],
  );
  const byId = new Map<string, ProjectActivity>(
    projects.map((p) => [
      p.id,
      {
        id: p.id,
        title: p.title,
        leadMunicipality: p.lead,
        district: p.district,
        category: p.category as ProjectCategory,
        phase: p.phase as ProjectPhase,
        progressPercent: null,
        statusUpdates: [],
        milestones: [],
      },
    ]),
  );
  for (const u of updates) {
    const project = byId.get(String(u.project_id));
    if (!project) continue;
    project.statusUpdates.push({
      reportedOn: String(u.reported_on),
      phase: u.phase as ProjectPhase,
      progressPercent: Number(u.progress_percent),
      text: String(u.text),
    });
    project.phase = u.phase as ProjectPhase;
    project.progressPercent = Number(u.progress_percent);
  }
  for (const m of milestones) {
    byId.get(String(m.project_id))?.milestones.push({
      title: String(m.title),
      dueDate: (m.due_date as string) ?? null,
      done: Boolean(m.done),
    });
  }
  return [...byId.values()];
}

/** Those of the ids that name published projects. */
export async function publishedProjectIds(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM project WHERE id = ANY($1::uuid[]) AND status = 'PUBLISHED'`,
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}
