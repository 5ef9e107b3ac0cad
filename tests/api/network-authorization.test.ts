// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
/**
 * The authorization matrix of the member network: every query, mutation and sensitive field of
 * the municipalities, network and people modules × every kind of viewer, with the expected
 * allow or deny asserted — and the `viewerCan…` fields agreeing with what the API then allows.
 */
import { MembershipStatus, UserStatus } from '@hub/shared';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import type { NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { GraphQLResult, TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import type { Actors, MatrixRole } from '../support/authorization';
import { buildActors, expectRoleMatrix, MATRIX_ROLES } from '../support/authorization';
import { gid } from '../support/factories';
import { buildMembership, freshMunicipality, officerOf } from '../support/network-factories';

type Verdict = 'allow' | 'deny';

/** The world one check runs in: a municipality of its own, its officer (the viewer) and a colleague. */
interface World {
  municipality: Municipality;
  membership: NetworkMembership | null;
  officerHere: User;
  colleague: User;
}

interface Case {
  name: string;
  status?: MembershipStatus;
  colleague?: Partial<User>;
  query: string;
  variables: (w: World, viewer: User | null) => Record<string, unknown>;
  /** Reads the verdict off the answer; by default errors FORBIDDEN/UNAUTHENTICATED or userErrors mean deny. */
  verdict?: (r: GraphQLResult) => Verdict;
  expected: Record<MatrixRole, Verdict>;
  /** A query whose boolean answer is the viewer's `viewerCan…` for the same thing. */
  viewerCan?: {
    query: string;
    variables: (w: World) => Record<string, unknown>;
    read: (data: any) => boolean;
  };
}

const only = (...allowed: MatrixRole[]) =>
  Object.fromEntries(MATRIX_ROLES.map((role) => [role, allowed.includes(role) ? 'allow' : 'deny'])) as Record<
    MatrixRole,
    Verdict
  >;
const everyone = only(...MATRIX_ROLES);
const signedIn = only('coordinator', 'ownOfficer', 'otherOfficer', 'ministry');
const members = only('coordinator', 'ownOfficer', 'otherOfficer');

const denied = (r: GraphQLResult) =>
  (r.errors ?? []).some((e) => ['FORBIDDEN', 'UNAUTHENTICATED'].includes(e.extensions?.code));
function defaultVerdict(r: GraphQLResult): Verdict {
  if (denied(r)) return 'deny';
  if (r.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  const payload = Object.values(r.data ?? {})[0] as { userErrors?: unknown[] } | null;
  if (payload?.userErrors?.length)
    throw new Error(`unexpected userErrors: ${JSON.stringify(payload.userErrors)}`);
  return 'allow';
}
const nonEmpty =
  (read: (data: any) => unknown) =>
  (r: GraphQLResult): Verdict => {
    if (denied(r)) return 'deny';
    const value = read(r.data);
    return value === null || value === undefined || (Array.isArray(value) && value.length === 0)
      ? 'deny'
      : 'allow';
  };

const municipalityId = (w: World) => ({ id: gid('Municipality', w.municipality.id) });
const membershipInput = (w: World) => ({
  input: { membershipId: gid('NetworkMembership', w.membership?.id ?? '') },
});
const colleagueId = (w: World) => ({ id: gid('User', w.colleague.id) });
const MEMBERSHIP_CAN = (field: string) => ({
  query: `query($id: ID!) { municipality(id: $id) { membership { viewerCan { ${field} } } } }`,
  variables: municipalityId,
  read: (d: any) => d.municipality.membership?.viewerCan[field] ?? false,
});
const PERSON_CAN = (field: string) => ({
  query: `query($id: ID!) { node(id: $id) { ... on User { viewerCan { ${field} } } } }`,
  variables: colleagueId,
  read: (d: any) => d.node?.viewerCan[field] ?? false,
});
const membershipMutation = (name: string) =>
  `mutation($input: ChangeMembershipInput!) { ${name}(input: $input) { membership { status } userErrors { code } } }`;
const personMutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { user { id } userErrors { code } } }`;

const CASES: Case[] = [
  // Queries
  {
    name: 'query municipalities (directory)',
    query: '{ municipalities(first: 5, filter: { search: "mainz" }) { totalCount } }',
    variables: () => ({}),
    expected: everyone,
  },
  {
    name: 'query municipality (page)',
    query: 'query($id: ID!) { municipality(id: $id) { name } }',
    variables: municipalityId,
    expected: everyone,
  },
  {
    name: 'query networkStatistics',
    query: '{ networkStatistics { memberCount } }',
    variables: () => ({}),
    expected: everyone,
  },
  {
    name: 'query networkMemberships',
    query: '{ networkMemberships(first: 1) { totalCount } }',
    variables: () => ({}),
    expected: signedIn,
  },
  {
    name: 'query people',
    query: '{ people(first: 1) { totalCount } }',
    variables: () => ({}),
    expected: members,
  },
  {
    name: 'query networkMembersCsv',
    query: '{ networkMembersCsv }',
    variables: () => ({}),
    expected: only('coordinator'),
  },
  {
    name: 'query networkMembersXlsx',
    query: '{ networkMembersXlsx }',
    variables: () => ({}),
    expected: only('coordinator'),
  },
  {
    name: 'query node(User)',
    query: 'query($id: ID!) { node(id: $id) { id } }',
    variables: colleagueId,
    verdict: nonEmpty((d) => d?.node),
    expected: signedIn,
  },
  {
    name: 'query node(NetworkMembership) (pending invitation)',
    status: MembershipStatus.INVITED,
    query: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (w) => ({ id: gid('NetworkMembership', w.membership?.id ?? '') }),
    verdict: nonEmpty((d) => d?.node),
    expected: signedIn,
  },
  {
    name: 'query node(NetworkMembership) (active)',
    status: MembershipStatus.ACTIVE,
    query: 'query($id: ID!) { node(id: $id) { id } }',
    variables: (w) => ({ id: gid('NetworkMembership', w.membership?.id ?? '') }),
    verdict: nonEmpty((d) => d?.node),
    expected: everyone,
  },
  // Sensitive fields
  {
    name: 'field User.email',
    query: 'query($id: ID!) { node(id: $id) { ... on User { email } } }',
    variables: colleagueId,
    verdict: nonEmpty((d) => d?.node?.email),
    expected: members,
  },
  {
    name: 'field User.phone',
    colleague: { phone: '0631 1' },
    query: 'query($id: ID!) { node(id: $id) { ... on User { phone } } }',
    variables: colleagueId,
    verdict: nonEmpty((d) => d?.node?.phone),
    expected: members,
  },
  {
    name: 'field User.position (names and positions)',
    colleague: { position: 'Digitalbeauftragte' },
    query: 'query($id: ID!) { node(id: $id) { ... on User { name position } } }',
    variables: colleagueId,
    verdict: nonEmpty((d) => d?.node?.position),
    expected: signedIn,
  },
  {
    name: 'field User.status (account)',
    query: 'query($id: ID!) { node(id: $id) { ... on User { status } } }',
    variables: colleagueId,
    verdict: nonEmpty((d) => d?.node?.status),
    expected: only('coordinator'),
  },
  {
    name: 'field Municipality.officers',
    query: 'query($id: ID!) { municipality(id: $id) { officers { name } } }',
    variables: municipalityId,
    verdict: nonEmpty((d) => d?.municipality.officers),
    expected: signedIn,
  },
  {
    name: 'field Municipality.membership (pending invitation)',
    status: MembershipStatus.INVITED,
    query: 'query($id: ID!) { municipality(id: $id) { membership { status } } }',
    variables: municipalityId,
    verdict: nonEmpty((d) => d?.municipality.membership),
    expected: signedIn,
  },
  {
    name: 'field NetworkMembership.history',
    status: MembershipStatus.ACTIVE,
    query: 'query($id: ID!) { municipality(id: $id) { membership { history { toStatus actor { name } } } } }',
    variables: municipalityId,
    verdict: nonEmpty((d) => d?.municipality.membership.history),
    expected: signedIn,
  },
  // Membership mutations
  {
    name: 'mutation inviteMunicipality',
    query: `mutation($input: StartMembershipInput!) { inviteMunicipality(input: $input) { membership { status } userErrors { code } } }`,
    variables: (w) => ({ input: { municipalityId: gid('Municipality', w.municipality.id) } }),
    expected: only('coordinator'),
    viewerCan: {
      query: 'query($id: ID!) { municipality(id: $id) { viewerCan { inviteToNetwork } } }',
      variables: municipalityId,
      read: (d) => d.municipality.viewerCan.inviteToNetwork,
    },
  },
  {
    name: 'mutation applyForMembership',
    query: `mutation($input: StartMembershipInput!) { applyForMembership(input: $input) { membership { status } userErrors { code } } }`,
    variables: (w) => ({ input: { municipalityId: gid('Municipality', w.municipality.id) } }),
    expected: only('ownOfficer'),
    viewerCan: {
      query: 'query($id: ID!) { municipality(id: $id) { viewerCan { applyForMembership } } }',
      variables: municipalityId,
      read: (d) => d.municipality.viewerCan.applyForMembership,
    },
  },
  {
    name: 'mutation acceptMembership (invitation)',
    status: MembershipStatus.INVITED,
    query: membershipMutation('acceptMembership'),
    variables: membershipInput,
    expected: only('ownOfficer'),
    viewerCan: MEMBERSHIP_CAN('accept'),
  },
  {
    name: 'mutation acceptMembership (application)',
    status: MembershipStatus.APPLIED,
    query: membershipMutation('acceptMembership'),
    variables: membershipInput,
    expected: only('coordinator'),
    viewerCan: MEMBERSHIP_CAN('accept'),
  },
  {
    name: 'mutation declineMembership (invitation)',
    status: MembershipStatus.INVITED,
    query: membershipMutation('declineMembership'),
    variables: membershipInput,
    expected: only('coordinator', 'ownOfficer'),
    viewerCan: MEMBERSHIP_CAN('decline'),
  },
  {
    name: 'mutation declineMembership (application)',
    status: MembershipStatus.APPLIED,
    query: membershipMutation('declineMembership'),
    variables: membershipInput,
    expected: only('coordinator'),
    viewerCan: MEMBERSHIP_CAN('decline'),
  },
  {
    name: 'mutation suspendMembership',
    status: MembershipStatus.ACTIVE,
    query: membershipMutation('suspendMembership'),
    variables: membershipInput,
    expected: only('coordinator'),
    viewerCan: MEMBERSHIP_CAN('suspend'),
  },
  {
    name: 'mutation reactivateMembership',
    status: MembershipStatus.SUSPENDED,
    query: membershipMutation('reactivateMembership'),
    variables: membershipInput,
    expected: only('coordinator'),
    viewerCan: MEMBERSHIP_CAN('reactivate'),
  },
  {
    name: 'mutation endMembership',
    status: MembershipStatus.ACTIVE,
    query: membershipMutation('endMembership'),
    variables: membershipInput,
    expected: only('coordinator'),
    viewerCan: MEMBERSHIP_CAN('end'),
  },
  // People mutations
  {
    name: "mutation updateProfile (someone else's)",
    query: personMutation('updateProfile', 'UpdateProfileInput'),
    variables: (w) => ({ input: { userId: gid('User', w.colleague.id), position: 'Neu' } }),
    expected: only('coordinator'),
    viewerCan: PERSON_CAN('updateProfile'),
  },
  {
    name: 'mutation updateProfile (own)',
    query: personMutation('updateProfile', 'UpdateProfileInput'),
    variables: () => ({ input: { position: 'Neu' } }),
    expected: signedIn,
  },
  {
    name: 'mutation deactivateUser',
    query: personMutation('deactivateUser', 'PersonInput'),
    variables: (w) => ({ input: { userId: gid('User', w.colleague.id) } }),
    expected: only('coordinator'),
    viewerCan: PERSON_CAN('manage'),
  },
  {
    name: 'mutation reactivateUser',
    colleague: { status: UserStatus.DEACTIVATED },
    query: personMutation('reactivateUser', 'PersonInput'),
    variables: (w) => ({ input: { userId: gid('User', w.colleague.id) } }),
    expected: only('coordinator'),
  },
  {
    name: 'mutation changeUserRole',
    query: personMutation('changeUserRole', 'ChangeRoleInput'),
    variables: (w) => ({ input: { userId: gid('User', w.colleague.id), role: 'MINISTRY' } }),
    expected: only('coordinator'),
    viewerCan: PERSON_CAN('manage'),
  },
  {
    name: 'mutation resendInvitation',
    colleague: { status: UserStatus.INVITED },
    query: personMutation('resendInvitation', 'ResendInvitationInput'),
    variables: (w) => ({ input: { userId: gid('User', w.colleague.id) } }),
    expected: only('coordinator'),
    viewerCan: PERSON_CAN('resendInvitation'),
  },
  {
    name: 'mutation importOfficers (dry run)',
    query: `mutation($input: ImportOfficersInput!) { importOfficers(input: $input) { valid userErrors { code } } }`,
    variables: () => ({
      input: { csv: 'name;email;municipality\nA;import-check@example.org;Mainz', dryRun: true },
    }),
    expected: only('coordinator'),
  },
];

let t: TestApp;
let actors: Actors;
beforeAll(async () => {
  t = await startTestApp();
  actors = await buildActors(t.dataSource);
});
afterAll(() => t.close());

async function worldFor(c: Case): Promise<World> {
  const municipality = await freshMunicipality(t.dataSource);
  const membership = c.status ? await buildMembership(t.dataSource, municipality, c.status) : null;
  const officerHere = await officerOf(t.dataSource, municipality);
  const colleague = await officerOf(t.dataSource, municipality, c.colleague ?? {});
  return { municipality, membership, officerHere, colleague };
}

/** What a role gets in a cell: the verdict, and what its `viewerCan…` said beforehand. */
interface Cell {
  viewerCan?: boolean;
  verdict: Verdict;
}

describe.each(CASES)('$name', (c) => {
  it('answers every role as the matrix says; viewerCan agrees', async () => {
    const expected = Object.fromEntries(
      MATRIX_ROLES.map((role): [MatrixRole, Cell] => [
        role,
        c.viewerCan
          ? { viewerCan: c.expected[role] === 'allow', verdict: c.expected[role] }
          : { verdict: c.expected[role] },
      ]),
    ) as Record<MatrixRole, Cell>;
    await expectRoleMatrix(async (role): Promise<Cell> => {
      // A world per cell, so that one role's mutation cannot change another's answer; the own
      // officer is the officer of its municipality.
      const world = await worldFor(c);
      const viewer = role === 'ownOfficer' ? world.officerHere : actors[role];
      const client = viewer ? await t.as(viewer) : t.client();
      const cell = {} as Cell;
      if (c.viewerCan) {
        const can = await client.gql(c.viewerCan.query, c.viewerCan.variables(world));
        cell.viewerCan = can.data ? c.viewerCan.read(can.data) : false;
      }
      cell.verdict = (c.verdict ?? defaultVerdict)(await client.gql(c.query, c.variables(world, viewer)));
      return cell;
    }, expected);
  });
});
