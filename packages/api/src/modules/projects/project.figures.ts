import type { ProjectCategory, ProjectPhase } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { type PeriodBounds, periodParams } from '../../db/period-bounds';

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
 * A project counts from its publication on (drafts stay out of the figures) with the phase its
 * phase history holds for the moment the period ends; before its first recorded change it counts
 * with that first phase. Costs and funding are the amounts recorded now, of the projects published
 * by the period's end (the hub keeps no history of cost lines). An adoption dates from when the
 * adopting project was created or, for projects entered after the fact, published, whichever came
 * first.
 *
 * Those rules are applied as projects change, by the triggers of migration ProjectFigureAggregate,
 * into project_figure_quarter (see project-figures.entity.ts): a stock at a period's end is the sum
 * of its rows in the quarters before that end, a flow the sum of those in the period's quarters.
 * One pass over a few hundred rows, however many projects and history rows there are.
 */
const PROJECT_FIGURES = `WITH periods AS (
    SELECT x.i::int AS i, x.s AS starts_on, x.e AS ends_before
      FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS x(s, e, i)),
  summed AS (
    SELECT periods.i, f.figure, f.key, sum(f.amount)::bigint AS stock,
           COALESCE(sum(f.amount) FILTER (WHERE f.quarter >= periods.starts_on), 0)::bigint AS flow
      FROM periods JOIN project_figure_quarter f ON f.quarter < periods.ends_before
     GROUP BY periods.i, f.figure, f.key)
  SELECT s.i, s.figure, s.key, s.stock, s.flow, d.name AS district_name
    FROM summed s LEFT JOIN municipality d ON d.id = CASE WHEN s.figure = 'DISTRICT' THEN s.key::uuid END
   WHERE s.stock <> 0 OR s.flow <> 0`;

/** One figure of one period: its stock at the period's end and its flow within the period. */
interface FigureRow {
  i: number;
  figure: string;
  key: string;
  stock: string;
  flow: string;
  district_name: string | null;
}

/** Project, adoption, cost and funding figures for each period, in the order given; one statement. */
export async function projectFigures(
  manager: EntityManager,
  bounds: readonly PeriodBounds[],
): Promise<ProjectFigures[]> {
  const figures = bounds.map(emptyFigures);
  // The sums take this transaction's own project writes in at its commit: a reader inside a
  // writing transaction (a seed, a report published with fresh data) takes them in first.
  if (manager.queryRunner?.isTransactionActive) await manager.query('SELECT hub_flush_project_figures()');
  const rows: FigureRow[] = await manager.query(PROJECT_FIGURES, periodParams(bounds));
  for (const row of rows) {
    const f = figures[row.i - 1];
    const stock = Number(row.stock);
    const flow = Number(row.flow);
    switch (row.figure) {
      case 'PUBLISHED':
        f.projectCount = stock;
        f.projectsPublished = flow;
        break;
      case 'PHASE':
        if (stock) f.byPhase[row.key as ProjectPhase] = stock;
        break;
      case 'CATEGORY':
        if (stock) f.byCategory[row.key as ProjectCategory] = stock;
        break;
      case 'DISTRICT':
        if (stock) f.byDistrict.push({ districtId: row.key, name: row.district_name ?? '', count: stock });
        break;
      case 'ADOPTION':
        f.adoptionCount = stock;
        f.adoptionsInPeriod = flow;
        break;
      case 'SAVING':
        f.estimatedSavingCents = stock;
        f.savingsInPeriodCents = flow;
        break;
      case 'ONE_OFF':
        f.oneOffCostCents = stock;
        break;
      case 'YEARLY':
        f.yearlyCostCents = stock;
        break;
      case 'FUNDING':
        f.fundingCents = stock;
        break;
    }
  }
  for (const f of figures)
    f.byDistrict.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'de'));
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
