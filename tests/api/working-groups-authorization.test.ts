import { Role } from '@hub/shared';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { WorkingGroupMembership } from '../../packages/api/src/modules/working-groups/working-group.entity';
import type { GraphQLResult, TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid } from '../support/factories';
import { buildWorkingGroup } from '../support/working-group-factories';

/**
 * The authorization matrix of working groups: every query, mutation and sensitive field against
 * every actor, each mutation on a fresh group so that the cells do not influence each other.
 */

type Actor = 'coordinator' | 'lead' | 'member' | 'outsider' | 'ministry' | 'anonymous';
const ACTORS: Actor[] = ['coordinator', 'lead', 'member', 'outsider', 'ministry', 'anonymous'];

/** 'ok', a top-level error code, or a userError code. */
type Outcome = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED' | `userError:${string}`;

interface World {
  groupId: string;
  lead: User;
  member: User;
  coLeadMembershipId: string;
  member2MembershipId: string;
  requestMembershipId: string;
  activeMembershipId: string;
}

let t: TestApp;
let coordinator: User;
let ministry: User;
let outsider: User;
beforeAll(async () => {
  t = await startTestApp();
  coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
  ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
  outsider = await buildUser(t.dataSource);
});
afterAll(() => t.close());

/** Two leads, two members and one open request (with a note). */
async function buildWorld(): Promise<World> {
  const [lead, coLead, member, member2, asker] = await Promise.all(
    [1, 2, 3, 4, 5].map(() => buildUser(t.dataSource)),
  );
  const group = await buildWorkingGroup(t.dataSource, {
    leads: [lead, coLead],
    members: [member, member2],
    requested: [asker],
  });
  const memberships = await t.dataSource
    .getRepository(WorkingGroupMembership)
    .findBy({ workingGroupId: group.id });
  const of = (user: User) =>
    gid('WorkingGroupMembership', memberships.find((m) => m.userId === user.id)?.id as string);
  await t.dataSource
    .getRepository(WorkingGroupMembership)
    .update({ userId: asker.id }, { requestNote: 'Bitte aufnehmen' });
  return {
    groupId: gid('WorkingGroup', group.id),
    lead,
    member,
    coLeadMembershipId: of(coLead),
    member2MembershipId: of(member2),
    requestMembershipId: of(asker),
    activeMembershipId: of(member),
  };
}

async function clientFor(actor: Actor, world: World): Promise<TestClient> {
  const users: Record<Exclude<Actor, 'anonymous'>, User> = {
    coordinator,
    lead: world.lead,
    member: world.member,
    outsider,
    ministry,
  };
  return actor === 'anonymous' ? t.client() : t.as(users[actor]);
}

function outcomeOf(result: GraphQLResult, field: string): Outcome {
  if (result.errors?.length) return result.errors[0].extensions?.code;
  const errors: { code: string }[] = result.data?.[field].userErrors;
  return errors.length ? `userError:${errors[0].code}` : 'ok';
}

const PAYLOAD = '{ userErrors { code } }';
interface MutationCase {
  name: string;
  document: string;
  input: (w: World) => Record<string, unknown>;
  expected: Record<Actor, Outcome>;
}
const allow = (overrides: Partial<Record<Actor, Outcome>>): Record<Actor, Outcome> => ({
  coordinator: 'FORBIDDEN',
  lead: 'FORBIDDEN',
  member: 'FORBIDDEN',
  outsider: 'FORBIDDEN',
  ministry: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
  ...overrides,
});
const managers = allow({ coordinator: 'ok', lead: 'ok' });

const MUTATIONS: MutationCase[] = [
  {
    name: 'createWorkingGroup',
    document: `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) ${PAYLOAD} }`,
    input: () => ({ name: `AG ${Math.random().toString(36).slice(2)}`, topic: 'Test' }),
    expected: allow({ coordinator: 'ok' }),
  },
  {
    name: 'updateWorkingGroup',
    document: `mutation($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ id: w.groupId, goals: 'Neue Ziele' }),
    expected: managers,
  },
  {
    name: 'archiveWorkingGroup',
    document: `mutation($input: WorkingGroupIdInput!) { archiveWorkingGroup(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ workingGroupId: w.groupId }),
    expected: allow({ coordinator: 'ok' }),
  },
  {
    name: 'requestToJoinWorkingGroup',
    document: `mutation($input: RequestToJoinWorkingGroupInput!) { requestToJoinWorkingGroup(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ workingGroupId: w.groupId }),
    expected: allow({ lead: 'userError:ALREADY_MEMBER', member: 'userError:ALREADY_MEMBER', outsider: 'ok' }),
  },
  {
    name: 'leaveWorkingGroup',
    document: `mutation($input: WorkingGroupIdInput!) { leaveWorkingGroup(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ workingGroupId: w.groupId }),
    expected: allow({
      coordinator: 'userError:NOT_A_MEMBER',
      lead: 'ok',
      member: 'ok',
      outsider: 'userError:NOT_A_MEMBER',
      ministry: 'userError:NOT_A_MEMBER',
    }),
  },
  {
    name: 'acceptWorkingGroupRequest',
    document: `mutation($input: WorkingGroupMembershipIdInput!) { acceptWorkingGroupRequest(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ membershipId: w.requestMembershipId }),
    expected: managers,
  },
  {
    name: 'declineWorkingGroupRequest',
    document: `mutation($input: WorkingGroupMembershipIdInput!) { declineWorkingGroupRequest(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ membershipId: w.requestMembershipId }),
    expected: managers,
  },
  {
    name: 'appointWorkingGroupLead',
    document: `mutation($input: WorkingGroupMembershipIdInput!) { appointWorkingGroupLead(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ membershipId: w.member2MembershipId }),
    expected: managers,
  },
  {
    name: 'demoteWorkingGroupLead',
    document: `mutation($input: WorkingGroupMembershipIdInput!) { demoteWorkingGroupLead(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ membershipId: w.coLeadMembershipId }),
    expected: managers,
  },
  {
    name: 'removeWorkingGroupMember',
    document: `mutation($input: WorkingGroupMembershipIdInput!) { removeWorkingGroupMember(input: $input) ${PAYLOAD} }`,
    input: (w) => ({ membershipId: w.member2MembershipId }),
    expected: managers,
  },
];

describe.each(MUTATIONS)('mutation $name', ({ name, document, input, expected }) => {
  it.each(ACTORS)('%s', async (actor) => {
    const world = await buildWorld();
    const client = await clientFor(actor, world);
    const result = await client.gql(document, { input: input(world) });
    expect(outcomeOf(result, name)).toBe(expected[actor]);
  });
});

describe('queries and sensitive fields', () => {
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
  });

  const READ_EXPECTATIONS: Record<
    Actor,
    {
      read: boolean;
      manage: boolean;
      email: boolean;
      viewerCan: Record<
        'requestToJoin' | 'leave' | 'manageMembers' | 'appointLead' | 'archive' | 'edit',
        boolean
      > | null;
    }
  > = {
    coordinator: {
      read: true,
      manage: true,
      email: true,
      viewerCan: {
        requestToJoin: false,
        leave: false,
        manageMembers: true,
        appointLead: true,
        archive: true,
        edit: true,
      },
    },
    lead: {
      read: true,
      manage: true,
      email: true,
      viewerCan: {
        requestToJoin: false,
        leave: true,
        manageMembers: true,
        appointLead: true,
        archive: false,
        edit: true,
      },
    },
    member: {
      read: true,
      manage: false,
      email: true,
      viewerCan: {
        requestToJoin: false,
        leave: true,
        manageMembers: false,
        appointLead: false,
        archive: false,
        edit: false,
      },
    },
    outsider: {
      read: true,
      manage: false,
      email: true,
      viewerCan: {
        requestToJoin: true,
        leave: false,
        manageMembers: false,
        appointLead: false,
        archive: false,
        edit: false,
      },
    },
    ministry: {
      read: true,
      manage: false,
      email: false,
      viewerCan: {
        requestToJoin: false,
        leave: false,
        manageMembers: false,
        appointLead: false,
        archive: false,
        edit: false,
      },
    },
    anonymous: { read: false, manage: false, email: false, viewerCan: null },
  };

  it.each(ACTORS)('workingGroups and workingGroup as %s', async (actor) => {
    const expected = READ_EXPECTATIONS[actor];
    const client = await clientFor(actor, world);
    const list = await client.gql('{ workingGroups(first: 5) { totalCount edges { node { id name } } } }');
    const page = await client.gql(
      `query($id: ID!) { workingGroup(id: $id) {
        name members { user { name email phone municipality { name } } }
        pendingRequests { id } membershipHistory { toStatus }
        viewerCan { requestToJoin leave manageMembers appointLead archive edit }
      } }`,
      { id: world.groupId },
    );
    if (!expected.read) {
      expect(list.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(page.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(list.data?.workingGroups ?? null).toBeNull();
      expect(page.data?.workingGroup ?? null).toBeNull();
      return;
    }
    expect(list.errors).toBeUndefined();
    expect(list.data?.workingGroups.totalCount).toBeGreaterThan(0);
    const group = page.data?.workingGroup;
    expect(page.errors).toBeUndefined();
    expect(group.members).toHaveLength(4);
    // Ministry reads names and municipalities, never contact data.
    for (const member of group.members) {
      expect(member.user.name).toEqual(expect.any(String));
      expect(member.user.municipality.name).toBe('Kaiserslautern');
      if (expected.email) expect(member.user.email).toEqual(expect.stringContaining('@'));
      else expect([member.user.email, member.user.phone]).toEqual([null, null]);
    }
    if (expected.manage) {
      expect(group.pendingRequests).toEqual([{ id: world.requestMembershipId }]);
      expect(group.membershipHistory).toEqual(expect.any(Array));
    } else {
      expect(group.pendingRequests).toBeNull();
      expect(group.membershipHistory).toBeNull();
    }
    expect(group.viewerCan).toEqual(expected.viewerCan);
  });

  it.each(ACTORS)('node lookups as %s', async (actor) => {
    const expected = READ_EXPECTATIONS[actor];
    const client = await clientFor(actor, world);
    const result = await client.gql(
      `query($group: ID!, $request: ID!, $active: ID!) {
        group: node(id: $group) { id ... on WorkingGroup { name } }
        request: node(id: $request) { id ... on WorkingGroupMembership { status requestNote } }
        active: node(id: $active) { id ... on WorkingGroupMembership { status requestNote } }
      }`,
      { group: world.groupId, request: world.requestMembershipId, active: world.activeMembershipId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.group?.id ?? null).toBe(expected.read ? world.groupId : null);
    expect(result.data?.active?.status ?? null).toBe(expected.read ? 'ACTIVE' : null);
    // Open requests (and their notes) are for the leads and coordinators (and the person asking).
    expect(result.data?.request).toEqual(
      expected.manage
        ? { id: world.requestMembershipId, status: 'REQUESTED', requestNote: 'Bitte aufnehmen' }
        : null,
    );
  });
});
