// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import { MembershipStatus, Role } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid } from '../support/factories';
import { buildMembership, freshMunicipality, officerOf } from '../support/network-factories';
import { buildProject } from '../support/project-factories';
import { buildWorkingGroup } from '../support/working-group-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const STEPS = '{ viewerOpenSteps { kind municipality { name } } }';
const kinds = (result: { data?: any }) => result.data?.viewerOpenSteps.map((s: any) => s.kind);

describe('the steps waiting on the start page', () => {
  it('a newly invited officer sees every step, and each disappears once she has taken it', async () => {
    const place = await freshMunicipality(t.dataSource);
    const membership = await buildMembership(t.dataSource, place, MembershipStatus.INVITED);
    const group = await buildWorkingGroup(t.dataSource);
    const officer = await officerOf(t.dataSource, place, { position: null, phone: null });
    const client = await t.as(officer);

    const first = await client.gql(STEPS);
    expect(first.data?.viewerOpenSteps).toEqual([
      { kind: 'ANSWER_NETWORK_INVITATION', municipality: { name: place.name } },
      { kind: 'COMPLETE_PROFILE', municipality: null },
      { kind: 'JOIN_WORKING_GROUP', municipality: null },
      { kind: 'ADD_PROJECT', municipality: { name: place.name } },
    ]);
    // A fixed number of statements, whatever the data: no list is loaded.
    expect(first.statements.length).toBeLessThanOrEqual(8);

    const accepted = await client.gql(
      'mutation($input: ChangeMembershipInput!) { acceptMembership(input: $input) { userErrors { code } } }',
      { input: { membershipId: gid('NetworkMembership', membership.id) } },
    );
    expect(accepted.data?.acceptMembership.userErrors).toEqual([]);
    expect(kinds(await client.gql(STEPS))).toEqual(['COMPLETE_PROFILE', 'JOIN_WORKING_GROUP', 'ADD_PROJECT']);

    // Function alone is not enough: the phone number is what other members call.
    await client.gql(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { userErrors { code } } }',
      {
        input: { position: 'Digitalbeauftragte' },
      },
    );
    expect(kinds(await client.gql(STEPS))).toContain('COMPLETE_PROFILE');
    await client.gql(
      'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { userErrors { code } } }',
      {
        input: { phone: '06321 123' },
      },
    );
    expect(kinds(await client.gql(STEPS))).toEqual(['JOIN_WORKING_GROUP', 'ADD_PROJECT']);

    // A request waiting for the leads is her part done.
    const requested = await client.gql(
      'mutation($input: RequestToJoinWorkingGroupInput!) { requestToJoinWorkingGroup(input: $input) { userErrors { code } } }',
      { input: { workingGroupId: gid('WorkingGroup', group.id) } },
    );
    expect(requested.data?.requestToJoinWorkingGroup.userErrors).toEqual([]);
    expect(kinds(await client.gql(STEPS))).toEqual(['ADD_PROJECT']);

    await buildProject(t.dataSource, { leadMunicipalityId: place.id });
    expect(kinds(await client.gql(STEPS))).toEqual([]);
  });

  it('an invitation is the step of the invited municipality’s officers only; other roles and the public have none', async () => {
    const place = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, place, MembershipStatus.INVITED);
    const other = await freshMunicipality(t.dataSource);
    const elsewhere = await officerOf(t.dataSource, other, {
      position: 'Digitalbeauftragter',
      phone: '0631 1',
    });
    expect(kinds(await (await t.as(elsewhere)).gql(STEPS))).not.toContain('ANSWER_NETWORK_INVITATION');

    // An application waits for the coordinators, not for the officer who sent it.
    const applicant = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, applicant, MembershipStatus.APPLIED);
    const applying = await officerOf(t.dataSource, applicant);
    expect(kinds(await (await t.as(applying)).gql(STEPS))).not.toContain('ANSWER_NETWORK_INVITATION');

    for (const role of [Role.COORDINATOR, Role.MINISTRY]) {
      const viewer = await buildUser(t.dataSource, { role, position: null, phone: null });
      expect(kinds(await (await t.as(viewer)).gql(STEPS))).toEqual([]);
    }
    expect(kinds(await t.client().gql(STEPS))).toEqual([]);
  });
});
