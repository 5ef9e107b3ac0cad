import {
  CostRecurrence,
  MunicipalityKind,
  ProjectCategory,
  ProjectParticipantRole,
  ProjectPhase,
  ProjectStatus,
  Role,
  reusableProjectPhases,
} from '@hub/shared';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { projectPolicy } from '../../packages/api/src/modules/projects';
import type { Project } from '../../packages/api/src/modules/projects/project.entity';
import type { ProjectParticipant } from '../../packages/api/src/modules/projects/project-details.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

/*
 * The published projects' facet counts come from project_facet_cell, kept by triggers in the
 * writing transaction (migration ProjectFacetCells). After every kind of write, and after a
 * rollback, the maintained cells must equal a fresh count; and the facets read from them must
 * count what each viewer may read (drafts of an officer's own municipality, all for coordinators).
 */

let t: TestApp;
let officer: User;
let coordinator: User;
let koblenz: Municipality;
let landau: Municipality;

type Cell = {
  category: string;
  phase: string;
  district_id: string | null;
  solution_open_source: boolean | null;
  has_costs: boolean;
  projects: number;
};
const CELL = 'category::text, phase::text, district_id::text, solution_open_source, has_costs';

const maintained = (): Promise<Cell[]> =>
  t.dataSource.query(`SELECT ${CELL}, projects FROM project_facet_cell ORDER BY ${CELL}`);

/** The published projects counted from scratch, straight from project, municipality and project_cost. */
const fresh = (): Promise<Cell[]> =>
  t.dataSource.query(
    `SELECT ${CELL}, count(*)::integer AS projects FROM (
       SELECT p.category, p.phase, m.district_id, p.solution_open_source,
              EXISTS (SELECT 1 FROM project_cost c WHERE c.project_id = p.id) AS has_costs
         FROM project p LEFT JOIN municipality m ON m.id = p.lead_municipality_id
        WHERE p.status = 'PUBLISHED') x
      GROUP BY ${CELL} ORDER BY ${CELL}`,
  );

/** A maintained roll-up of the cells (migration ProjectFacetRollups) and the same sums of the fresh cells. */
async function expectRollUpRight(table: string, columns: (keyof Cell)[], cells: Cell[]): Promise<void> {
  const list = columns.map((c) => (c === 'has_costs' || c === 'solution_open_source' ? c : `${c}::text`));
  const rows: Cell[] = await t.dataSource.query(
    `SELECT ${list.join(', ')}, projects FROM ${table} ORDER BY ${list.join(', ')}`,
  );
  const sums = new Map<string, Partial<Cell>>();
  for (const cell of cells) {
    const key = JSON.stringify(columns.map((c) => cell[c]));
    const sum = sums.get(key) ?? { ...Object.fromEntries(columns.map((c) => [c, cell[c]])), projects: 0 };
    sum.projects = (sum.projects ?? 0) + cell.projects;
    sums.set(key, sum);
  }
  const sorted = (list: Partial<Cell>[]) =>
    list.map((row) => JSON.stringify(row)).sort((a, b) => a.localeCompare(b));
  expect(sorted(rows)).toEqual(sorted([...sums.values()]));
}

async function expectCellsRight(): Promise<void> {
  const cells = await fresh();
  expect(await maintained()).toEqual(cells);
  await expectRollUpRight(
    'project_facet_cell_all_districts',
    ['category', 'phase', 'solution_open_source', 'has_costs'],
    cells,
  );
  await expectRollUpRight('project_facet_district', ['district_id'], cells);
}

const FACETS = `query($filter: ProjectFilter) { projectFacets(filter: $filter) {
  categories { value count } phases { value count } districts { district { id } count }
  openSource { value count } hasCosts { value count } reusable { value count } } }`;

type Counts = Record<string, { value: string; count: number }[]>;
async function facetsAs(user: User | null, filter: Record<string, unknown> = {}): Promise<Counts> {
  const client = user ? await t.as(user) : t.client();
  const result = await client.gql(FACETS, { filter });
  expect(result.errors).toBeUndefined();
  return result.data?.projectFacets;
}
const countOf = (counts: { value: string; count: number }[], value: string) =>
  counts.find((c) => c.value === value)?.count ?? 0;

beforeAll(async () => {
  t = await startTestApp();
  koblenz = await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT);
  landau = await municipality(t.dataSource, 'Landau in der Pfalz', MunicipalityKind.KREISFREIE_STADT);
  officer = await buildUser(t.dataSource, { municipalityId: koblenz.id });
  coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
});
afterAll(() => t.close());

describe('the maintained facet cells', () => {
  it('equal a fresh count after inserts, updates, cost changes, a move of Landkreis and deletions', async () => {
    await expectCellsRight();
    const published = await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz.id,
      category: ProjectCategory.MOBILITY,
      phase: ProjectPhase.IDEA,
      solutionOpenSource: true,
      costs: [{ amountCents: 500, recurrence: CostRecurrence.ONE_OFF }],
    });
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz.id,
      category: ProjectCategory.MOBILITY,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    await expectCellsRight();

    await t.dataSource.query(
      `UPDATE project SET category = 'ADMINISTRATION', phase = 'PILOT' WHERE id = $1`,
      [published.id],
    );
    await expectCellsRight();
    await t.dataSource.query('DELETE FROM project_cost WHERE project_id = $1', [published.id]);
    await expectCellsRight();
    await t.dataSource.query(`UPDATE project SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
      draft.id,
    ]);
    await expectCellsRight();
    await t.dataSource.query(`UPDATE project SET status = 'DRAFT' WHERE id = $1`, [published.id]);
    await expectCellsRight();
    // Koblenz moved into Landau's Landkreis (and back): its projects count there.
    const district = koblenz.districtId;
    await t.dataSource.query('UPDATE municipality SET district_id = $2 WHERE id = $1', [
      koblenz.id,
      landau.id,
    ]);
    await expectCellsRight();
    await t.dataSource.query('UPDATE municipality SET district_id = $2 WHERE id = $1', [
      koblenz.id,
      district,
    ]);
    await t.dataSource.query('DELETE FROM project WHERE id = ANY($1)', [[published.id, draft.id]]);
    await expectCellsRight();
  });

  it('are untouched by a rolled-back write', async () => {
    const before = await maintained();
    const runner = t.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      const [{ id }] = await runner.query(
        `INSERT INTO project (title, category, phase, status, published_at, lead_municipality_id)
         VALUES ('Zurückgerollt', 'MOBILITY', 'IDEA', 'PUBLISHED', now(), $1) RETURNING id`,
        [landau.id],
      );
      await runner.query(
        `INSERT INTO project_cost (project_id, label, cost_type, recurrence, amount_cents)
         VALUES ($1, 'Lizenz', 'LICENCE', 'ONE_OFF', 100)`,
        [id],
      );
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    expect(await maintained()).toEqual(before);
    await expectCellsRight();
  });

  it('give each viewer the counts of what it may read, filtered like the catalogue', async () => {
    const lead = { leadMunicipalityId: koblenz.id, category: ProjectCategory.HEALTH_SOCIAL };
    await buildProject(t.dataSource, { ...lead, phase: ProjectPhase.OPERATIONAL, solutionOpenSource: true });
    await buildProject(t.dataSource, {
      ...lead,
      phase: ProjectPhase.IDEA,
      costs: [{ amountCents: 100, recurrence: CostRecurrence.YEARLY }],
    });
    // A draft of Koblenz and one of Landau: the Koblenz officer sees the first, coordinators both.
    await buildProject(t.dataSource, { ...lead, status: ProjectStatus.DRAFT, publishedAt: null });
    await buildProject(t.dataSource, {
      ...lead,
      leadMunicipalityId: landau.id,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    const filter = { categories: [ProjectCategory.HEALTH_SOCIAL] };
    const anonymous = await facetsAs(null, filter);
    const koblenzOfficer = await facetsAs(officer, filter);
    const everyone = await facetsAs(coordinator, filter);
    const health = (counts: Counts) => countOf(counts.categories, ProjectCategory.HEALTH_SOCIAL);
    // The category facet ignores its own selection; the other dimensions are counted within it.
    const phases = (counts: Counts) => counts.phases.reduce((sum, c) => sum + c.count, 0);
    expect(phases(anonymous)).toBe(health(anonymous));
    expect(phases(koblenzOfficer)).toBe(health(anonymous) + 1);
    expect(phases(everyone)).toBe(health(anonymous) + 2);
    expect(countOf(anonymous.openSource, 'true')).toBe(1);
    expect(countOf(anonymous.hasCosts, 'true')).toBe(1);
    expect(countOf(anonymous.reusable, 'true')).toBe(1);
    // A status filter other than PUBLISHED leaves the maintained (published) counts out.
    const drafts = await facetsAs(coordinator, { ...filter, status: ProjectStatus.DRAFT });
    expect(phases(drafts)).toBe(2);
    expect(phases(await facetsAs(null, { ...filter, status: ProjectStatus.DRAFT }))).toBe(0);
    expect(phases(await facetsAs(officer, { ...filter, status: ProjectStatus.PUBLISHED }))).toBe(
      health(anonymous),
    );
  });

  it('answer with the names of the districts in one statement', async () => {
    const result = await t.client().gql(FACETS, { filter: {} });
    expect(result.errors).toBeUndefined();
    const districts = result.data?.projectFacets.districts as { district: { id: string }; count: number }[];
    expect(districts.length).toBeGreaterThan(0);
    expect(result.statements).toHaveLength(1);
  });
});

type FacetFilter = {
  categories?: string[];
  phases?: string[];
  districtIds?: string[];
  openSource?: boolean;
  hasCosts?: boolean;
  reusable?: boolean;
  status?: ProjectStatus;
};
type Row = {
  project: Project;
  participants: ProjectParticipant[];
  district: string | null;
  hasCosts: boolean;
};

/** Every project with what the facets and the read rule look at, straight from the tables. */
async function everyProject(): Promise<Row[]> {
  const rows: Record<string, unknown>[] = await t.dataSource.query(
    `SELECT p.id, p.status, p.category, p.phase, p.solution_open_source, p.lead_municipality_id,
            m.district_id, EXISTS (SELECT 1 FROM project_cost c WHERE c.project_id = p.id) AS has_costs,
            COALESCE((SELECT json_agg(json_build_object('municipalityId', pp.municipality_id, 'role', pp.role))
                        FROM project_participant pp WHERE pp.project_id = p.id), '[]') AS participants
       FROM project p LEFT JOIN municipality m ON m.id = p.lead_municipality_id`,
  );
  return rows.map((row) => ({
    project: {
      id: row.id,
      status: row.status,
      category: row.category,
      phase: row.phase,
      solutionOpenSource: row.solution_open_source,
      leadMunicipalityId: row.lead_municipality_id,
    } as Project,
    participants: row.participants as ProjectParticipant[],
    district: row.district_id as string | null,
    hasCosts: row.has_costs as boolean,
  }));
}

/** The facets counted from scratch: the projects the policy lets the viewer read, each dimension under the other filters. */
function countedFromScratch(rows: Row[], viewer: User | null, filter: FacetFilter): Counts {
  const values: Record<string, (row: Row) => string> = {
    categories: (row) => row.project.category,
    phases: (row) => row.project.phase,
    districts: (row) => (row.district ? gid('Municipality', row.district) : 'unknown'),
    openSource: (row) => String(row.project.solutionOpenSource ?? 'unknown'),
    hasCosts: (row) => String(row.hasCosts),
    reusable: (row) => String(reusableProjectPhases.includes(row.project.phase)),
  };
  const matches: Record<string, (row: Row) => boolean> = {
    categories: (row) => !filter.categories || filter.categories.includes(row.project.category),
    phases: (row) => !filter.phases || filter.phases.includes(row.project.phase),
    districts: (row) => !filter.districtIds || filter.districtIds.includes(values.districts(row)),
    openSource: (row) =>
      filter.openSource === undefined || row.project.solutionOpenSource === filter.openSource,
    hasCosts: (row) => filter.hasCosts === undefined || row.hasCosts === filter.hasCosts,
    reusable: (row) => filter.reusable === undefined || values.reusable(row) === String(filter.reusable),
  };
  const readable = rows.filter(
    (row) =>
      projectPolicy.can(viewer, 'read', row) && (!filter.status || row.project.status === filter.status),
  );
  const counts: Counts = {};
  for (const dimension of Object.keys(values)) {
    const byValue = new Map<string, number>();
    for (const row of readable)
      if (Object.entries(matches).every(([other, match]) => other === dimension || match(row)))
        byValue.set(values[dimension](row), (byValue.get(values[dimension](row)) ?? 0) + 1);
    counts[dimension] = [...byValue]
      .filter(([value]) => dimension !== 'districts' || value !== 'unknown')
      .map(([value, count]) => ({ value, count }));
  }
  return counts;
}

const comparable = (counts: Counts) =>
  Object.fromEntries(
    Object.entries(counts).map(([dimension, list]) => [
      dimension,
      list
        .map((c) => `${(c as { district?: { id: string } }).district?.id ?? c.value}: ${c.count}`)
        .sort((a, b) => a.localeCompare(b)),
    ]),
  );

describe('the facets', () => {
  it('equal a count from scratch for every role and filter (officers with drafts of their own and as a partner)', async () => {
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const [gemeinde] = await t.dataSource.query(
      `SELECT id, district_id FROM municipality WHERE kind = 'ORTSGEMEINDE' AND district_id IS NOT NULL LIMIT 1`,
    );
    const drafts = { status: ProjectStatus.DRAFT, publishedAt: null };
    await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz.id,
      ...drafts,
      solutionOpenSource: false,
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: gemeinde.id,
      ...drafts,
      category: ProjectCategory.MOBILITY,
      partnerIds: [koblenz.id],
      costs: [{ amountCents: 100, recurrence: CostRecurrence.ONE_OFF }],
    });
    await buildProject(t.dataSource, { leadMunicipalityId: landau.id, ...drafts, phase: ProjectPhase.IDEA });
    await buildProject(t.dataSource, {
      leadMunicipalityId: gemeinde.id,
      category: ProjectCategory.MOBILITY,
      phase: ProjectPhase.ROLLOUT,
      solutionOpenSource: true,
    });
    await buildProject(t.dataSource, { leadMunicipalityId: gemeinde.id, phase: ProjectPhase.IDEA });
    const district = gid('Municipality', gemeinde.district_id);
    const filters: FacetFilter[] = [
      {},
      { categories: [ProjectCategory.MOBILITY] },
      { districtIds: [district] },
      { districtIds: [district], phases: [ProjectPhase.IDEA, ProjectPhase.ROLLOUT] },
      { openSource: false },
      { hasCosts: true, reusable: false },
      { status: ProjectStatus.DRAFT },
      { status: ProjectStatus.PUBLISHED, categories: [ProjectCategory.MOBILITY] },
    ];
    const rows = await everyProject();
    expect(rows.some((row) => row.participants.some((p) => p.role === ProjectParticipantRole.PARTNER))).toBe(
      true,
    );
    // Two officers of different municipalities: the same statement (by shape), their own drafts each.
    const landauOfficer = await buildUser(t.dataSource, { municipalityId: landau.id });
    for (const viewer of [null, ministry, officer, landauOfficer, coordinator])
      for (const filter of filters)
        expect({
          viewer: viewer?.role ?? 'public',
          filter,
          counts: comparable(await facetsAs(viewer, filter)),
        }).toEqual({
          viewer: viewer?.role ?? 'public',
          filter,
          counts: comparable(countedFromScratch(rows, viewer, filter)),
        });
  });
});
