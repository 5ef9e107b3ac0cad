// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import 'reflect-metadata';
import { MeetingKind, MunicipalityKind, ProjectSort, ProjectStatus, Role } from '@hub/shared';
import { toGlobalId } from '../../packages/api/src/graphql/relay';
import {
  municipalityMeetings,
  workingGroupMeetings,
} from '../../packages/api/src/modules/meetings/meeting.lists';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { searchProjects, workingGroupProjects } from '../../packages/api/src/modules/projects/project.search';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';
import { buildMeeting, invite } from '../support/meeting-factories';
import { buildProject } from '../support/project-factories';
import { buildWorkingGroup } from '../support/working-group-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Municipalities by name (the 12 kreisfreie Städte unless given), with projects, meetings and groups. */
const LINKS = `query($first: Int, $kinds: [MunicipalityKind!] = [KREISFREIE_STADT]) {
  municipalities(first: $first, filter: { kinds: $kinds }, sort: NAME) {
    edges { node { id name
      projects(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor role node { id title } } }
      meetings(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } }
      workingGroups { id name }
    } }
  }
}`;

/** Working groups with their projects and meetings (the same link lists, under groups). */
const GROUP_LINKS = `query($first: Int) {
  workingGroups(first: $first) {
    edges { node { id name
      projects(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } }
      meetings(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } }
      upcoming: meetings(first: 2, upcoming: true) { totalCount pageInfo { hasNextPage } edges { cursor node { id title } } }
    } }
  }
}`;

interface Cast {
  cities: Municipality[];
  officer: User;
  coordinator: User;
}

/**
 * Each city gets a different number (1 to 8) of led projects, a partner project of the next
 * city, a draft, a working group with one of its officers, group projects and meetings (past,
 * upcoming, cancelled) to which its officer is invited.
 */
async function populate(): Promise<Cast> {
  const cities = await t.dataSource
    .getRepository(Municipality)
    .find({ where: { kind: MunicipalityKind.KREISFREIE_STADT }, order: { name: 'ASC' } });
  expect(cities).toHaveLength(12);
  const officers = await Promise.all(
    cities.map((city) => buildUser(t.dataSource, { municipalityId: city.id })),
  );
  for (const [i, city] of cities.entries()) {
    const next = cities[(i + 1) % cities.length];
    const group = await buildWorkingGroup(t.dataSource, {
      name: `AG ${city.name}`,
      leads: [officers[i]],
      members: i % 2 ? [officers[(i + 1) % cities.length]] : [],
    });
    for (let k = 0; k < (i % 8) + 1; k++) {
      await buildProject(t.dataSource, {
        leadMunicipalityId: city.id,
        title: `${city.name} führt ${k}`,
        workingGroupId: k % 2 ? group.id : null,
      });
    }
    await buildProject(t.dataSource, {
      leadMunicipalityId: next.id,
      partnerIds: [city.id],
      title: `${city.name} hilft ${next.name}`,
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: city.id,
      title: `${city.name} Entwurf`,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
      workingGroupId: group.id,
    });
    // One past meeting, then upcoming ones (the fifth cancelled).
    for (let k = 0; k < (i % 7) + 2; k++) {
      const meeting = await buildMeeting(t.dataSource, {
        kind: MeetingKind.WORKING_GROUP,
        workingGroupId: group.id,
        title: `Sitzung ${city.name} ${k}`,
        startsAt: new Date(Date.now() + (k - 1) * 86400_000),
        cancelled: k === 4,
      });
      await invite(t.dataSource, meeting, [officers[i]]);
    }
  }
  return {
    cities,
    officer: officers[3],
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
  };
}

let cast: Cast;
beforeAll(async () => {
  cast = await populate();
});

/** What a connection shows, for comparing the batched lists with the per-parent ones. */
const shape = (connection: any) =>
  connection && {
    totalCount: connection.totalCount,
    hasNextPage: connection.pageInfo.hasNextPage,
    edges: connection.edges.map((e: any) => ({ cursor: e.cursor, id: e.node.id })),
  };

const fromServer = (connection: any) => ({
  totalCount: connection.totalCount,
  hasNextPage: connection.pageInfo.hasNextPage,
  edges: connection.edges.map((e: any) => ({
    cursor: e.cursor,
    id: toGlobalId(e.node.constructor.name, e.node.id),
  })),
});

describe('link lists of many municipalities and groups', () => {
  it('cost the same number of SQL statements for 2, 12 and 50 parents', async () => {
    const client = await t.as(cast.coordinator);
    const counts: Record<string, number[]> = { municipalities: [], groups: [] };
    for (const first of [2, 12]) {
      const places = await client.gql(LINKS, { first });
      expect(places.errors).toBeUndefined();
      expect(places.data?.municipalities.edges).toHaveLength(first);
      counts.municipalities.push(places.statements.length);
      const groups = await client.gql(GROUP_LINKS, { first });
      expect(groups.errors).toBeUndefined();
      expect(groups.data?.workingGroups.edges).toHaveLength(first);
      counts.groups.push(groups.statements.length);
    }
    // 50: the cities, the Landkreise and the first Verbandsgemeinden (most of them without links).
    const fifty = await client.gql(LINKS, {
      first: 50,
      kinds: ['KREISFREIE_STADT', 'LANDKREIS', 'VERBANDSGEMEINDE'],
    });
    expect(fifty.errors).toBeUndefined();
    expect(fifty.data?.municipalities.edges).toHaveLength(50);
    counts.municipalities.push(fifty.statements.length);
    console.log(
      `statements for 2 / 12 (/ 50) parents: municipalities with projects, meetings, groups ${counts.municipalities.join(' / ')}; groups with projects and meetings ${counts.groups.join(' / ')}`,
    );
    expect(counts.municipalities[1]).toBe(counts.municipalities[0]);
    expect(counts.municipalities[2]).toBe(counts.municipalities[0]);
    expect(counts.groups[1]).toBe(counts.groups[0]);
    // Session, page (with its count); projects ranked + rows, their participants (the role); meetings
    // ranked + rows; group IDs, groups. Before the batching: 15 for 2 municipalities, 65 for 12.
    expect(counts.municipalities[0]).toBe(9);
    // Session, page, count; projects ranked + rows; meetings (all, upcoming) ranked + rows each.
    // Before: 15 for 2 groups, 75 for 12.
    expect(counts.groups[0]).toBe(9);
  });

  it.each([
    ['anonymous', null],
    ['an officer', 'officer'],
    ['a coordinator', 'coordinator'],
  ] as const)('show %s the same lists as one parent at a time', async (_label, role) => {
    const viewer = role ? cast[role] : null;
    const client: TestClient = viewer ? await t.as(viewer) : t.client();
    const result = await client.gql(LINKS, { first: 12 });
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.municipalities.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.name)).toEqual(cast.cities.map((c) => c.name));
    for (const [i, node] of nodes.entries()) {
      const city = cast.cities[i];
      const projects = await searchProjects(
        t.dataSource,
        viewer,
        { municipalityId: toGlobalId('Municipality', city.id) },
        ProjectSort.NEWEST,
        { first: 5 },
      );
      expect(shape(node.projects)).toEqual(fromServer(projects));
      if (!viewer) {
        expect(node.meetings).toBeNull();
        expect(node.workingGroups).toBeNull();
        continue;
      }
      expect(shape(node.meetings)).toEqual(
        fromServer(await municipalityMeetings(t.dataSource, city.id, { first: 5 })),
      );
      expect(node.workingGroups.map((g: any) => g.name)).toContain(`AG ${city.name}`);
    }
    // Drafts only for those who may read them: the officer's own city's, every one for coordinators.
    const drafts = nodes
      .flatMap((n: any) => n.projects.edges.map((e: any) => e.node.title))
      .filter((title: string) => title.endsWith('Entwurf'));
    expect(drafts).toEqual(
      role === 'coordinator'
        ? cast.cities.map((c) => `${c.name} Entwurf`)
        : role === 'officer'
          ? [`${cast.cities[3].name} Entwurf`]
          : [],
    );

    const groups = await client.gql(GROUP_LINKS, { first: 50 });
    if (!viewer) {
      expect(groups.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    expect(groups.errors).toBeUndefined();
    const groupNodes = groups.data?.workingGroups.edges.map((e: any) => e.node);
    expect(groupNodes.length).toBeGreaterThanOrEqual(12);
    for (const group of groupNodes) {
      const groupId = Buffer.from(group.id, 'base64url').toString('utf8').split(':')[1];
      expect(shape(group.projects)).toEqual(
        fromServer(await workingGroupProjects(t.dataSource, viewer, groupId, { first: 5 })),
      );
      expect(shape(group.meetings)).toEqual(
        fromServer(await workingGroupMeetings(t.dataSource, groupId, false, { first: 5 })),
      );
      expect(shape(group.upcoming)).toEqual(
        fromServer(await workingGroupMeetings(t.dataSource, groupId, true, { first: 2 })),
      );
    }
  });

  it('answers a bad page size on one list with BAD_USER_INPUT for that list alone', async () => {
    const client = await t.as(cast.coordinator);
    const result =
      await client.gql(`{ municipalities(first: 2, filter: { kinds: [KREISFREIE_STADT] }, sort: NAME) {
      edges { node { name meetings(first: 5) { totalCount } negative: meetings(first: -1) { totalCount } } } } }`);
    expect(result.errors?.map((e) => [e.extensions?.code, e.path?.at(-1)])).toEqual([
      ['BAD_USER_INPUT', 'negative'],
      ['BAD_USER_INPUT', 'negative'],
    ]);
    const nodes = result.data?.municipalities.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.meetings.totalCount, n.negative])).toEqual([
      [2, null],
      [3, null],
    ]);
  });

  it('pages on from a nested cursor one municipality at a time', async () => {
    const client = await t.as(cast.coordinator);
    const page = await client.gql(LINKS, { first: 12 });
    const node = page.data?.municipalities.edges.find((e: any) => e.node.projects.pageInfo.hasNextPage).node;
    const NEXT = `query($id: ID!, $after: String) { municipality(id: $id) {
      projects(first: 5, after: $after) { totalCount edges { node { id } } } } }`;
    const next = await client.gql(NEXT, { id: node.id, after: node.projects.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    const all = await client.gql(NEXT, { id: node.id });
    const full = await searchProjects(
      t.dataSource,
      cast.coordinator,
      { municipalityId: node.id },
      ProjectSort.NEWEST,
      { first: 50 },
    );
    const seen = [...node.projects.edges, ...(next.data?.municipality.projects.edges ?? [])].map(
      (e: any) => e.node.id,
    );
    expect(seen).toEqual(full.edges.map((e) => toGlobalId('Project', e.node.id)));
    expect(all.data?.municipality.projects.totalCount).toBe(full.totalCount);
  });
});
