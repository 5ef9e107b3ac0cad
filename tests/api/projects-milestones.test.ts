import { MunicipalityKind, ProjectStatus, Role } from '@hub/shared';
import { AuditEvent } from '../../packages/api/src/modules/audit/audit-event.entity';
import type { Project } from '../../packages/api/src/modules/projects/project.entity';
import { ProjectMilestone } from '../../packages/api/src/modules/projects/project-details.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let project: Project;
let people: Record<'coordinator' | 'leadOfficer' | 'partnerOfficer' | 'otherOfficer' | 'ministry', User>;

beforeAll(async () => {
  t = await startTestApp();
  const kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
  const mainz = (await municipality(t.dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT)).id;
  const trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
  people = {
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR, name: 'Kora Koordination' }),
    leadOfficer: await buildUser(t.dataSource, { municipalityId: kl }),
    partnerOfficer: await buildUser(t.dataSource, { municipalityId: mainz }),
    otherOfficer: await buildUser(t.dataSource, { municipalityId: trier }),
    ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
  };
  project = await buildProject(t.dataSource, {
    leadMunicipalityId: kl,
    partnerIds: [mainz],
    status: ProjectStatus.DRAFT,
  });
  await t.dataSource.getRepository(ProjectMilestone).insert([
    { projectId: project.id, position: 0, title: 'Ausschreibung', dueDate: '2026-03-01', done: false },
    { projectId: project.id, position: 1, title: 'Pilotbetrieb', dueDate: null, done: false },
  ]);
});
afterAll(() => t.close());

const MILESTONES = `query($id: ID!) { project(id: $id) { milestones { id title done } } }`;
const SET_DONE = `mutation($input: SetProjectMilestoneDoneInput!) {
  setProjectMilestoneDone(input: $input) {
    project { id milestones { id title done } }
    userErrors { field code message }
  }
}`;
const UPDATE = `mutation($input: UpdateProjectInput!) {
  updateProject(input: $input) { project { contacts { name } } userErrors { field code message } }
}`;

async function milestoneIds(client: TestClient): Promise<string[]> {
  const result = await client.gql(MILESTONES, { id: gid('Project', project.id) });
  return result.data?.project.milestones.map((m: { id: string }) => m.id);
}

const stored = async () =>
  (
    await t.dataSource
      .getRepository(ProjectMilestone)
      .find({ where: { projectId: project.id }, order: { position: 'ASC' } })
  ).map((m) => [m.title, m.done]);

describe('marking a milestone done on the project page', () => {
  it('the lead officer toggles one milestone; the others stay, and the change is audited', async () => {
    const officer = await t.as(people.leadOfficer);
    const [first] = await milestoneIds(officer);
    const result = await officer.gql(SET_DONE, { input: { milestoneId: first, done: true } });
    expect(result.errors).toBeUndefined();
    expect(result.data?.setProjectMilestoneDone.userErrors).toEqual([]);
    expect(
      result.data?.setProjectMilestoneDone.project.milestones.map((m: { done: boolean }) => m.done),
    ).toEqual([true, false]);
    expect(await stored()).toEqual([
      ['Ausschreibung', true],
      ['Pilotbetrieb', false],
    ]);
    const audit = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'project.milestoneDone', entityId: project.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: people.leadOfficer.id,
      before: { milestone: 'Ausschreibung', done: false },
      after: { milestone: 'Ausschreibung', done: true },
    });

    // Setting the same value again changes nothing and records nothing.
    await officer.gql(SET_DONE, { input: { milestoneId: first, done: true } });
    expect(
      await t.dataSource
        .getRepository(AuditEvent)
        .countBy({ action: 'project.milestoneDone', entityId: project.id }),
    ).toBe(1);
  });

  it('partners and coordinators may toggle, also back to open', async () => {
    for (const actor of ['partnerOfficer', 'coordinator'] as const) {
      const client = await t.as(people[actor]);
      const [, second] = await milestoneIds(client);
      const done = await client.gql(SET_DONE, { input: { milestoneId: second, done: true } });
      expect(done.data?.setProjectMilestoneDone.userErrors).toEqual([]);
      expect((await stored())[1]).toEqual(['Pilotbetrieb', true]);
      const open = await client.gql(SET_DONE, { input: { milestoneId: second, done: false } });
      expect(open.data?.setProjectMilestoneDone.userErrors).toEqual([]);
      expect((await stored())[1]).toEqual(['Pilotbetrieb', false]);
    }
  });

  it('others may not: the ministry and a non-participating officer are refused, nothing changes', async () => {
    const [, second] = await milestoneIds(await t.as(people.coordinator));
    const ministry = await (await t.as(people.ministry)).gql(SET_DONE, {
      input: { milestoneId: second, done: true },
    });
    // The draft is not even visible to the ministry or an officer of another municipality.
    expect(ministry.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const other = await (await t.as(people.otherOfficer)).gql(SET_DONE, {
      input: { milestoneId: second, done: true },
    });
    expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const anonymous = await t.client().gql(SET_DONE, { input: { milestoneId: second, done: true } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await stored())[1]).toEqual(['Pilotbetrieb', false]);
  });

  it('an unknown or malformed milestone ID is a user error', async () => {
    const officer = await t.as(people.leadOfficer);
    for (const milestoneId of [gid('ProjectMilestone', '00000000-0000-4000-8000-000000000000'), 'nonsense']) {
      const result = await officer.gql(SET_DONE, { input: { milestoneId, done: true } });
      expect(result.data?.setProjectMilestoneDone.userErrors).toEqual([
        expect.objectContaining({ code: 'NOT_FOUND', field: 'milestoneId' }),
      ]);
    }
  });

  it('a milestone is a node, readable like its project', async () => {
    const [first] = await milestoneIds(await t.as(people.leadOfficer));
    const query = `query($id: ID!) { node(id: $id) { ... on ProjectMilestone { title done } } }`;
    const lead = await (await t.as(people.leadOfficer)).gql(query, { id: first });
    expect(lead.data?.node).toEqual({ title: 'Ausschreibung', done: true });
    const other = await (await t.as(people.otherOfficer)).gql(query, { id: first });
    expect(other.data?.node).toBeNull();
  });
});

describe('contacts', () => {
  it('a coordinator who is not a contact yet can be added by an officer', async () => {
    const officer = await t.as(people.leadOfficer);
    const result = await officer.gql(UPDATE, {
      input: {
        id: gid('Project', project.id),
        contactIds: [gid('User', people.leadOfficer.id), gid('User', people.coordinator.id)],
      },
    });
    expect(result.data?.updateProject.userErrors).toEqual([]);
    expect(result.data?.updateProject.project.contacts.map((c: { name: string }) => c.name)).toContain(
      'Kora Koordination',
    );
  });

  it('officers see the coordinators to choose from in the people directory', async () => {
    const officer = await t.as(people.leadOfficer);
    const result = await officer.gql(
      `{ people(first: 100, filter: { roles: [COORDINATOR] }) { edges { node { id name } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.people.edges.map((e: { node: { name: string } }) => e.node.name)).toContain(
      'Kora Koordination',
    );
  });
});
