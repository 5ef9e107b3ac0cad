import { MeetingKind, Role } from '@hub/shared';
import type { GraphQLField, GraphQLSchema } from 'graphql';
import { getSchema } from '../../packages/api/src/graphql/schema';
import { User } from '../../packages/api/src/modules/users/user.entity';
import type { GraphQLResult, TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import type { IdPool } from '../support/fuzz';
import {
  BAD_STRINGS,
  forgedCursor,
  InputGenerator,
  operationFor,
  operationWithLiterals,
  Random,
} from '../support/fuzz';
import { activeMember, buildMeeting, buildWorkingGroup, invite } from '../support/meeting-factories';
import { buildProject } from '../support/project-factories';

/**
 * Generated bad input against every mutation, every query (forged cursors on every connection,
 * anonymous too) and the plain HTTP routes. A fixed seed, overridable with FUZZ_SEED=<n>, makes a
 * failing run repeatable: the same cases in the same order (the database's random UUIDs differ).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const MUTATION_CASES = 250;
const QUERY_CASES = 120;
const ROUTE_CASES = 150;

/**
 * Tables that may change although a mutation failed: the write limit counts every attempt before
 * the mutation runs (rate_limit_bucket), and the test signs the two people in afresh (session).
 * Failed sign-ins are counted in rate_limit_bucket too. A password reset request is queued
 * (password_reset_request) and taken by the mail run after the answer, whenever that happens to run.
 * audit_event is compared (a failed mutation rolls its audit entries back with everything else).
 */
const MAY_CHANGE = new Set(['rate_limit_bucket', 'session', 'password_reset_request']);

/** Global ID type → its table, for the pool of real IDs the generator draws from. */
const TABLES: Record<string, string> = {
  Project: 'project',
  ProjectMilestone: 'project_milestone',
  ProjectStatusUpdate: 'project_status_update',
  User: 'app_user',
  Meeting: 'meeting',
  AgendaItem: 'agenda_item',
  Outcome: 'meeting_outcome',
  NetworkMembership: 'network_membership',
  WorkingGroup: 'working_group',
  WorkingGroupMembership: 'working_group_membership',
};

let t: TestApp;
let schema: GraphQLSchema;
let coordinator: User;
let officer: User;
let countedTables: string[];
let ids: IdPool = new Map();
let municipalityIds: string[];

beforeAll(async () => {
  t = await startTestApp();
  schema = await getSchema();
  const kaiserslautern = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
  await activeMember(t.dataSource, kaiserslautern.id);
  coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
  officer = await buildUser(t.dataSource, { municipalityId: kaiserslautern.id });
  const colleague = await buildUser(t.dataSource, { municipalityId: kaiserslautern.id });
  const group = await buildWorkingGroup(t.dataSource, { leads: [officer], members: [colleague] });
  const past = await buildMeeting(t.dataSource, {
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    startsAt: new Date(Date.now() - 86_400_000),
  });
  await invite(t.dataSource, past, [officer, colleague]);
  await buildMeeting(t.dataSource);
  const project = await buildProject(t.dataSource, {
    leadMunicipalityId: kaiserslautern.id,
    statusUpdates: [{ reportedOn: '2026-01-15', progressPercent: 40 }],
  });
  // Agenda items, minutes, outcomes and milestones through the API, so that their IDs are in the pool.
  const lead = await t.as(officer);
  const meetingId = gid('Meeting', past.id);
  for (const step of [
    [
      'mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { userErrors { message } } }',
      { meetingId, title: 'Bericht', projectId: gid('Project', project.id) },
    ],
    [
      'mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { userErrors { message } } }',
      { meetingId, body: 'Protokoll' },
    ],
    [
      'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { userErrors { message } } }',
      { id: gid('Project', project.id), milestones: [{ title: 'Start', dueDate: '2026-06-01' }] },
    ],
  ] as const) {
    const result = await lead.gql(step[0], { input: step[1] });
    expect(result.errors).toBeUndefined();
  }
  const [agendaItem] = await t.dataSource.query('SELECT id FROM agenda_item');
  const added = await lead.gql(
    'mutation($input: AddOutcomeInput!) { addOutcome(input: $input) { userErrors { message } } }',
    { input: { agendaItemId: gid('AgendaItem', agendaItem.id), kind: 'DECISION', title: 'Beschluss' } },
  );
  expect(added.errors).toBeUndefined();
  const tables: { name: string }[] = await t.dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations'`,
  );
  countedTables = tables.map((row) => row.name).filter((name) => !MAY_CHANGE.has(name));
  municipalityIds = [kaiserslautern.id];
  ids = await idPool(municipalityIds);
});
afterAll(() => t.close());

async function idPool(municipalityIds: string[]): Promise<IdPool> {
  const pool: IdPool = new Map([['Municipality', municipalityIds.map((id) => gid('Municipality', id))]]);
  for (const [type, table] of Object.entries(TABLES)) {
    const rows: { id: string }[] = await t.dataSource.query(`SELECT id FROM ${table} ORDER BY ctid LIMIT 6`);
    pool.set(
      type,
      rows.map((row) => gid(type, row.id)),
    );
  }
  return pool;
}

async function rowCounts(): Promise<Record<string, number>> {
  const [counts] = await t.dataSource.query(
    `SELECT ${countedTables.map((name) => `(SELECT count(*) FROM "${name}")::int AS "${name}"`).join(', ')}`,
  );
  return counts;
}

/**
 * Undoes what earlier cases did to the two people themselves, to the group and to the meetings
 * (one statement), so that later cases still get in; every tenth case with fresh sessions.
 */
let sessions: Record<'coordinator' | 'officer', TestClient> | null = null;
async function signedIn(n: number): Promise<Record<'coordinator' | 'officer', TestClient>> {
  await t.dataSource.query(`
    UPDATE app_user SET status = 'ACTIVE', role = 'COORDINATOR', municipality_id = NULL WHERE id = '${coordinator.id}';
    UPDATE app_user SET status = 'ACTIVE', role = 'OFFICER', municipality_id = '${officer.municipalityId}' WHERE id = '${officer.id}';
    UPDATE working_group SET archived_at = NULL WHERE archived_at IS NOT NULL;
    UPDATE meeting SET cancelled = false, deleted_at = NULL WHERE cancelled OR deleted_at IS NOT NULL;
    DELETE FROM rate_limit_bucket;`);
  if (!sessions || n % 10 === 0)
    sessions = { coordinator: await t.as(coordinator), officer: await t.as(officer) };
  return sessions;
}

const shorten = (value: unknown) =>
  JSON.stringify(value, (_key, v) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v,
  );

/** What went wrong with one response, or null: an INTERNAL_SERVER_ERROR, a 5xx or no JSON at all. */
function internalFailure(result: GraphQLResult | Error): string | null {
  if (result instanceof Error) return `no GraphQL response: ${result.message}`;
  if (result.status >= 500) return `HTTP ${result.status}`;
  const internal = result.errors?.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
  return internal ? `INTERNAL_SERVER_ERROR at ${internal.path?.join('.')}` : null;
}

async function send(client: TestClient, query: string, variables: Record<string, unknown>) {
  return client.gql(query, variables).catch((error: Error) => error);
}

function rootFields(kind: 'query' | 'mutation'): GraphQLField<unknown, unknown>[] {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root?.getFields() ?? {});
}

describe(`fuzzing (FUZZ_SEED=${SEED})`, () => {
  it('gives every mutation bad input: no internal error, no 5xx, no half-written rows', async () => {
    const random = new Random(SEED);
    const generate = new InputGenerator(random, () => ids);
    // Each mutation in turn, in an order of the seed's.
    const mutations = rootFields('mutation')
      .map((field) => ({ field, order: random.next() }))
      .sort((a, b) => a.order - b.order)
      .map(({ field }) => field);
    const failures: string[] = [];
    let before = await rowCounts();
    for (let n = 0; n < MUTATION_CASES; n++) {
      // Objects the mutations created join the pool.
      if (n % 25 === 24) ids = await idPool(municipalityIds);
      const mutation = mutations[n % mutations.length];
      const clients = await signedIn(n);
      const role = n % 2 === 0 ? 'coordinator' : 'officer';
      const variables = generate.args(mutation.name, mutation.args);
      // A quarter of the cases write the input into the document: literals are parsed another way.
      const inline = random.chance(0.25);
      const operation = inline
        ? operationWithLiterals('mutation', mutation, variables)
        : operationFor('mutation', mutation);
      const result = await send(clients[role], operation, inline ? {} : variables);
      const label = `case ${n}, ${role}${inline ? ', as literals' : ''}: ${mutation.name}(${shorten(variables)})`;
      const failure = internalFailure(result);
      if (failure) failures.push(`${label} → ${failure}`);
      // Counted after every case: the counts after one case are those before the next.
      const after = await rowCounts();
      const payload =
        result instanceof Error ? null : (result.data?.[mutation.name] as { userErrors?: unknown[] } | null);
      const failed = result instanceof Error || Boolean(result.errors?.length || payload?.userErrors?.length);
      const changed = countedTables.filter((name) => after[name] !== before[name]);
      if (failed && changed.length)
        failures.push(
          `${label} → failed but changed ${changed.map((name) => `${name} ${before[name]}→${after[name]}`)}`,
        );
      before = after;
    }
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
  });

  it('gives every query bad arguments and forged cursors, anonymous and signed in', async () => {
    const random = new Random(SEED + 1);
    const generate = new InputGenerator(random, () => ids);
    const queries = rootFields('query').filter((field) => field.args.length > 0);
    // Connections below other objects, reached through `node(id:)`.
    const nested = Object.values(schema.getTypeMap()).flatMap((type) =>
      'getInterfaces' in type &&
      type.getInterfaces().some((i) => i.name === 'Node') &&
      ids.get(type.name)?.length
        ? Object.values(type.getFields())
            .filter((field) => field.args.some((arg) => arg.name === 'after'))
            .map((field) => ({ type: type.name, field }))
        : [],
    );
    expect(nested.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (let n = 0; n < QUERY_CASES; n++) {
      const clients = { ...(await signedIn(n)), anonymous: t.client() };
      const role = random.pick(['coordinator', 'officer', 'anonymous'] as const);
      let query: string;
      let variables: Record<string, unknown>;
      if (n % 3 === 2) {
        const { type, field } = random.pick(nested);
        query = `query($id: ID!, $after: String, $first: Int) { node(id: $id) { ... on ${type} { ${field.name}(after: $after, first: $first) { totalCount } } } }`;
        variables = {
          id: random.pick(ids.get(type) ?? []),
          after: forgedCursor(random),
          first: random.int(1, 5),
        };
      } else {
        const field = queries[(n + random.int(0, queries.length - 1)) % queries.length];
        query = operationFor('query', field);
        variables = generate.args(field.name, field.args);
        if (field.args.some((arg) => arg.name === 'after')) variables.after = forgedCursor(random);
      }
      const result = await send(clients[role], query, variables);
      const failure = internalFailure(result);
      if (failure) failures.push(`case ${n}, ${role}: ${query} ${shorten(variables)} → ${failure}`);
    }
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
  });

  it('answers bad parameters of the plain routes with a 4xx, never a 5xx', async () => {
    const random = new Random(SEED + 2);
    const token = (await signedIn(0)).officer.cookie('hub_session');
    const realIds = [...(ids.get('Meeting') ?? []), ...(ids.get('WorkingGroup') ?? [])];
    const uuids = await t.dataSource.query('SELECT id FROM meeting UNION ALL SELECT id FROM working_group');
    const segment = () =>
      random.pick([
        ...uuids.map((row: { id: string }) => row.id),
        ...realIds,
        'network',
        'constructor',
        '__proto__',
        'hasOwnProperty',
        '%00',
        '%ZZ',
        '%ED%A0%80',
        '%C0%80',
        encodeURIComponent('a'.repeat(3000)),
        '00000000-0000-0000-0000-000000000000',
        '..%2F..%2Fetc',
      ]);
    const paramValue = () =>
      random.pick([
        '2026-01-01T00:00:00Z',
        '2026-01-01',
        '0001-01-01T00:00:00Z',
        '%2B275760-09-13T00:00:00Z',
        '99999-01-01',
        '2026-02-31',
        'gestern',
        '',
        '%00',
        '%ED%A0%80',
        '-1',
        '0',
        '99999999999999999999',
        'network',
        '00000000-0000-0000-0000-000000000000',
        encodeURIComponent(BAD_STRINGS[3]),
      ]);
    const query = () =>
      Array.from({ length: random.int(0, 3) }, () => {
        const name = random.pick([
          'created_since',
          'created_until',
          'modified_since',
          'modified_until',
          'limit',
          'after',
          'after[x]',
          'page',
        ]);
        return `${name}=${paramValue()}`;
      }).join('&');
    const lists = ['meetings', 'agenda-items', 'organizations', 'people', 'memberships', 'papers'];
    const paths = [
      () => `/oparl/v1/body/network/${random.chance(0.7) ? random.pick(lists) : segment()}?${query()}`,
      () => `/oparl/v1/organization/${segment()}/meetings?${query()}`,
      () =>
        `/oparl/v1/${random.pick(['meeting', 'agendaitem', 'organization', 'person', 'membership', segment()])}/${segment()}`,
      () => `/calendar/meetings/${segment()}.ics`,
      () => `/calendar/feed/${segment()}${random.pick(['', 'x'.repeat(30)])}.ics`,
      () => `/api/projects/${random.pick([...(ids.get('Project') ?? []), segment()])}/publiccode.yml`,
    ];
    const failures: string[] = [];
    for (let n = 0; n < ROUTE_CASES; n++) {
      const path = random.pick(paths)();
      const headers: Record<string, string> = random.chance(0.5) ? { cookie: `hub_session=${token}` } : {};
      const response = await fetch(`${t.url}${path}`, { headers }).catch((error: Error) => error);
      if (response instanceof Error) {
        failures.push(`case ${n}: GET ${path} → ${response.message}`);
        continue;
      }
      const type = response.headers.get('content-type') ?? '';
      if (response.status >= 500) failures.push(`case ${n}: GET ${path} → HTTP ${response.status}`);
      else if (response.status === 400 && !type.startsWith('application/json'))
        failures.push(`case ${n}: GET ${path} → 400 as ${type}, not JSON`);
      await response.arrayBuffer();
    }
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
  });
});
