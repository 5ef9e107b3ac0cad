import { MunicipalityKind, ProjectCategory, ProjectPhase, ProjectStatus, Role } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let kl: string;
let cochemZell: string;
let koblenz: string;
let trier: string;

beforeAll(async () => {
  t = await startTestApp();
  kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
  cochemZell = (await municipality(t.dataSource, 'Landkreis Cochem-Zell', MunicipalityKind.LANDKREIS)).id;
  koblenz = (await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT)).id;
  trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
});
afterAll(() => t.close());

const SIMILAR = `query($title: String!, $summary: String, $category: ProjectCategory) {
  similarProjects(title: $title, summary: $summary, category: $category) { project { title } score textRank titleSimilarity sameCategory }
}`;

describe('similar projects ("nothing twice")', () => {
  beforeAll(async () => {
    const p = (
      title: string,
      summary: string,
      category: ProjectCategory,
      extra: Record<string, unknown> = {},
    ) => buildProject(t.dataSource, { leadMunicipalityId: kl, title, summary, category, ...extra });
    await p(
      'Intelligente Lichtmasten',
      'Vernetzte LED-Straßenbeleuchtung mit Sensoren für Verkehr und Umwelt',
      ProjectCategory.INFRASTRUCTURE_NETWORKS,
    );
    await p(
      'Multifunktionale Masten',
      'WLAN, Ladepunkte und Kameras an Masten in der Innenstadt',
      ProjectCategory.INFRASTRUCTURE_NETWORKS,
    );
    await p(
      'Bürgerportal Cochem-Zell',
      'Online-Anträge und Terminbuchung für die Bürgerinnen und Bürger',
      ProjectCategory.CITIZEN_SERVICES,
    );
    await p(
      'Digitales Kita-Portal',
      'Online-Anmeldung und Platzvergabe für Kindertagesstätten',
      ProjectCategory.EDUCATION_CHILDCARE,
    );
    await p(
      'Parkleitsystem Innenstadt',
      'Freie Parkplätze in Echtzeit per App anzeigen',
      ProjectCategory.MOBILITY,
    );
    await p('Park-App für Pendler', 'Parkplätze per App buchen', ProjectCategory.ECONOMY);
    await p(
      'Geheimer Entwurf Straßenbeleuchtung',
      'Straßenbeleuchtung, noch nicht veröffentlicht',
      ProjectCategory.INFRASTRUCTURE_NETWORKS,
      {
        status: ProjectStatus.DRAFT,
      },
    );
  });

  const titles = async (variables: Record<string, unknown>) => {
    const result = await t.client().gql(SIMILAR, variables);
    expect(result.errors).toBeUndefined();
    return result.data!.similarProjects.map(
      (s: { project: { title: string } }) => s.project.title,
    ) as string[];
  };

  it('"Smarte Straßenbeleuchtung" finds "Intelligente Lichtmasten" through its text, not the masts without lighting', async () => {
    const found = await titles({ title: 'Smarte Straßenbeleuchtung', category: 'INFRASTRUCTURE_NETWORKS' });
    expect(found[0]).toBe('Intelligente Lichtmasten');
    // Honest limit: no synonyms, no compound splitting. "Multifunktionale Masten" never says
    // "Beleuchtung", so it is not found; drafts are never suggested.
    expect(found).not.toContain('Multifunktionale Masten');
    expect(found).not.toContain('Geheimer Entwurf Straßenbeleuchtung');
  });

  it('folds ß/ss and umlauts and stems German words', async () => {
    expect(await titles({ title: 'Strassenbeleuchtung erneuern' })).toContain('Intelligente Lichtmasten');
    expect(await titles({ title: 'Burgerportal für den Kreis' })).toContain('Bürgerportal Cochem-Zell');
    expect(await titles({ title: 'Neues Portal für Kitas', summary: 'Anmeldung von Kindern' })).toContain(
      'Digitales Kita-Portal',
    );
  });

  it('catches typos in titles through trigram similarity', async () => {
    expect(await titles({ title: 'Digitales Kitaportal' })).toContain('Digitales Kita-Portal');
    expect(await titles({ title: 'Parkleitsytem' })).toContain('Parkleitsystem Innenstadt');
  });

  it('boosts projects of the same category', async () => {
    type Row = { project: { title: string }; score: number; sameCategory: boolean };
    const ranked = async (category: string) =>
      (await t.client().gql(SIMILAR, { title: 'Parkplätze per App', category })).data!
        .similarProjects as Row[];
    const leit = (rows: Row[]) => rows.find((r) => r.project.title === 'Parkleitsystem Innenstadt')!;
    const asMobility = await ranked('MOBILITY');
    const asEconomy = await ranked('ECONOMY');
    expect(leit(asMobility).sameCategory).toBe(true);
    expect(leit(asEconomy).sameCategory).toBe(false);
    expect(leit(asMobility).score).toBeCloseTo(leit(asEconomy).score * 1.25, 5);
    // The boost is a factor, not an override: "Park-App für Pendler" matches "App" in its title
    // (weight A) and stays first even for a MOBILITY project; the boost narrows the gap.
    expect(asEconomy.map((r) => r.project.title)).toEqual([
      'Park-App für Pendler',
      'Parkleitsystem Innenstadt',
    ]);
  });

  it('returns nothing for unrelated or too short input', async () => {
    expect(await titles({ title: 'Friedhofsverwaltung' })).toEqual([]);
    expect(await titles({ title: 'ab' })).toEqual([]);
  });

  it('is returned when a project is created', async () => {
    const officer = await buildUser(t.dataSource, { municipalityId: kl });
    const result = await (await t.as(officer)).gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { title } similarProjects { project { title } sameCategory } userErrors { code } } }`,
      { input: { title: 'Smarte Straßenbeleuchtung KL', category: 'INFRASTRUCTURE_NETWORKS' } },
    );
    expect(result.data?.createProject.similarProjects[0]).toEqual({
      project: { title: 'Intelligente Lichtmasten' },
      sameCategory: true,
    });
  });
});

describe('catalogue', () => {
  const CATALOGUE = `query($filter: ProjectFilter, $sort: ProjectSort, $first: Int, $after: String) {
    projects(filter: $filter, sort: $sort, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title adoptionCount } } }
  }`;

  it('filters by full text, category, phase, Landkreis, open source, cost information and reusability', async () => {
    const m = gid('Municipality', koblenz);
    await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz,
      title: 'Koblenzer Mängelmelder',
      summary: 'Schäden im Straßenraum melden',
      category: ProjectCategory.CITIZEN_SERVICES,
      phase: ProjectPhase.OPERATIONAL,
      solutionOpenSource: true,
      costs: [{ amountCents: 100 }],
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz,
      title: 'Koblenzer Radverkehrszählung',
      category: ProjectCategory.MOBILITY,
      phase: ProjectPhase.IDEA,
      solutionOpenSource: false,
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz,
      title: 'Koblenzer E-Scooter',
      category: ProjectCategory.MOBILITY,
      phase: ProjectPhase.PILOT,
    });
    const query = async (filter: Record<string, unknown>) =>
      (
        (await t.client().gql(CATALOGUE, { filter: { municipalityId: m, ...filter } })).data!.projects
          .edges as { node: { title: string } }[]
      )
        .map((e) => e.node.title)
        .sort();
    expect(await query({})).toHaveLength(3);
    expect(await query({ search: 'Mängel melden' })).toEqual(['Koblenzer Mängelmelder']);
    // "ae" is not folded to "ä" by unaccent, but the trigram word similarity on titles catches it.
    expect(await query({ search: 'Maengelmelder' })).toEqual(['Koblenzer Mängelmelder']);
    expect(await query({ search: 'Radverkehrszahlung' })).toEqual(['Koblenzer Radverkehrszählung']);
    expect(await query({ categories: ['MOBILITY'] })).toEqual([
      'Koblenzer E-Scooter',
      'Koblenzer Radverkehrszählung',
    ]);
    expect(await query({ phases: ['OPERATIONAL', 'PILOT'] })).toEqual([
      'Koblenzer E-Scooter',
      'Koblenzer Mängelmelder',
    ]);
    expect(await query({ districtIds: [gid('Municipality', koblenz)] })).toHaveLength(3);
    expect(await query({ districtIds: [gid('Municipality', cochemZell)] })).toEqual([]);
    expect(await query({ openSource: true })).toEqual(['Koblenzer Mängelmelder']);
    expect(await query({ hasCosts: true })).toEqual(['Koblenzer Mängelmelder']);
    expect(await query({ hasCosts: false })).toHaveLength(2);
    expect(await query({ reusable: true })).toEqual(['Koblenzer E-Scooter', 'Koblenzer Mängelmelder']);

    const facets = await t.client().gql(
      `query($filter: ProjectFilter) { projectFacets(filter: $filter) {
        categories { value count } phases { value count } districts { district { name } count }
        openSource { value count } hasCosts { value count } reusable { value count } } }`,
      { filter: { municipalityId: m, categories: ['MOBILITY'] } },
    );
    const f = facets.data!.projectFacets;
    // A dimension is counted without its own selection, so the other categories stay selectable.
    expect(f.categories).toEqual(
      expect.arrayContaining([
        { value: 'MOBILITY', count: 2 },
        { value: 'CITIZEN_SERVICES', count: 1 },
      ]),
    );
    expect(f.phases).toEqual(
      expect.arrayContaining([
        { value: 'IDEA', count: 1 },
        { value: 'PILOT', count: 1 },
      ]),
    );
    expect(f.phases).toHaveLength(2);
    expect(f.districts).toEqual([{ district: { name: 'Koblenz' }, count: 2 }]);
    expect(f.openSource).toEqual(
      expect.arrayContaining([
        { value: 'false', count: 1 },
        { value: 'unknown', count: 1 },
      ]),
    );
    expect(f.hasCosts).toEqual([{ value: 'false', count: 2 }]);
    expect(f.reusable).toEqual(
      expect.arrayContaining([
        { value: 'true', count: 1 },
        { value: 'false', count: 1 },
      ]),
    );
  });

  it('brings what @include and @skip ask for in each request, also when the query text is the same', async () => {
    // The page's look-ahead is kept per query text (graphql/look-ahead.ts): not where variables decide.
    const bitburg = (await municipality(t.dataSource, 'Bitburg', MunicipalityKind.VERBANDSFREIE_GEMEINDE)).id;
    await buildProject(t.dataSource, {
      leadMunicipalityId: bitburg,
      title: 'Bitburger Baustellenradar',
      description: 'Baustellen der Stadt auf einer Karte',
    });
    const page = `query($filter: ProjectFilter, $long: Boolean!, $lead: Boolean!) {
      projects(filter: $filter, first: 5) { totalCount @skip(if: $long)
        edges { node { title description @include(if: $long) leadMunicipality @include(if: $lead) { name } } } }
    }`;
    const filter = { municipalityId: gid('Municipality', bitburg) };
    for (const [long, lead] of [
      [false, false],
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ]) {
      const { data, statements } = await t.client().gql(page, { filter, long, lead });
      expect({ long, lead, projects: data!.projects }).toEqual({
        long,
        lead,
        projects: {
          ...(long ? {} : { totalCount: 1 }),
          edges: [
            {
              node: {
                title: 'Bitburger Baustellenradar',
                ...(long ? { description: 'Baustellen der Stadt auf einer Karte' } : {}),
                ...(lead ? { leadMunicipality: { name: 'Bitburg' } } : {}),
              },
            },
          ],
        },
      });
      expect(statements).toHaveLength(1);
    }
    // Without directives the look-ahead is kept: the same text brings the same fields again.
    const plain = `query($filter: ProjectFilter) { projects(filter: $filter) { edges { node { title description } } } }`;
    for (let run = 0; run < 2; run++)
      expect((await t.client().gql(plain, { filter })).data!.projects.edges).toEqual([
        { node: { title: 'Bitburger Baustellenradar', description: 'Baustellen der Stadt auf einer Karte' } },
      ]);
  });

  it('sorts by newest, recently updated and most adopted, with cursors', async () => {
    const m = gid('Municipality', cochemZell);
    const a = await buildProject(t.dataSource, {
      leadMunicipalityId: cochemZell,
      title: 'Sort A',
      adoptionCount: 1,
    });
    const b = await buildProject(t.dataSource, {
      leadMunicipalityId: cochemZell,
      title: 'Sort B',
      adoptionCount: 5,
    });
    const c = await buildProject(t.dataSource, {
      leadMunicipalityId: cochemZell,
      title: 'Sort C',
      adoptionCount: 3,
    });
    await t.dataSource.query(`UPDATE project SET updated_at = now() + interval '1 hour' WHERE id = $1`, [
      a.id,
    ]);
    void b;
    void c;
    const titles = async (sort: string, first = 10, after?: string) => {
      const r = await t.client().gql(CATALOGUE, { filter: { municipalityId: m }, sort, first, after });
      return r.data!.projects;
    };
    expect((await titles('NEWEST')).edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'Sort C',
      'Sort B',
      'Sort A',
    ]);
    expect((await titles('RECENTLY_UPDATED')).edges[0].node.title).toBe('Sort A');
    const first = await titles('MOST_ADOPTED', 2);
    expect(first.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Sort B', 'Sort C']);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(first.totalCount).toBe(3);
    const second = await titles('MOST_ADOPTED', 2, first.pageInfo.endCursor);
    expect(second.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Sort A']);
  });

  it('costs a fixed number of SQL statements whatever the page size', async () => {
    const bitburg = (await municipality(t.dataSource, 'Bitburg', MunicipalityKind.VERBANDSFREIE_GEMEINDE)).id;
    const mayen = (await municipality(t.dataSource, 'Mayen', MunicipalityKind.VERBANDSFREIE_GEMEINDE)).id;
    const origin = await buildProject(t.dataSource, {
      leadMunicipalityId: bitburg,
      title: 'Ursprung Statements',
    });
    for (let i = 0; i < 55; i++) {
      await buildProject(t.dataSource, {
        leadMunicipalityId: bitburg,
        partnerIds: [mayen],
        title: `Statements ${i}`,
        originProjectId: i % 3 === 0 ? origin.id : null,
        costs: [{ amountCents: 1000 * i }],
        statusUpdates: [
          { reportedOn: '2026-01-01', progressPercent: i % 100 },
          { reportedOn: '2026-02-01', progressPercent: (i + 10) % 100 },
        ],
      });
    }
    const PAGE = `query($first: Int, $filter: ProjectFilter) { projects(first: $first, filter: $filter, sort: MOST_ADOPTED) { totalCount edges { node {
      id title category phase adoptionCount progressPercent isDemo
      leadMunicipality { name district { name } }
      participants { role municipality { name } }
      latestStatusUpdate { reportedOn progressPercent text }
      costSummary { oneOffTotalCents yearlyTotalCents }
      adopters { title } origin { title }
      viewerCan { edit adopt }
    } } } }`;
    const filter = { municipalityId: gid('Municipality', bitburg) };
    const officer = await buildUser(t.dataSource, { municipalityId: mayen });
    for (const client of [
      t.client(),
      await t.as(officer),
      await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY })),
    ]) {
      const small = await client.gql(PAGE, { first: 5, filter });
      const large = await client.gql(PAGE, { first: 50, filter });
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(large.data?.projects.edges).toHaveLength(50);
      expect(large.data?.projects.edges[0].node.latestStatusUpdate).not.toBeNull();
      expect(large.statements.length).toBe(small.statements.length);
      // The page with its count, lead municipalities, districts, participants and latest status
      // updates in one statement (was 7); cost totals, adopters, origins (+ the session lookup when
      // signed in). Was at most 11.
      expect(large.statements.length).toBeLessThanOrEqual(5);
    }
  });
  it('answers what fragments and aliases ask of the page from its one statement, long texts only when asked', async () => {
    const wittlich = (await municipality(t.dataSource, 'Wittlich', MunicipalityKind.VERBANDSFREIE_GEMEINDE))
      .id;
    const speyer = (await municipality(t.dataSource, 'Speyer', MunicipalityKind.KREISFREIE_STADT)).id;
    await buildProject(t.dataSource, {
      leadMunicipalityId: wittlich,
      partnerIds: [speyer],
      title: 'Vorausschau Wittlich',
      description: 'Ein **langer** Text',
      statusUpdates: [
        { reportedOn: '2026-01-01', progressPercent: 10 },
        { reportedOn: '2026-03-01', progressPercent: 40 },
      ],
    });
    const filter = { municipalityId: gid('Municipality', wittlich) };
    const CARD = `query($filter: ProjectFilter) { projects(filter: $filter) { edges { node { ...Card } } } }
      fragment Card on Project { title lead: leadMunicipality { name } participants { role municipality { name } } progressPercent }`;
    const card = await t.client().gql(CARD, { filter });
    expect(card.errors).toBeUndefined();
    expect(card.data?.projects.edges).toEqual([
      {
        node: {
          title: 'Vorausschau Wittlich',
          lead: { name: 'Wittlich' },
          participants: expect.arrayContaining([{ role: 'PARTNER', municipality: { name: 'Speyer' } }]),
          progressPercent: 40,
        },
      },
    ]);
    // Lead municipality, participants and the latest status update come with the page.
    expect(card.statements).toHaveLength(1);
    expect(card.statements[0]).not.toContain('description');
    // Only the columns the card's fields read, and the sort's: no solution, flags or other dates.
    expect(card.statements[0]).not.toMatch(/"p"\."(solution_vendor|is_demo|updated_at|adoption_count)"/);
    const byAdoption = await t
      .client()
      .gql(
        `query($filter: ProjectFilter) { projects(filter: $filter, sort: MOST_ADOPTED) { pageInfo { endCursor } edges { node { title } } } }`,
        { filter },
      );
    expect(byAdoption.data?.projects.edges).toEqual([{ node: { title: 'Vorausschau Wittlich' } }]);
    expect(byAdoption.statements[0]).toContain('"p"."adoption_count"');
    expect(byAdoption.statements[0]).not.toContain('"p"."solution_vendor"');

    const DETAIL = `query($filter: ProjectFilter) { projects(filter: $filter) { totalCount edges { node {
      ... on Project { text: descriptionHtml description latestStatusUpdate { reportedOn } } } } } }`;
    const detail = await t.client().gql(DETAIL, { filter });
    expect(detail.errors).toBeUndefined();
    expect(detail.data?.projects).toEqual({
      totalCount: 1,
      edges: [
        {
          node: {
            text: expect.stringContaining('<strong>langer</strong>'),
            description: 'Ein **langer** Text',
            latestStatusUpdate: { reportedOn: '2026-03-01' },
          },
        },
      ],
    });
    expect(detail.statements).toHaveLength(1);

    // Past the last project no row carries the count: it is still the filter's.
    const END = `query($filter: ProjectFilter, $after: String) {
      projects(filter: $filter, after: $after) { totalCount pageInfo { endCursor } edges { node { title } } } }`;
    const endCursor = (await t.client().gql(END, { filter })).data?.projects.pageInfo.endCursor;
    const beyond = await t.client().gql(END, { filter, after: endCursor });
    expect(beyond.data?.projects).toEqual({ totalCount: 1, pageInfo: { endCursor: null }, edges: [] });
  });
});

describe('public catalogue ("Markt der Projekte")', () => {
  it('shows published projects (no drafts) without personal data to anonymous visitors and the ministry', async () => {
    const officer = await buildUser(t.dataSource, { municipalityId: trier, name: 'Tina Trier' });
    const published = await buildProject(t.dataSource, {
      leadMunicipalityId: trier,
      title: 'Öffentliches Projekt Trier',
    });
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: trier,
      title: 'Entwurf Trier',
      status: ProjectStatus.DRAFT,
    });
    await t.dataSource.query('INSERT INTO project_contact (project_id, user_id) VALUES ($1, $2)', [
      published.id,
      officer.id,
    ]);
    const QUERY = `query($filter: ProjectFilter) { projects(filter: $filter) { edges { node { title contacts { name email } } } } }`;
    const filter = { municipalityId: gid('Municipality', trier) };
    const anonymous = await t.client().gql(QUERY, { filter });
    expect(anonymous.data?.projects.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { title: 'Öffentliches Projekt Trier', contacts: [] },
    ]);
    const ministry = await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY }));
    const asMinistry = await ministry.gql(QUERY, { filter });
    // The ministry reads published projects; drafts are the municipality's work in progress.
    expect(asMinistry.data?.projects.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual([
      'Öffentliches Projekt Trier',
    ]);
    expect(
      asMinistry.data?.projects.edges.every(
        (e: { node: { contacts: unknown[] } }) => e.node.contacts.length === 0,
      ),
    ).toBe(true);
    const asOfficer = await (await t.as(officer)).gql(QUERY, { filter });
    expect(
      asOfficer.data?.projects.edges.find(
        (e: { node: { title: string } }) => e.node.title === 'Öffentliches Projekt Trier',
      ).node.contacts,
    ).toEqual([{ name: 'Tina Trier', email: officer.email }]);
    const node = await t
      .client()
      .gql(`query($id: ID!) { node(id: $id) { id } }`, { id: gid('Project', draft.id) });
    expect(node.data?.node).toBeNull();
    const csv = await t
      .client()
      .gql(`query($filter: ProjectFilter) { projectCatalogueCsv(filter: $filter) }`, { filter });
    expect(csv.data?.projectCatalogueCsv).toContain('Öffentliches Projekt Trier');
    expect(csv.data?.projectCatalogueCsv).not.toContain('Entwurf Trier');
    expect(csv.data?.projectCatalogueCsv).not.toContain('Tina');
  });
});
