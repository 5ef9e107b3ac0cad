/**
 * `pnpm bench reports`: the network's figures and the progress reports on the 10,000-project
 * data of the projects benchmark, with 60 members joined over two years. Prints the dashboard
 * queries' percentiles (goal: p95 < 50 ms) beside those of a floor request sent alternately in
 * the same run (the ratio is what compares between runs on a shared machine), and the time to compute a report with 200 projects
 * (goal < 2 s) and to render it as PDF (goal < 5 s).
 */
import 'reflect-metadata';
import {
  berlinDate,
  PeriodKind,
  ProgressReportStatus,
  periodContaining,
  Role,
  UserStatus,
} from '@hub/shared';
import type { DataSource } from 'typeorm';
import { ProgressReport } from '../modules/reports/progress-report.entity';
import { reportContent } from '../modules/reports/progress-report.service';
import { renderReportPdf } from '../modules/reports/report.pdf';
import { User } from '../modules/users/user.entity';
import type { App } from '../server/app';
import type { ScenarioResult } from './harness';
import { benchmark, runIfMain } from './harness';
import { seedBenchProjects } from './projects';

/** Computed figures: the process forgets what it remembered before each timed request. */
const forget = (app: App) => app.publicMemo?.clear();

const FIGURES = `query NetworkFiguresSectionQuery($period: PeriodInput!) { networkFigures(period: $period) {
  current { period { label } memberCount populationCovered populationShare projectCount projectsByPhase { phase count }
            adoptionCount estimatedSavingCents meetingsHeld attendanceRate actionItemsDoneOnTime actionItemsOverdue }
  previous { memberCount populationCovered projectCount adoptionCount estimatedSavingCents meetingsHeld actionItemsOverdue }
} }`;
const SERIES = `query KeyFiguresPageQuery { networkFigureSeries(quarters: 8) {
  period { label } memberCount populationShare projectCount projectsByPhase { phase count } projectsByCategory { category count }
  projectsByDistrict { name count } adoptionCount oneOffCostCents fundingCents meetingsHeld attendances actionItemsOverdue
} }`;
/** The floor: the same server, session and GraphQL pipeline, no SQL beyond the session lookup. */
const FLOOR = 'query Floor { viewerCanCreateProgressReport }';
const LIST = `query ReportsPageQuery { progressReports(first: 20) { totalCount edges { node { id title status period { label } } } } }`;

/** 60 member municipalities that joined one after another over two years. */
export async function seedMembers(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `WITH picked AS (SELECT id, row_number() OVER (ORDER BY ars) AS i FROM municipality
                      WHERE kind IN ('KREISFREIE_STADT', 'VERBANDSGEMEINDE', 'LANDKREIS') LIMIT 60),
          made AS (INSERT INTO network_membership (municipality_id, status, since)
                   SELECT id, 'ACTIVE', now() - make_interval(days => (i * 12)::int) FROM picked RETURNING id, municipality_id)
     INSERT INTO membership_event (membership_id, from_status, to_status, created_at)
     SELECT made.id, s.from_status::membership_event_status, s.to_status::membership_event_status,
            now() - make_interval(days => (p.i * 12 + s.offset_days)::int)
       FROM made JOIN picked p ON p.id = made.municipality_id,
            (VALUES (NULL, 'INVITED', 14), ('INVITED', 'ACTIVE', 0)) AS s(from_status, to_status, offset_days)`,
  );
}

/** A report for Q3 2024 over exactly 200 projects with a status update in that quarter. */
async function timeReport(dataSource: DataSource, coordinatorId: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO project_status_update (project_id, reported_on, phase, progress_percent, text)
     SELECT id, DATE '2024-08-15', phase::text::project_status_update_phase, 50,
            'Sachstand im dritten Quartal: Ausschreibung abgeschlossen, Umsetzung läuft planmäßig.'
       FROM project WHERE status = 'PUBLISHED' ORDER BY created_at LIMIT 200`,
  );
  await dataSource.query(
    `UPDATE project SET published_at = LEAST(published_at, '2024-01-01') WHERE status = 'PUBLISHED'`,
  );
  const report = dataSource.getRepository(ProgressReport).create({
    periodKind: PeriodKind.QUARTER,
    year: 2024,
    periodIndex: 3,
    title: 'Fortschrittsbericht Q3 2024',
    status: ProgressReportStatus.DRAFT,
    version: 1,
    sections: [
      { title: 'Zusammenfassung', body: 'Das Netzwerk **wächst** weiter.\n\n- Punkt eins\n- Punkt zwei' },
    ],
    highlightProjectIds: [],
    createdById: coordinatorId,
  });
  await dataSource.getRepository(ProgressReport).insert(report);
  for (let round = 1; round <= 3; round++) {
    let started = Date.now();
    const content = await reportContent(dataSource.manager, report);
    const computed = Date.now() - started;
    started = Date.now();
    const pdf = await renderReportPdf(content, { status: report.status, version: 1, publishedAt: null });
    console.log(
      `report with ${content.projects.length} projects (round ${round}): computed in ${computed} ms (goal < 2000), PDF of ${Math.round(pdf.length / 1024)} KB in ${Date.now() - started} ms (goal < 5000)`,
    );
  }
}

export function run(
  options: { iterations?: number; projects?: number; print?: boolean } = {},
): Promise<ScenarioResult[]> {
  const projects = options.projects ?? Number(process.env.BENCH_PROJECTS ?? 10_000);
  return benchmark({
    name: 'reports',
    demo: false,
    async prepare(dataSource) {
      await seedBenchProjects(dataSource, projects);
      // Publications spread over two years, so that every quarter of the series has its own figures.
      await dataSource.query(
        `UPDATE project SET published_at = published_at - make_interval(days => abs(hashtext(id::text)) % 730)
          WHERE published_at IS NOT NULL`,
      );
      await seedMembers(dataSource);
      const users = dataSource.getRepository(User);
      const coordinator = users.create({
        email: `bench-reports-${Date.now()}@example.org`,
        name: 'Bench Koordination',
        role: Role.COORDINATOR,
        status: UserStatus.ACTIVE,
      });
      await users.save(coordinator);
      await dataSource.query('ANALYZE');
      await timeReport(dataSource, coordinator.id);
      return { asUserId: coordinator.id };
    },
    floor: { query: FLOOR },
    scenarios: [
      {
        // What the coordinator's and the ministry's start pages ask: this quarter and the one before.
        scenario: 'networkFigures (this quarter, start page), computed',
        query: FIGURES,
        variables: { period: periodContaining(PeriodKind.QUARTER, berlinDate()) },
        beforeEach: forget,
      },
      {
        // The same as readers meet it between two writes: remembered (live/public-data-memo.ts).
        scenario: 'networkFigures (this quarter, start page), remembered',
        query: FIGURES,
        variables: { period: periodContaining(PeriodKind.QUARTER, berlinDate()) },
      },
      {
        scenario: 'networkFigures (Q2 2025 and previous), computed',
        query: FIGURES,
        variables: { period: { kind: 'QUARTER', year: 2025, index: 2 } },
        beforeEach: forget,
      },
      {
        scenario: 'networkFigures (a year), computed',
        query: FIGURES,
        variables: { period: { kind: 'YEAR', year: 2025, index: 1 } },
        beforeEach: forget,
      },
      { scenario: 'networkFigureSeries (8 quarters), computed', query: SERIES, beforeEach: forget },
      { scenario: 'networkFigureSeries (8 quarters), remembered', query: SERIES },
      { scenario: 'progressReports list', query: LIST },
    ],
    iterations: options.iterations,
    print: options.print,
  });
}

runIfMain(module, run);
