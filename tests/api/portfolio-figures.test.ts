import { CostRecurrence, MunicipalityKind, ProjectCategory, ProjectPhase, ProjectStatus } from '@hub/shared';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { portfolioFigures } from '../../packages/api/src/modules/projects/project.overview';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { municipality } from '../support/factories';
import { portfolioFiguresFromProjects } from '../support/portfolio-figures-history';
import { buildProject } from '../support/project-factories';

/*
 * The ministry's portfolio figures read the maintained figure sums (project_figure_quarter) and
 * count the current phases from the projects. After every kind of write they must equal the
 * former query over the project rows, costs and funding (tests/support/portfolio-figures-history.ts).
 */

let t: TestApp;
let city: Municipality;
let town: Municipality;
let district: Municipality;

beforeAll(async () => {
  t = await startTestApp();
  city = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
  district = await municipality(t.dataSource, 'Landkreis Kusel', MunicipalityKind.LANDKREIS);
  town = await municipality(t.dataSource, 'Kusel');
});
afterAll(() => t.close());

async function expectSameAsFromProjects(): Promise<void> {
  const maintained = await portfolioFigures(t.dataSource);
  expect(maintained).toEqual(await portfolioFiguresFromProjects(t.dataSource));
}

it('equals the figures counted from the projects after every kind of write', async () => {
  await expectSameAsFromProjects();

  const published = await buildProject(t.dataSource, {
    leadMunicipalityId: city.id,
    category: ProjectCategory.MOBILITY,
    phase: ProjectPhase.PILOT,
    costs: [
      { amountCents: 500_000, recurrence: CostRecurrence.ONE_OFF },
      { amountCents: 12_000, recurrence: CostRecurrence.YEARLY },
    ],
  });
  const other = await buildProject(t.dataSource, {
    leadMunicipalityId: town.id,
    category: ProjectCategory.HEALTH_SOCIAL,
    phase: ProjectPhase.IDEA,
  });
  await buildProject(t.dataSource, {
    leadMunicipalityId: city.id,
    status: ProjectStatus.DRAFT,
    publishedAt: null,
    costs: [{ amountCents: 90_000, recurrence: CostRecurrence.ONE_OFF }],
  });
  // A cost of nothing still makes a project one "with costs".
  const free = await buildProject(t.dataSource, {
    leadMunicipalityId: town.id,
    costs: [{ amountCents: 0, recurrence: CostRecurrence.YEARLY }],
  });
  await expectSameAsFromProjects();
  expect((await portfolioFigures(t.dataSource)).projectsWithCosts).toBeGreaterThanOrEqual(2);

  await t.dataSource.query(
    `INSERT INTO project_funding (project_id, programme, amount_cents) VALUES ($1, 'Förderprogramm', 250000)`,
    [published.id],
  );
  await expectSameAsFromProjects();

  // The current phase moves without a phase-history row of its own making a difference.
  await t.dataSource.query('UPDATE project SET phase = $2 WHERE id = $1', [other.id, ProjectPhase.ROLLOUT]);
  await t.dataSource.query('UPDATE project SET category = $2 WHERE id = $1', [
    published.id,
    ProjectCategory.HEALTH_SOCIAL,
  ]);
  await expectSameAsFromProjects();

  await t.dataSource.query('UPDATE project_cost SET amount_cents = amount_cents * 2 WHERE project_id = $1', [
    published.id,
  ]);
  await t.dataSource.query(`DELETE FROM project_cost WHERE project_id = $1 AND recurrence = 'YEARLY'`, [
    published.id,
  ]);
  await expectSameAsFromProjects();

  // The Gemeinde joins a Landkreis: its projects count there.
  await t.dataSource.query('UPDATE municipality SET district_id = $2 WHERE id = $1', [town.id, district.id]);
  await expectSameAsFromProjects();

  await t.dataSource.query(`UPDATE project SET status = 'DRAFT' WHERE id = $1`, [other.id]);
  await t.dataSource.query('DELETE FROM project WHERE id = $1', [free.id]);
  await expectSameAsFromProjects();

  await t.dataSource.query(`UPDATE project SET status = 'PUBLISHED' WHERE id = $1`, [other.id]);
  await expectSameAsFromProjects();
});
