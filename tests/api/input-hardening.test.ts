import { MeetingKind, Role } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { activeMember, buildMeeting, buildWorkingGroup, invite } from '../support/meeting-factories';
import { buildProject } from '../support/project-factories';

/** Bad input that once reached PostgreSQL (and came back as INTERNAL_SERVER_ERROR or HTTP 500). */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const UUID = '00000000-0000-0000-0000-000000000000';

const CREATE_GROUP = `mutation($input: CreateWorkingGroupInput!) {
  createWorkingGroup(input: $input) { workingGroup { id } userErrors { field code message } }
}`;
const SEARCH = 'query($search: String) { projects(filter: { search: $search }) { totalCount } }';

function expectBadInput(result: { status: number; errors?: { extensions?: Record<string, unknown> }[] }) {
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(result.status).toBe(400);
}

describe('text no column can take', () => {
  it('rejects a NUL character in any input field before anything is written', async () => {
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const groups = await t.dataSource.query('SELECT count(*)::int AS n FROM working_group');
    const result = await coordinator.gql(CREATE_GROUP, {
      input: { name: 'AG Test', topic: 'Daten\u0000schutz' },
    });
    expectBadInput(result);
    expect(result.errors?.[0].message).toBe('Variable $input.topic contains a NUL character.');
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM working_group')).toEqual(groups);
  });

  it('rejects NUL and unpaired surrogates in anonymous searches, as variables and as literals', async () => {
    const anonymous = t.client();
    expectBadInput(await anonymous.gql(SEARCH, { search: 'Park\u0000' }));
    expectBadInput(await anonymous.gql(SEARCH, { search: '\uD800' }));
    expectBadInput(await anonymous.gql(SEARCH, { search: 'kaputt\uDFFF' }));
    expectBadInput(await anonymous.gql('{ projects(filter: { search: "Park\\u0000" }) { totalCount } }'));
    // A well-formed pair (an emoji) is fine.
    const fine = await anonymous.gql(SEARCH, { search: 'Park 🚲' });
    expect(fine.errors).toBeUndefined();
  });

  it('rejects strings beyond any field, huge lists and too deep nesting', async () => {
    const anonymous = t.client();
    const long = await anonymous.gql(SEARCH, { search: 'a'.repeat(100_001) });
    expectBadInput(long);
    expect(long.errors?.[0].message).toBe('Variable $search is longer than 100000 characters.');
    const many = await anonymous.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 1001 }, () => 'x'),
    });
    expectBadInput(many);
    expect(many.errors?.[0].message).toBe('Variable $ids has more than 1000 items.');
    let nested: unknown = 'x';
    for (let i = 0; i < 20; i++) nested = [nested];
    expectBadInput(await anonymous.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: nested }));
  });

  it('answers an Int overflow and more than 50 invalid variables with BAD_USER_INPUT', async () => {
    const anonymous = t.client();
    expectBadInput(
      await anonymous.gql('query($n: Int) { projects(first: $n) { totalCount } }', { n: 2 ** 31 }),
    );
    // graphql-js stops after 50 errors with an error of its own.
    const result = await anonymous.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: Array.from({ length: 60 }, () => null),
    });
    expect(result.status).toBe(400);
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(result.errors?.at(-1)?.message).toMatch(/Too many errors processing variables/);
  });
});

describe('dates', () => {
  it('takes DateTime values only within the years 1900 to 2199', async () => {
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const create = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } userErrors { code } } }`;
    for (const [startsAt, endsAt] of [
      ['0001-01-01T09:00:00Z', '0001-01-01T10:00:00Z'],
      ['2026-02-31T09:00:00Z', '2026-03-01T10:00:00Z'],
      ['9999-12-31T09:00:00Z', '9999-12-31T10:00:00Z'],
      ['+275760-09-13T00:00:00Z', '+275760-09-13T01:00:00Z'],
    ]) {
      const result = await coordinator.gql(create, {
        input: { kind: MeetingKind.NETWORK, title: 'Treffen', startsAt, endsAt },
      });
      expect(result.status).toBe(400);
      for (const error of result.errors ?? []) {
        expect(error.extensions?.code).toBe('BAD_USER_INPUT');
        expect(error.message).toMatch(/between the years 1900 and 2199/);
      }
    }
  });

  it('takes calendar dates only when they exist', async () => {
    const kaiserslautern = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    const officer = await buildUser(t.dataSource, { municipalityId: kaiserslautern.id });
    const project = await buildProject(t.dataSource, { leadMunicipalityId: kaiserslautern.id });
    const client = await t.as(officer);
    for (const dueDate of ['2026-02-31', '0000-01-01', '99999-01-01']) {
      const result = await client.gql(
        'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { userErrors { field code } } }',
        { input: { id: gid('Project', project.id), milestones: [{ title: 'Start', dueDate }] } },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.updateProject.userErrors).toEqual([
        { field: 'milestones.0.dueDate', code: expect.any(String) },
      ]);
    }
  });
});

describe('forged pagination cursors', () => {
  const alwaysForged = ['garbage!', base64url({ a: 1 }), base64url(['x']), base64url([1, 2, 3, 4, 5, 6])];
  const forged = [
    base64url(['x', 'y']),
    base64url(['2026-02-31T00:00:00Z', UUID]),
    base64url(['0000-01-01T00:00:00.000Z', UUID]),
    base64url([1, 'not-a-uuid']),
    base64url([2 ** 40, '2026-01-01T00:00:00.000Z', UUID]),
    base64url(['\u0000', '\u0000', UUID]),
    base64url([null, null]),
    base64url(['NO_SUCH_STATUS', 'Kaiserslautern', UUID]),
  ];

  it.each([
    ['projects', 'projects(first: 1, after: $after)', Role.OFFICER],
    ['projects by adoption', 'projects(first: 1, after: $after, sort: MOST_ADOPTED)', Role.OFFICER],
    ['municipalities', 'municipalities(first: 1, after: $after)', null],
    ['municipality search', 'municipalities(first: 1, after: $after, filter: { search: "kaisers" })', null],
    ['people', 'people(first: 1, after: $after)', Role.COORDINATOR],
    ['meetings', 'meetings(first: 1, after: $after)', Role.COORDINATOR],
    ['action items', 'actionItems(first: 1, after: $after)', Role.COORDINATOR],
    ['memberships', 'networkMemberships(first: 1, after: $after)', Role.COORDINATOR],
    ['working groups', 'workingGroups(first: 1, after: $after)', Role.OFFICER],
  ])('%s: BAD_USER_INPUT for forged cursors, the next page for a real one', async (_name, field, role) => {
    const kaiserslautern = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    await activeMember(t.dataSource, kaiserslautern.id);
    const viewer = role ? await buildUser(t.dataSource, { role, municipalityId: kaiserslautern.id }) : null;
    const client = viewer ? await t.as(viewer) : t.client();
    const query = `query($after: String) { list: ${field} { totalCount pageInfo { endCursor } } }`;
    for (const after of forged) {
      // A forgery may fit this connection's keys (any text fits a name); then it simply pages.
      const result = await client.gql(query, { after });
      for (const error of result.errors ?? [])
        expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    for (const after of alwaysForged)
      expect((await client.gql(query, { after })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const first = await client.gql(query, {});
    expect(first.errors).toBeUndefined();
    const endCursor = first.data?.list.pageInfo.endCursor;
    if (endCursor) expect((await client.gql(query, { after: endCursor })).errors).toBeUndefined();
  });
});

describe('recordAttendance', () => {
  it('lists each person once: the same person twice is a userError, and nothing is written', async () => {
    const kaiserslautern = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    const lead = await buildUser(t.dataSource, { municipalityId: kaiserslautern.id });
    const member = await buildUser(t.dataSource, { municipalityId: kaiserslautern.id });
    const group = await buildWorkingGroup(t.dataSource, { leads: [lead], members: [member] });
    const meeting = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      startsAt: new Date(Date.now() - 3_600_000),
    });
    await invite(t.dataSource, meeting, [lead]);
    const result = await (await t.as(lead)).gql(
      `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { userErrors { field code } } }`,
      {
        input: {
          meetingId: gid('Meeting', meeting.id),
          entries: [
            { userId: gid('User', member.id), attended: true },
            { userId: gid('User', member.id), attended: false },
          ],
        },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordAttendance.userErrors).toEqual([
      { field: 'entries.1.userId', code: 'VALIDATION' },
    ]);
    const rows = await t.dataSource.query('SELECT user_id FROM meeting_invitation WHERE meeting_id = $1', [
      meeting.id,
    ]);
    expect(rows).toEqual([{ user_id: lead.id }]);
  });
});

describe('plain routes', () => {
  async function get(path: string, cookie?: string) {
    const response = await fetch(`${t.url}${path}`, cookie ? { headers: { cookie } } : {});
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') ? await response.json() : null };
  }

  it.each([
    'created_since=%2B275760-09-13T00:00:00Z',
    'modified_since=0001-01-01T00:00:00Z',
    'created_until=99999-01-01',
    'modified_until=gestern',
    'created_since=2026-01-01&created_since=2026-02-01',
    'after=%00',
    'after=not-an-id',
    'after=%ED%A0%80',
    'limit=abc',
    'limit=-5',
  ])('OParl lists answer 400 with a JSON error for %s', async (query) => {
    const response = await get(`/oparl/v1/body/network/meetings?${query}`);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: expect.any(String) });
  });

  it('OParl still pages with the ids it hands out and takes plain dates', async () => {
    await buildMeeting(t.dataSource);
    await buildMeeting(t.dataSource);
    // Meetings are for signed-in members of the network (the public sees none, in OParl as in GraphQL).
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const cookie = `hub_session=${coordinator.cookie('hub_session')}`;
    const first = await get('/oparl/v1/body/network/meetings?limit=1&created_since=2020-01-01', cookie);
    expect(first.status).toBe(200);
    const next = new URL(first.body.links.next);
    const second = await get(`${next.pathname}${next.search}`, cookie);
    expect(second.status).toBe(200);
    expect(second.body.data).toHaveLength(1);
  });

  it('answers a GraphQL request whose body is not JSON with a GraphQL-shaped JSON error', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-csrf': '1' },
      body: '{"query": "{ __typename',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });

  it.each([
    ['/oparl/v1/constructor/x', 404],
    ['/oparl/v1/__proto__/network', 404],
    ['/oparl/v1/body/network/constructor', 404],
    ['/oparl/v1/meeting/%00', 400],
    ['/oparl/v1/meeting/%ZZ', 400],
    ['/calendar/meetings/%ZZ.ics', 400],
    ['/calendar/feed/%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00%00.ics', 400],
    ['/api/projects/%00/publiccode.yml', 400],
    ['/api/projects/%C0%80/publiccode.yml', 400],
  ])('%s answers %i, as JSON', async (path, status) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(response.type).toMatch(/^application\/json/);
  });
});
