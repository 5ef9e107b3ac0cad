import { MembershipStatus, MunicipalityKind, Role } from '@hub/shared';
import type { GraphQLResult, TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildWorkingGroup } from '../support/meeting-factories';
import { buildMembership, freshMunicipality } from '../support/network-factories';
import { buildProject } from '../support/project-factories';

/**
 * One transaction per mutation, and every input checked before the first write: a mutation that
 * fails on the last part of its input writes nothing at all, not even a row it takes back again.
 * One late-failing case per module; `fuzz.test.ts` throws many more inputs at every mutation.
 */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const ERRORS = 'userErrors { field code }';

/** The writes a request sent to PostgreSQL, apart from the write limit's counter. */
const writesOf = (result: GraphQLResult) =>
  result.statements.filter(
    (sql) => /^\s*(INSERT|UPDATE|DELETE)\b/i.test(sql) && !/rate_limit_bucket/.test(sql),
  );

/** Runs the mutation and expects it to be refused with `code` on `field`, without a single write. */
async function expectRefusedUnwritten(
  result: GraphQLResult,
  payload: string,
  expected: { code: string; field: string | null },
): Promise<void> {
  expect(result.errors).toBeUndefined();
  expect(result.data?.[payload].userErrors).toEqual([expected]);
  expect(writesOf(result)).toEqual([]);
}

describe('a mutation that fails late writes nothing', () => {
  it('projects: an ineligible contact after costs, partners and milestones', async () => {
    const kl = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
    const officer = await buildUser(t.dataSource, { municipalityId: kl.id });
    const stranger = await buildUser(t.dataSource, {
      municipalityId: (await freshMunicipality(t.dataSource)).id,
    });
    const project = await buildProject(t.dataSource, { leadMunicipalityId: kl.id });
    const result = await (await t.as(officer)).gql(
      `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id } ${ERRORS} } }`,
      {
        input: {
          id: gid('Project', project.id),
          title: 'Neuer Titel',
          costs: [{ label: 'Lizenz', costType: 'LICENCE', recurrence: 'ONE_OFF', amountCents: 100_00 }],
          partnerMunicipalityIds: [gid('Municipality', (await freshMunicipality(t.dataSource)).id)],
          milestones: [{ title: 'Start', dueDate: '2026-05-01' }],
          contactIds: [gid('User', stranger.id)],
        },
      },
    );
    await expectRefusedUnwritten(result, 'updateProject', {
      code: 'CONTACT_NOT_PARTICIPANT',
      field: 'contactIds',
    });
  });

  it('projects: a milestone date that is no date, on a new project', async () => {
    const kl = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
    const officer = await buildUser(t.dataSource, { municipalityId: kl.id });
    const result = await (await t.as(officer)).gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } ${ERRORS} } }`,
      {
        input: {
          title: 'Digitale Bauakte',
          category: 'ADMINISTRATION',
          costs: [{ label: 'Lizenz', costType: 'LICENCE', recurrence: 'ONE_OFF', amountCents: 100_00 }],
          milestones: [{ title: 'Start', dueDate: '2026-02-31' }],
        },
      },
    );
    await expectRefusedUnwritten(result, 'createProject', {
      code: expect.any(String) as unknown as string,
      field: 'milestones.0.dueDate',
    });
  });

  it('meetings: an agenda item presented by nobody known', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const startsAt = new Date(Date.now() + 7 * 86400_000);
    const result = await (await t.as(coordinator)).gql(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } ${ERRORS} } }`,
      {
        input: {
          kind: 'NETWORK',
          title: 'Netzwerktreffen',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
          agenda: [
            { title: 'Begrüßung' },
            { title: 'Bericht', presenterId: gid('User', '00000000-0000-4000-8000-000000000000') },
          ],
        },
      },
    );
    expect(result.data?.createMeeting.userErrors).not.toEqual([]);
    expect(writesOf(result)).toEqual([]);
  });

  it('working groups: a lead who does not exist', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const lead = await buildUser(t.dataSource);
    const result = await (await t.as(coordinator)).gql(
      `mutation($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { workingGroup { id } ${ERRORS} } }`,
      {
        input: {
          name: 'AG Atomar',
          topic: 'Transaktionen',
          leadIds: [gid('User', lead.id), gid('User', '00000000-0000-4000-8000-000000000000')],
        },
      },
    );
    expect(result.data?.createWorkingGroup.userErrors).not.toEqual([]);
    expect(writesOf(result)).toEqual([]);
  });

  it('network: inviting a municipality that is a member already', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const member = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, member, MembershipStatus.ACTIVE);
    const result = await (await t.as(coordinator)).gql(
      `mutation($input: StartMembershipInput!) { inviteMunicipality(input: $input) { membership { id } ${ERRORS} } }`,
      { input: { municipalityId: gid('Municipality', member.id), note: 'Willkommen' } },
    );
    expect(result.data?.inviteMunicipality.userErrors).not.toEqual([]);
    expect(writesOf(result)).toEqual([]);
  });

  it('people: an officer without a municipality', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const person = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const result = await (await t.as(coordinator)).gql(
      `mutation($input: ChangeRoleInput!) { changeUserRole(input: $input) { user { id } ${ERRORS} } }`,
      { input: { userId: gid('User', person.id), role: 'OFFICER' } },
    );
    expect(result.data?.changeUserRole.userErrors).not.toEqual([]);
    expect(writesOf(result)).toEqual([]);
  });

  it('reports: a period that does not exist', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const result = await (await t.as(coordinator)).gql(
      `mutation($input: CreateProgressReportInput!) { createProgressReport(input: $input) { report { id } ${ERRORS} } }`,
      { input: { period: { kind: 'QUARTER', year: 2026, index: 5 }, title: 'Bericht' } },
    );
    expect(result.data?.createProgressReport.userErrors).not.toEqual([]);
    expect(writesOf(result)).toEqual([]);
  });

  it('discussions: a thread without a text on a group', async () => {
    const member = await buildUser(t.dataSource);
    const group = await buildWorkingGroup(t.dataSource, { members: [member] });
    const result = await (await t.as(member)).gql(
      `mutation($input: StartThreadInput!) { startThread(input: $input) { thread { id } ${ERRORS} } }`,
      { input: { subjectId: gid('WorkingGroup', group.id), title: 'Frage', body: '   ' } },
    );
    expect(result.data?.startThread.userErrors).not.toEqual([]);
    expect(writesOf(result)).toEqual([]);
  });
});
