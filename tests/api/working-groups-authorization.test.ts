// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { WorkingGroupMembership } from '../../packages/api/src/modules/working-groups/working-group.entity';
import type { GraphQLResult, TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import type { Actors } from '../support/authorization';
import { buildActors, expectRoleMatrix } from '../support/authorization';
import { buildUser, gid } from '../support/factories';
import { buildWorkingGroup } from '../support/working-group-factories';

/**
 * The authorization matrix of working groups: every query, mutation and sensitive field against
 * every actor, each mutation on a fresh group so that the cells do not influence each other.
 */

/** The matrix roles without the own officer; a group's lead and member instead (built per world). */
type Actor = 'coordinator' | 'lead' | 'member' | 'outsider' | 'ministry' | 'public';

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
let actors: Actors;
beforeAll(async () => {
  t = await startTestApp();
  actors = await buildActors(t.dataSource);
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

/** The client of a role; the outsider is an officer of another municipality, in no group. */
async function clientFor(actor: Actor, world: World): Promise<TestClient> {
  const users: Record<Actor, User | null> = {
    coordinator: actors.coordinator,
    lead: world.lead,
    member: world.member,
    outsider: actors.otherOfficer,
    ministry: actors.ministry,
    public: null,
  };
  const user = users[actor];
  return user ? t.as(user) : t.client();
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
  public: 'UNAUTHENTICATED',
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
  it('answers every role as the matrix says', async () => {
    await expectRoleMatrix(async (actor: Actor) => {
      // A fresh group per cell, so that one role's change cannot decide another's answer.
      const world = await buildWorld();
      const client = await clientFor(actor, world);
      return outcomeOf(await client.gql(document, { input: input(world) }), name);
    }, expected);
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
    public: { read: false, manage: false, email: false, viewerCan: null },
  };

  /** What each role is expected to see, in the shape `groupPageAs` reports it. */
  const row = <T>(value: (expected: (typeof READ_EXPECTATIONS)[Actor]) => T) =>
    Object.fromEntries(
      Object.entries(READ_EXPECTATIONS).map(([actor, expected]) => [actor, value(expected)]),
    ) as Record<Actor, T>;
  const unauthenticated = { error: 'UNAUTHENTICATED', data: null };

  /** The list and the group's page as a role sees them: errors, members' data, requests, viewerCan. */
  async function groupPageAs(actor: Actor) {
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
    if (list.errors || page.errors)
      return {
        list: { error: list.errors?.[0].extensions?.code, data: list.data?.workingGroups ?? null },
        page: { error: page.errors?.[0].extensions?.code, data: page.data?.workingGroup ?? null },
      };
    const group = page.data?.workingGroup;
    return {
      list: { listsGroups: list.data?.workingGroups.totalCount > 0 },
      page: {
        // Ministry reads names and municipalities, never contact data.
        members: group.members.map((member: any) => ({
          named: typeof member.user.name === 'string',
          municipality: member.user.municipality.name,
          contact: member.user.email?.includes('@') ? 'email' : [member.user.email, member.user.phone],
        })),
        pendingRequests: group.pendingRequests,
        membershipHistory: Array.isArray(group.membershipHistory) ? 'listed' : group.membershipHistory,
        viewerCan: group.viewerCan,
      },
    };
  }

  it('workingGroups and workingGroup: each role reads what the matrix says', async () => {
    await expectRoleMatrix(
      groupPageAs,
      row((expected) =>
        expected.read
          ? {
              list: { listsGroups: true },
              page: {
                members: Array(4).fill({
                  named: true,
                  municipality: 'Kaiserslautern',
                  contact: expected.email ? 'email' : [null, null],
                }),
                pendingRequests: expected.manage ? [{ id: world.requestMembershipId }] : null,
                membershipHistory: expected.manage ? 'listed' : null,
                viewerCan: expected.viewerCan,
              },
            }
          : { list: unauthenticated, page: unauthenticated },
      ),
    );
  });

  it('node lookups: each role finds what the matrix says', async () => {
    await expectRoleMatrix(
      async (actor: Actor) => {
        const client = await clientFor(actor, world);
        const result = await client.gql(
          `query($group: ID!, $request: ID!, $active: ID!) {
            group: node(id: $group) { id ... on WorkingGroup { name } }
            request: node(id: $request) { id ... on WorkingGroupMembership { status requestNote } }
            active: node(id: $active) { id ... on WorkingGroupMembership { status requestNote } }
          }`,
          { group: world.groupId, request: world.requestMembershipId, active: world.activeMembershipId },
        );
        return {
          errors: result.errors ?? null,
          group: result.data?.group?.id ?? null,
          active: result.data?.active?.status ?? null,
          request: result.data?.request ?? null,
        };
      },
      row((expected) => ({
        errors: null,
        group: expected.read ? world.groupId : null,
        active: expected.read ? 'ACTIVE' : null,
        // Open requests (and their notes) are for the leads and coordinators (and the person asking).
        request: expected.manage
          ? { id: world.requestMembershipId, status: 'REQUESTED', requestNote: 'Bitte aufnehmen' }
          : null,
      })),
    );
  });
});
