// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import {
  MeetingKind,
  MembershipStatus,
  MunicipalityKind,
  ProjectStatus,
  Role,
  UserStatus,
} from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting, buildWorkingGroup, invite } from '../support/meeting-factories';
import { buildMembership, freshMunicipality, officerOf } from '../support/network-factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SEARCH = `query($filter: MunicipalityFilter, $first: Int, $after: String, $sort: MunicipalitySort) {
  municipalities(filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name kind population } }
  }
}`;

const names = (result: { data?: Record<string, any> }) =>
  result.data?.municipalities.edges.map((e: { node: { name: string } }) => e.node.name) as string[];

describe('name search the way Germans type', () => {
  // Of equally good matches the Verbandsgemeinde ranks above its Ortsgemeinde of the same name.
  it.each([
    ['Bruchmühlbach', 'Verbandsgemeinde Bruchmühlbach-Miesau'],
    ['bruchmuhlbach', 'Verbandsgemeinde Bruchmühlbach-Miesau'],
    ['BRUCHMUEHLBACH', 'Verbandsgemeinde Bruchmühlbach-Miesau'],
    ['bruchmuhlbach-miesau', 'Verbandsgemeinde Bruchmühlbach-Miesau'],
    ['zweibrucken', 'Zweibrücken'],
    ['Zweibruecken', 'Zweibrücken'],
    ['hassloch', 'Haßloch'],
    ['Haßloch', 'Haßloch'],
    ['kaiserlautern', 'Kaiserslautern'],
  ])('"%s" finds %s first', async (search, expected) => {
    const result = await t.client().gql(SEARCH, { filter: { search }, first: 5 });
    expect(result.errors).toBeUndefined();
    expect(names(result)[0]).toBe(expected);
  });

  it('"zell" finds Cochem-Zell, with names starting with it ranked before', async () => {
    const result = await t.client().gql(SEARCH, { filter: { search: 'zell' }, first: 50 });
    const found = names(result);
    expect(found).toContain('Landkreis Cochem-Zell');
    expect(found).toContain('Zell (Mosel)');
    expect(found.indexOf('Zell (Mosel)')).toBeLessThan(found.indexOf('Landkreis Cochem-Zell'));
    expect(result.data?.municipalities.totalCount).toBe(found.length);
  });

  it('ranks equally good matches by administrative weight and population, never by name length', async () => {
    const neustadt = names(await t.client().gql(SEARCH, { filter: { search: 'Neustadt' }, first: 5 }));
    expect(neustadt[0]).toBe('Neustadt an der Weinstraße');
    expect(neustadt).toEqual(expect.arrayContaining(['Neustadt (Wied)', 'Neustadt/ Westerwald']));
    const altenkirchen = names(
      await t.client().gql(SEARCH, { filter: { search: 'Altenkirchen' }, first: 5 }),
    );
    expect(altenkirchen.slice(0, 3)).toEqual([
      'Landkreis Altenkirchen (Westerwald)',
      'Verbandsgemeinde Altenkirchen-Flammersfeld',
      'Altenkirchen (Westerwald)',
    ]);
    expect(altenkirchen).toContain('Altenkirchen');
  });

  it.each([
    ['LU', ['Ludwigshafen am Rhein']],
    ['lu', ['Ludwigshafen am Rhein']],
    ['KL', ['Kaiserslautern', 'Landkreis Kaiserslautern']],
    ['MZ', ['Mainz', 'Landkreis Mainz-Bingen']],
    ['DÜW', ['Landkreis Bad Dürkheim']],
    ['duw', ['Landkreis Bad Dürkheim']],
    ['WW', ['Westerwaldkreis']],
  ])('finds the vehicle-registration code "%s" first', async (search, expected) => {
    const found = names(await t.client().gql(SEARCH, { filter: { search }, first: 5 }));
    expect(found.slice(0, expected.length)).toEqual(expected);
  });

  it('ranks the exact name first, then prefixes', async () => {
    const found = names(await t.client().gql(SEARCH, { filter: { search: 'Kaiserslautern' }, first: 5 }));
    expect(found[0]).toBe('Kaiserslautern');
    expect(found).toContain('Landkreis Kaiserslautern');
  });

  it('pages through search results with cursors, without repeats', async () => {
    const first = await t.client().gql(SEARCH, { filter: { search: 'bach' }, first: 10 });
    const second = await t.client().gql(SEARCH, {
      filter: { search: 'bach' },
      first: 10,
      after: first.data?.municipalities.pageInfo.endCursor,
    });
    const all = await t.client().gql(SEARCH, { filter: { search: 'bach' }, first: 20 });
    expect([...names(first), ...names(second)]).toEqual(names(all));
    expect(new Set(all.data?.municipalities.edges.map((e: { node: { id: string } }) => e.node.id)).size).toBe(
      20,
    );
  });

  it('treats LIKE wildcards as text', async () => {
    const result = await t.client().gql(SEARCH, { filter: { search: '%%' } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.municipalities.totalCount).toBe(0);
  });
});

describe('filters and sorting', () => {
  it('filters by kind and sorts by population', async () => {
    const result = await t.client().gql(SEARCH, {
      filter: { kinds: ['KREISFREIE_STADT'] },
      sort: 'POPULATION',
      first: 100,
    });
    expect(result.data?.municipalities.totalCount).toBe(12);
    expect(names(result)[0]).toBe('Mainz');
    const populations = result.data?.municipalities.edges.map((e: any) => e.node.population);
    expect(populations).toEqual([...populations].sort((a: number, b: number) => b - a));
  });

  it('sorts by name the German way across pages: Ürzig among the U', async () => {
    const district = await municipality(t.dataSource, 'Landkreis Bernkastel-Wittlich');
    const filter = { districtId: gid('Municipality', district.id) };
    const all: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: any = await t.client().gql(SEARCH, { filter, sort: 'NAME', first: 40, after });
      total = page.data.municipalities.totalCount;
      all.push(...names(page));
      after = page.data.municipalities.pageInfo.hasNextPage
        ? page.data.municipalities.pageInfo.endCursor
        : null;
    } while (after);
    expect(all).toHaveLength(total);
    expect(all.indexOf('Ürzig')).toBeGreaterThan(all.indexOf('Traben-Trarbach'));
    expect(all.indexOf('Ürzig')).toBeLessThan(all.indexOf('Veldenz'));
  });

  it('filters by Landkreis and Verbandsgemeinde', async () => {
    const kusel = await municipality(t.dataSource, 'Landkreis Kusel');
    const inKusel = await t
      .client()
      .gql(SEARCH, { filter: { districtId: gid('Municipality', kusel.id) }, first: 100 });
    expect(inKusel.data?.municipalities.totalCount).toBeGreaterThan(90);
    const vg = await municipality(t.dataSource, 'Verbandsgemeinde Landstuhl');
    const inVg = await t.client().gql(SEARCH, {
      filter: { verbandsgemeindeId: gid('Municipality', vg.id), search: 'Landstuhl' },
    });
    expect(names(inVg)).toEqual(['Landstuhl, Sickingenstadt']);
  });

  it('filters by member status; the public sees only active members', async () => {
    const invited = await freshMunicipality(t.dataSource);
    const active = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, invited, MembershipStatus.INVITED);
    await buildMembership(t.dataSource, active, MembershipStatus.ACTIVE);
    const officer = await buildUser(t.dataSource);
    const signedIn = await t.as(officer);
    const invitedFilter = { filter: { memberStatuses: ['INVITED'] }, first: 100 };
    expect(names(await signedIn.gql(SEARCH, invitedFilter))).toContain(invited.name);
    expect(names(await t.client().gql(SEARCH, invitedFilter))).toEqual([]);
    const members = await t.client().gql(SEARCH, { filter: { networkMember: true }, first: 100 });
    expect(names(members)).toContain(active.name);
    expect(names(members)).not.toContain(invited.name);
  });

  it('rejects foreign IDs and oversized pages with BAD_USER_INPUT', async () => {
    const user = await buildUser(t.dataSource);
    const foreign = await t.client().gql(SEARCH, { filter: { districtId: gid('User', user.id) } });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await t.client().gql(SEARCH, { first: 101 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCursor = await t.client().gql(SEARCH, { after: 'nonsense' });
    expect(badCursor.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the municipality page', () => {
  const PAGE = `query($id: ID!) { municipality(id: $id) {
    name kind ars ags population areaKm2 postcode latitude longitude
    parent { name } district { name } children { name }
    networkMember officerCount
    membership { status since history { fromStatus toStatus note createdAt actor { name } } }
    officers { name position email phone }
    viewerCan { inviteToNetwork applyForMembership }
  } }`;

  it('shows key facts, parent and children, membership with history and officers', async () => {
    const vg = await municipality(t.dataSource, 'Verbandsgemeinde Landstuhl');
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    await buildMembership(t.dataSource, vg, MembershipStatus.ACTIVE, coordinator);
    const officer = await officerOf(t.dataSource, vg, {
      name: 'Vera Vogt',
      position: 'Digitalbeauftragte',
      phone: '06371 1',
    });
    const result = await (await t.as(officer)).gql(PAGE, { id: gid('Municipality', vg.id) });
    expect(result.errors).toBeUndefined();
    const page = result.data?.municipality;
    expect(page).toMatchObject({
      name: 'Verbandsgemeinde Landstuhl',
      kind: MunicipalityKind.VERBANDSGEMEINDE,
      parent: { name: 'Landkreis Kaiserslautern' },
      district: { name: 'Landkreis Kaiserslautern' },
      networkMember: true,
      officerCount: 1,
      membership: { status: 'ACTIVE' },
      officers: [
        { name: 'Vera Vogt', position: 'Digitalbeauftragte', email: officer.email, phone: '06371 1' },
      ],
      viewerCan: { inviteToNetwork: false, applyForMembership: false },
    });
    expect(page.children.map((c: { name: string }) => c.name)).toContain('Landstuhl, Sickingenstadt');
    expect(page.membership.history.map((e: any) => e.toStatus)).toEqual(['INVITED', 'ACTIVE']);
    expect(page.membership.history[0].actor.name).toBe(coordinator.name);
  });

  it('shows the public no people and no history', async () => {
    const vg = await municipality(t.dataSource, 'Verbandsgemeinde Landstuhl');
    const result = await t.client().gql(PAGE, { id: gid('Municipality', vg.id) });
    expect(result.data?.municipality.officers).toEqual([]);
    expect(result.data?.municipality.membership.history).toEqual([]);
    expect(result.data?.municipality.officerCount).toBe(1);
  });

  it('answers null for an unknown ID and BAD_USER_INPUT for a foreign one', async () => {
    const unknown = await t
      .client()
      .gql(PAGE, { id: gid('Municipality', '00000000-0000-4000-8000-000000000000') });
    expect(unknown.data?.municipality).toBeNull();
    const user = await buildUser(t.dataSource);
    const foreign = await t.client().gql(PAGE, { id: gid('User', user.id) });
    expect(foreign.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the municipality page: projects, working groups and meetings', () => {
  const LINKS_PAGE = `query($id: ID!) { municipality(id: $id) {
    name parent { name } district { name } children { name }
    networkMember officerCount
    membership { status since history { toStatus createdAt actor { name } } }
    officers { name email }
    viewerCan { inviteToNetwork applyForMembership }
    projects(first: 50) { totalCount pageInfo { hasNextPage endCursor }
      edges { role node { id title status phase leadMunicipality { name } } } }
    workingGroups { id name memberCount archived }
    meetings(first: 50) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { id title startsAt cancelled kind workingGroup { id name } } } }
  } }`;

  /** A municipality with `n` led projects, n partner projects, a draft, n groups and n meetings. */
  async function populate(name: string, n: number) {
    const place = await municipality(t.dataSource, name, MunicipalityKind.KREISFREIE_STADT);
    const other = await municipality(t.dataSource, 'Pirmasens', MunicipalityKind.KREISFREIE_STADT);
    const officer = await buildUser(t.dataSource, { municipalityId: place.id });
    const outsider = await buildUser(t.dataSource, { municipalityId: other.id });
    for (let i = 0; i < n; i++) {
      await buildProject(t.dataSource, { leadMunicipalityId: place.id, title: `${name} führt ${i}` });
      await buildProject(t.dataSource, {
        leadMunicipalityId: other.id,
        partnerIds: [place.id],
        title: `${name} hilft ${i}`,
      });
      const group = await buildWorkingGroup(t.dataSource, {
        name: `AG ${name} ${i}`,
        leads: [officer],
        members: [outsider],
      });
      const meeting = await buildMeeting(t.dataSource, {
        kind: MeetingKind.WORKING_GROUP,
        workingGroupId: group.id,
        title: `Sitzung ${name} ${i}`,
      });
      await invite(t.dataSource, meeting, [officer, outsider]);
    }
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: place.id,
      title: `${name} Entwurf`,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    // Not its own: another municipality's project, a group and a meeting without its people.
    await buildProject(t.dataSource, { leadMunicipalityId: other.id, title: `Ohne ${name}` });
    await buildWorkingGroup(t.dataSource, { name: `AG ohne ${name}`, members: [outsider] });
    await invite(t.dataSource, await buildMeeting(t.dataSource, { title: `Ohne ${name}` }), [outsider]);
    return { place, officer, outsider, draft };
  }

  it('costs the same number of SQL statements for a few and many projects, groups and meetings', async () => {
    const few = await populate('Speyer', 1);
    const many = await populate('Worms', 15);
    const client = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const small = await client.gql(LINKS_PAGE, { id: gid('Municipality', few.place.id) });
    const large = await client.gql(LINKS_PAGE, { id: gid('Municipality', many.place.id) });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    const page = large.data?.municipality;
    expect(page.projects.totalCount).toBe(31);
    expect(page.projects.edges).toHaveLength(31);
    expect(page.workingGroups).toHaveLength(15);
    expect(page.meetings.totalCount).toBe(15);
    expect(small.data?.municipality.projects.totalCount).toBe(3);
    expect(small.data?.municipality.workingGroups.map((g: any) => g.name)).toEqual(['AG Speyer 0']);
    expect(small.data?.municipality.meetings.edges.map((e: any) => e.node.title)).toEqual([
      'Sitzung Speyer 0',
    ]);
    expect(large.statements.length).toBe(small.statements.length);
    console.log(
      `municipality page with projects, groups and meetings: ${large.statements.length} statements`,
    );
    // The 8 statements of the page before, plus: projects page + count, their participants, group ids,
    // groups, member counts, meetings page + count (lead municipalities are cached, and the meetings'
    // groups come from the working-groups module's own loader, already filled: each group once).
    expect(large.statements.length).toBe(15);
  });

  it('shows each role the projects, groups and meetings it may see', async () => {
    const { place, officer, outsider, draft } = await populate('Frankenthal (Pfalz)', 1);
    const id = gid('Municipality', place.id);
    const titles = (result: any) => result.data?.municipality.projects.edges.map((e: any) => e.node.title);

    const anonymous = await t.client().gql(LINKS_PAGE, { id });
    expect(anonymous.errors).toBeUndefined();
    expect(titles(anonymous)).toEqual(expect.arrayContaining(['Frankenthal (Pfalz) führt 0']));
    expect(titles(anonymous)).not.toContain(draft.title);
    expect(anonymous.data?.municipality.projects.totalCount).toBe(2);
    expect(anonymous.data?.municipality.workingGroups).toBeNull();
    expect(anonymous.data?.municipality.meetings).toBeNull();

    const ministry = await (await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY }))).gql(
      LINKS_PAGE,
      { id },
    );
    expect(ministry.errors).toBeUndefined();
    // Drafts are the municipality's work in progress: the ministry reads published projects.
    expect(titles(ministry)).not.toContain(draft.title);
    expect(ministry.data?.municipality.projects.totalCount).toBe(2);
    expect(ministry.data?.municipality.workingGroups.map((g: any) => g.name)).toEqual([
      'AG Frankenthal (Pfalz) 0',
    ]);
    expect(ministry.data?.municipality.meetings.totalCount).toBe(1);

    const own = await (await t.as(officer)).gql(LINKS_PAGE, { id });
    expect(titles(own)).toContain(draft.title);
    const roles = Object.fromEntries(
      own.data?.municipality.projects.edges.map((e: any) => [e.node.title, e.role]),
    );
    expect(roles).toEqual({
      'Frankenthal (Pfalz) führt 0': 'LEAD',
      'Frankenthal (Pfalz) hilft 0': 'PARTNER',
      'Frankenthal (Pfalz) Entwurf': 'LEAD',
    });

    const foreign = await (await t.as(outsider)).gql(LINKS_PAGE, { id });
    expect(foreign.errors).toBeUndefined();
    expect(titles(foreign)).not.toContain(draft.title);
    expect(foreign.data?.municipality.projects.totalCount).toBe(2);
    expect(foreign.data?.municipality.workingGroups).toHaveLength(1);
    expect(foreign.data?.municipality.meetings.edges[0].node.title).toBe('Sitzung Frankenthal (Pfalz) 0');
  });
});

describe('performance', () => {
  const DIRECTORY_PAGE = `query($first: Int, $filter: MunicipalityFilter) {
    municipalities(first: $first, filter: $filter) {
      totalCount
      edges { node { id name kind population district { id name } networkMember
        membership { status } officerCount } }
    }
  }`;

  it('costs the same number of SQL statements for 10 and 100 municipalities', async () => {
    const viewer = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const client = await t.as(viewer);
    const small = await client.gql(DIRECTORY_PAGE, { first: 10 });
    const large = await client.gql(DIRECTORY_PAGE, { first: 100 });
    expect(large.data?.municipalities.edges).toHaveLength(100);
    expect(large.statements.length).toBe(small.statements.length);
    // session; the page with its count, districts, memberships and officer counts
    expect(large.statements.length).toBe(2);
    const searched = await client.gql(DIRECTORY_PAGE, { first: 100, filter: { search: 'bach' } });
    expect(searched.statements.length).toBe(small.statements.length);
  });

  it('answers each municipality of a page as the municipality query does (what the page brings with it)', async () => {
    const active = await freshMunicipality(t.dataSource);
    const invited = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, active, MembershipStatus.ACTIVE);
    await buildMembership(t.dataSource, invited, MembershipStatus.INVITED);
    await officerOf(t.dataSource, active);
    await officerOf(t.dataSource, active);
    await officerOf(t.dataSource, active, { status: UserStatus.DEACTIVATED });
    await officerOf(t.dataSource, invited);
    const ROW =
      'id name kind population district { id name } networkMember membership { status } officerCount';
    for (const viewer of [null, await buildUser(t.dataSource, { role: Role.COORDINATOR })]) {
      const client = viewer ? await t.as(viewer) : t.client();
      const pages = [
        await client.gql(DIRECTORY_PAGE, { first: 100 }),
        ...(await Promise.all(
          [active, invited].map((m) =>
            client.gql(DIRECTORY_PAGE, { first: 100, filter: { search: m.name } }),
          ),
        )),
      ];
      const nodes = pages.flatMap((page) => page.data?.municipalities.edges.map((e: any) => e.node));
      for (const id of [active, invited].map((m) => gid('Municipality', m.id)))
        expect(nodes.map((n: any) => n.id)).toContain(id);
      // The same municipalities one by one (aliases, within the limit of 30 a request), read by the loaders.
      for (let from = 0; from < nodes.length; from += 25) {
        const chunk = nodes.slice(from, from + 25);
        const singles = await client.gql(
          `query { ${chunk.map((n: any, i: number) => `m${i}: municipality(id: "${n.id}") { ${ROW} }`).join(' ')} }`,
        );
        expect(singles.errors).toBeUndefined();
        expect(chunk).toEqual(chunk.map((_: unknown, i: number) => singles.data?.[`m${i}`]));
      }
      const counts = Object.fromEntries(
        nodes.map((n: any) => [n.id, [n.officerCount, n.membership?.status]]),
      );
      expect(counts[gid('Municipality', active.id)]).toEqual([2, MembershipStatus.ACTIVE]);
      // The public sees active memberships only.
      expect(counts[gid('Municipality', invited.id)]).toEqual([
        1,
        viewer ? MembershipStatus.INVITED : undefined,
      ]);
    }
  });

  async function plan(search: string, seqscan: boolean): Promise<string> {
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      if (!seqscan) await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('ANALYZE municipality');
      const rows: { 'QUERY PLAN': string }[] = await runner.query(
        `EXPLAIN SELECT id FROM municipality
          WHERE hub_fold(name) LIKE '%' || hub_fold($1) || '%' OR hub_fold($1) <% hub_fold(name)`,
        [search],
      );
      await runner.rollbackTransaction();
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await runner.release();
    }
  }

  it('answers a search from the trigram index', async () => {
    // The directory has ~2,500 rows, where a sequential scan is as cheap as the index; with
    // sequential scans priced out the planner must be able to answer from the index alone.
    expect(await plan('bruchmuhlbach', false)).toMatch(/Bitmap Index Scan on municipality_name_trgm/);
    expect(await plan('zell', false)).toMatch(/Bitmap Index Scan on municipality_name_trgm/);
    // Left to itself, the planner answers a selective search from the index too.
    expect(await plan('zell', true)).toMatch(/Bitmap Index Scan on municipality_name_trgm/);
  });

  it('answers both spellings of an umlaut from one trigram index, without a sequential scan', async () => {
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('ANALYZE municipality');
      for (const search of ['bruchmuehlbach', 'bruchmühlbach', 'zell']) {
        const rows: { 'QUERY PLAN': string }[] = await runner.query(
          `EXPLAIN SELECT id FROM municipality
            WHERE hub_search_fold(name) LIKE '%' || hub_search_fold($1) || '%'
               OR hub_search_fold($1) <% hub_search_fold(name)`,
          [search],
        );
        const text = rows.map((r) => r['QUERY PLAN']).join('\n');
        expect(text).toMatch(/Bitmap Index Scan on municipality_search_name_trgm/);
        expect(text).not.toMatch(/Seq Scan/);
      }
      const [{ same }] = await runner.query(
        `SELECT hub_search_fold('Bruchmühlbach-Miesau') = hub_search_fold('BRUCHMUEHLBACH-miesau') AS same`,
      );
      expect(same).toBe(true);
    } finally {
      await runner.release();
    }
  });
});
