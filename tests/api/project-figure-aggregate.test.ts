import type { Period } from '@hub/shared';
import {
  berlinDate,
  CostRecurrence,
  MunicipalityKind,
  PeriodKind,
  ProjectCategory,
  ProjectPhase,
  ProjectStatus,
  periodContaining,
  periodDates,
} from '@hub/shared';
import { ProjectFigureAggregate1796094214073 } from '../../packages/api/src/db/migrations/1796094214073-ProjectFigureAggregate';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { projectFigures } from '../../packages/api/src/modules/projects/project.figures';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';
import { projectFiguresFromHistory } from '../support/project-figures-history';

/*
 * The project figures come from project_figure_quarter, kept by triggers as projects change
 * (migration ProjectFigureAggregate). After every kind of write the maintained sums must equal
 * a rebuild from history, and the figures read from them must equal those of the history queries
 * they replaced (tests/support/project-figures-history.ts) for every quarter, half-year and year.
 */

let t: TestApp;
let officer: User;
let kaiserslautern: Municipality;

const at = (iso: string) => new Date(iso);

/** Every quarter, half-year and year from 2024 to 2027 and the current quarter. */
const PERIODS: Period[] = [2024, 2025, 2026, 2027].flatMap((year) => [
  ...[1, 2, 3, 4].map((index) => ({ kind: PeriodKind.QUARTER, year, index })),
  ...[1, 2].map((index) => ({ kind: PeriodKind.HALF_YEAR, year, index })),
  { kind: PeriodKind.YEAR, year, index: 1 },
]);

type Row = { quarter: string; figure: string; key: string; amount: string };

const maintained = (): Promise<Row[]> =>
  t.dataSource.query(
    `SELECT quarter::text, figure, key, amount::text FROM project_figure_quarter
      WHERE amount <> 0 ORDER BY quarter, figure, key`,
  );

/** The sums rebuilt from history in a transaction that is rolled back: the maintained ones stay. */
async function rebuilt(): Promise<Row[]> {
  const runner = t.dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query('SELECT hub_rebuild_project_figures()');
    return await runner.query(
      `SELECT quarter::text, figure, key, amount::text FROM project_figure_quarter
        WHERE amount <> 0 ORDER BY quarter, figure, key`,
    );
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

/** The maintained sums equal a rebuild, and the figures equal the history queries' for every period. */
async function expectAggregateRight(): Promise<void> {
  expect(await maintained()).toEqual(await rebuilt());
  const bounds = PERIODS.map(periodDates);
  expect(await projectFigures(t.dataSource.manager, bounds)).toEqual(
    await projectFiguresFromHistory(t.dataSource.manager, bounds),
  );
}

const FIGURES = `query($period: PeriodInput!) { networkFigures(period: $period) {
  current { projectCount projectsPublished projectsByPhase { phase count } projectsByCategory { category count }
            adoptionCount oneOffCostCents yearlyCostCents }
} }`;

async function figuresOf(period: Period) {
  const result = await (await t.as(officer)).gql(FIGURES, { period });
  expect(result.errors).toBeUndefined();
  const current = result.data?.networkFigures.current;
  const phase = (p: ProjectPhase) =>
    current.projectsByPhase.find((x: { phase: string }) => x.phase === p).count as number;
  const category = (c: ProjectCategory) =>
    current.projectsByCategory.find((x: { category: string }) => x.category === c).count as number;
  return { ...current, phase, category };
}

beforeAll(async () => {
  t = await startTestApp();
  kaiserslautern = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
  officer = await buildUser(t.dataSource, { municipalityId: kaiserslautern.id });
});
afterAll(() => t.close());

describe('the project figure aggregate', () => {
  it('stays right after writes through the API: create, publish, status updates, costs, category', async () => {
    const now = periodContaining(PeriodKind.QUARTER, berlinDate());
    const before = await figuresOf(now);
    const client = await t.as(officer);
    const created = await client.gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code field } } }`,
      {
        input: {
          title: 'Digitale Bauakte',
          category: 'ADMINISTRATION',
          costs: [{ label: 'Lizenz', costType: 'LICENCE', recurrence: 'ONE_OFF', amountCents: 120_000 }],
        },
      },
    );
    expect(created.data?.createProject.userErrors).toEqual([]);
    const id = created.data?.createProject.project.id as string;
    // A draft counts nowhere.
    expect((await figuresOf(now)).projectCount).toBe(before.projectCount);
    await expectAggregateRight();

    const published = await client.gql(
      `mutation($input: SetProjectStatusInput!) { setProjectStatus(input: $input) { userErrors { code } } }`,
      { input: { id, status: 'PUBLISHED' } },
    );
    expect(published.data?.setProjectStatus.userErrors).toEqual([]);
    let after = await figuresOf(now);
    expect(after.projectCount).toBe(before.projectCount + 1);
    expect(after.projectsPublished).toBe(before.projectsPublished + 1);
    expect(after.oneOffCostCents).toBe(before.oneOffCostCents + 120_000);
    expect(after.category(ProjectCategory.ADMINISTRATION)).toBe(
      before.category(ProjectCategory.ADMINISTRATION) + 1,
    );
    await expectAggregateRight();

    const posted = await client.gql(
      `mutation($input: PostStatusUpdateInput!) { postProjectStatusUpdate(input: $input) { userErrors { code field } } }`,
      {
        input: {
          projectId: id,
          reportedOn: berlinDate(),
          phase: 'ROLLOUT',
          progressPercent: 60,
          text: 'Läuft.',
        },
      },
    );
    expect(posted.data?.postProjectStatusUpdate.userErrors).toEqual([]);
    after = await figuresOf(now);
    expect(after.phase(ProjectPhase.ROLLOUT)).toBe(before.phase(ProjectPhase.ROLLOUT) + 1);
    await expectAggregateRight();

    const updated = await client.gql(
      `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { userErrors { code field } } }`,
      {
        input: {
          id,
          category: 'MOBILITY',
          costs: [{ label: 'Betrieb', costType: 'SERVICES', recurrence: 'YEARLY', amountCents: 30_000 }],
        },
      },
    );
    expect(updated.data?.updateProject.userErrors).toEqual([]);
    after = await figuresOf(now);
    expect(after.oneOffCostCents).toBe(before.oneOffCostCents);
    expect(after.yearlyCostCents).toBe(before.yearlyCostCents + 30_000);
    expect(after.category(ProjectCategory.ADMINISTRATION)).toBe(
      before.category(ProjectCategory.ADMINISTRATION),
    );
    expect(after.category(ProjectCategory.MOBILITY)).toBe(before.category(ProjectCategory.MOBILITY) + 1);
    await expectAggregateRight();
  });

  it('counts by Berlin time across quarter boundaries, in winter and in summer time', async () => {
    const lead = (await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT)).id;
    // 23:30 on 31 December Berlin time (Q4 2024) and 00:30 on 1 January (Q1 2025): both 31 December in UTC.
    await buildProject(t.dataSource, {
      leadMunicipalityId: lead,
      phase: ProjectPhase.IDEA,
      category: ProjectCategory.ENVIRONMENT_ENERGY,
      createdAt: at('2024-12-01T09:00:00Z'),
      publishedAt: at('2024-12-31T22:30:00Z'),
    });
    const january = await buildProject(t.dataSource, {
      leadMunicipalityId: lead,
      phase: ProjectPhase.IDEA,
      category: ProjectCategory.ENVIRONMENT_ENERGY,
      createdAt: at('2024-12-01T09:00:00Z'),
      publishedAt: at('2024-12-31T23:30:00Z'),
      costs: [{ amountCents: 70_000, recurrence: CostRecurrence.ONE_OFF }],
    });
    // A pilot from 1 April 2025 (summer time: Berlin midnight is 22:00 UTC on 31 March), a rollout
    // reported for 31 March, posted later (back-dated): the phase at the end of Q1 is ROLLOUT.
    await t.dataSource.query(
      `INSERT INTO project_status_update (project_id, reported_on, phase, progress_percent, text)
       VALUES ($1, '2025-04-01', 'PILOT', 30, 'Pilot'), ($1, '2025-03-31', 'ROLLOUT', 50, 'Nachgetragen')`,
      [january.id],
    );
    const q = (year: number, index: number) => ({ kind: PeriodKind.QUARTER, year, index });
    const bounds = [q(2024, 4), q(2025, 1), q(2025, 2)].map(periodDates);
    const [q4, q1, q2] = await projectFigures(t.dataSource.manager, bounds);
    expect(q4.byCategory[ProjectCategory.ENVIRONMENT_ENERGY]).toBe(1);
    expect(q4.projectsPublished).toBe(1);
    expect(q1.byCategory[ProjectCategory.ENVIRONMENT_ENERGY]).toBe(2);
    expect(q1.projectsPublished).toBe(1);
    expect(q4.oneOffCostCents).toBe(0);
    expect(q1.oneOffCostCents).toBe(70_000);
    expect(q1.byPhase[ProjectPhase.ROLLOUT]).toBe(1);
    expect(q1.byPhase[ProjectPhase.IDEA]).toBe(1);
    expect(q2.byPhase[ProjectPhase.PILOT]).toBe(1);
    expect(q2.byPhase[ProjectPhase.ROLLOUT] ?? 0).toBe(0);
    await expectAggregateRight();
  });

  it('counts adoptions whatever their status, and follows bulk writes, unpublishing and deletion', async () => {
    const origin = await buildProject(t.dataSource, {
      leadMunicipalityId: kaiserslautern.id,
      createdAt: at('2025-02-01T09:00:00Z'),
      publishedAt: at('2025-02-01T09:00:00Z'),
    });
    const adoption = await buildProject(t.dataSource, {
      status: ProjectStatus.DRAFT,
      publishedAt: null,
      originProjectId: origin.id,
      estimatedSavingCents: 250_000,
      createdAt: at('2025-06-30T22:30:00Z'),
    });
    const [q2, q3] = await projectFigures(
      t.dataSource.manager,
      [
        { kind: PeriodKind.QUARTER, year: 2025, index: 2 },
        { kind: PeriodKind.QUARTER, year: 2025, index: 3 },
      ].map(periodDates),
    );
    expect(q2.adoptionsInPeriod).toBe(0);
    expect(q3.adoptionsInPeriod).toBe(1);
    expect(q3.savingsInPeriodCents).toBe(250_000);
    await expectAggregateRight();

    // One statement over many rows, as seeds and the bench write.
    await t.dataSource.query(
      `UPDATE project SET published_at = published_at - make_interval(days => abs(hashtext(id::text)) % 400)
        WHERE published_at IS NOT NULL`,
    );
    await expectAggregateRight();
    await t.dataSource.query(`UPDATE project SET status = 'DRAFT' WHERE id = $1`, [origin.id]);
    await expectAggregateRight();
    await t.dataSource.query('DELETE FROM project WHERE id = $1', [adoption.id]);
    await expectAggregateRight();
  });

  it('keeps nothing of a rolled-back transaction', async () => {
    const project = await buildProject(t.dataSource, { leadMunicipalityId: kaiserslautern.id });
    const before = await maintained();
    const thisQuarter = periodDates(periodContaining(PeriodKind.QUARTER, berlinDate()));
    const [outside] = await projectFigures(t.dataSource.manager, [thisQuarter]);
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(
        `INSERT INTO project_status_update (project_id, reported_on, phase, progress_percent, text)
         VALUES ($1, CURRENT_DATE, 'OPERATIONAL', 100, 'Fertig')`,
        [project.id],
      );
      await runner.query(
        `UPDATE project SET category = 'HEALTH_SOCIAL', phase = 'OPERATIONAL' WHERE id = $1`,
        [project.id],
      );
      // Inside the transaction the figures read take its own writes in ...
      const [inside] = await projectFigures(runner.manager, [thisQuarter]);
      expect(inside.byCategory[ProjectCategory.HEALTH_SOCIAL] ?? 0).toBe(
        (outside.byCategory[ProjectCategory.HEALTH_SOCIAL] ?? 0) + 1,
      );
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    // ... and after the rollback the sums are as before.
    expect(await maintained()).toEqual(before);
    expect((await projectFigures(t.dataSource.manager, [thisQuarter]))[0]).toEqual(outside);
    await expectAggregateRight();
  });

  it('is rebuilt from history by its migration, on a database that has projects already', async () => {
    const before = await maintained();
    expect(before.length).toBeGreaterThan(0);
    const migration = new ProjectFigureAggregate1796094214073();
    const runner = t.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await maintained()).toEqual(before);
    await expectAggregateRight();
  });

  it('reads one statement for the project figures, however many periods', async () => {
    const one = await (await t.as(officer)).gql('{ networkFigureSeries(quarters: 1) { projectCount } }');
    const forty = await (await t.as(officer)).gql('{ networkFigureSeries(quarters: 40) { projectCount } }');
    const reads = (statements: string[]) => statements.filter((s) => /project_figure_quarter/.test(s));
    expect(reads(one.statements)).toHaveLength(1);
    expect(reads(forty.statements)).toHaveLength(1);
    expect(forty.statements.some((s) => /project_phase_change/.test(s))).toBe(false);
  });
});
