import { MeetingKind, ProjectStatus } from '@hub/shared';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { gid, municipality } from '../support/factories';
import { buildMeeting, buildMeetingCast, invite } from '../support/meeting-factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const dueIn = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);

const ADD_ITEM = `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } userErrors { code } } }`;
const ADD_OUTCOME = `mutation($input: AddOutcomeInput!) { addOutcome(input: $input) { outcome { id } userErrors { field code } } }`;
const UPDATE = `mutation($input: UpdateActionItemInput!) { updateActionItem(input: $input) { outcome { status } userErrors { code } } }`;
const step = (name: string) =>
  `mutation($input: MeetingRefInput!) { ${name}(input: $input) { minutes { status revision } userErrors { code } } }`;
const REVISIONS = `query($id: ID!) { meeting(id: $id) {
  outcomes { id title status }
  minutesRevisions { revision outcomes { outcomeId agendaItemTitle kind title status dueDate ownerUser { name } projects { title } } }
} }`;

async function ok(client: TestClient, query: string, input: Record<string, unknown>) {
  const result = await client.gql(query, { input });
  expect(result.errors).toBeUndefined();
  const payload = Object.values(result.data ?? {})[0] as { userErrors: unknown[] };
  expect(payload.userErrors).toEqual([]);
  return payload as Record<string, { id: string }> & { userErrors: unknown[] };
}

describe('published minutes freeze their outcomes', () => {
  it('keeps a revision’s outcomes when action items move on or a correction removes one', async () => {
    const { lead, secondLead, member, group, coordinator } = await buildMeetingCast(t.dataSource);
    const kl = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: kl.id,
      title: 'Smarte Lichtmasten',
    });
    const meeting = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
      startsAt: new Date(Date.now() - 3 * 3600_000),
    });
    await invite(t.dataSource, meeting, [member]);
    const meetingId = gid('Meeting', meeting.id);
    const leadClient = await t.as(lead);
    const item = await ok(leadClient, ADD_ITEM, { meetingId, title: 'Laternen' });
    const action = await ok(leadClient, ADD_OUTCOME, {
      agendaItemId: item.agendaItem.id,
      kind: 'ACTION_ITEM',
      title: 'Angebot einholen',
      ownerUserId: gid('User', member.id),
      dueDate: dueIn(14),
      projectIds: [gid('Project', project.id)],
    });
    const decision = await ok(leadClient, ADD_OUTCOME, {
      agendaItemId: item.agendaItem.id,
      kind: 'DECISION',
      title: 'Pilot in zwei Kommunen',
    });
    await ok(
      leadClient,
      `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { minutes { id } userErrors { code } } }`,
      { meetingId, body: 'Protokoll' },
    );
    await ok(leadClient, step('submitMinutes'), { meetingId });
    await ok(await t.as(secondLead), step('approveMinutes'), { meetingId });
    await ok(await t.as(coordinator), step('publishMinutes'), { meetingId });

    const frozen = [
      {
        outcomeId: action.outcome.id,
        agendaItemTitle: 'Laternen',
        kind: 'ACTION_ITEM',
        title: 'Angebot einholen',
        status: 'OPEN',
        dueDate: dueIn(14),
        ownerUser: { name: member.name },
        projects: [{ title: 'Smarte Lichtmasten' }],
      },
      {
        outcomeId: decision.outcome.id,
        agendaItemTitle: 'Laternen',
        kind: 'DECISION',
        title: 'Pilot in zwei Kommunen',
        status: null,
        dueDate: null,
        ownerUser: null,
        projects: [],
      },
    ];
    const memberClient = await t.as(member);
    const first = await memberClient.gql(REVISIONS, { id: meetingId });
    expect(first.data?.meeting.minutesRevisions).toEqual([{ revision: 1, outcomes: frozen }]);

    // The owner finishes the action item: the live row changes, the published revision does not.
    await ok(memberClient, UPDATE, { actionItemId: action.outcome.id, status: 'DONE' });
    // A correction removes the decision and publishes revision 2.
    await ok(leadClient, step('startMinutesCorrection'), { meetingId });
    await ok(
      leadClient,
      `mutation($input: OutcomeRefInput!) { removeOutcome(input: $input) { meeting { id } userErrors { code } } }`,
      { outcomeId: decision.outcome.id },
    );
    await ok(leadClient, step('submitMinutes'), { meetingId });
    await ok(await t.as(secondLead), step('approveMinutes'), { meetingId });
    await ok(await t.as(coordinator), step('publishMinutes'), { meetingId });

    const later = await memberClient.gql(REVISIONS, { id: meetingId });
    expect(later.data?.meeting.outcomes).toEqual([
      { id: action.outcome.id, title: 'Angebot einholen', status: 'DONE' },
    ]);
    expect(later.data?.meeting.minutesRevisions).toEqual([
      { revision: 1, outcomes: frozen },
      { revision: 2, outcomes: [{ ...frozen[0], status: 'DONE' }] },
    ]);
  });
});

describe('linked projects as objects', () => {
  it('shows linked projects the viewer may read, hiding drafts from outsiders', async () => {
    const { coordinator, member, outsider } = await buildMeetingCast(t.dataSource);
    const kl = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    const published = await buildProject(t.dataSource, { leadMunicipalityId: kl.id, title: 'Parken-App' });
    const mainz = await municipality(t.dataSource, 'Mainz', 'KREISFREIE_STADT' as never);
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: mainz.id,
      title: 'Geheimer Entwurf',
      status: ProjectStatus.DRAFT,
    });
    const meeting = await buildMeeting(t.dataSource, {
      organizerId: coordinator.id,
      startsAt: new Date(Date.now() - 3 * 3600_000),
    });
    await invite(t.dataSource, meeting, [member, outsider]);
    const meetingId = gid('Meeting', meeting.id);
    const client = await t.as(coordinator);
    const item = await ok(client, ADD_ITEM, {
      meetingId,
      title: 'Parken',
      projectId: gid('Project', published.id),
    });
    await ok(client, ADD_OUTCOME, {
      agendaItemId: item.agendaItem.id,
      kind: 'ACTION_ITEM',
      title: 'Pilot planen',
      ownerUserId: gid('User', member.id),
      dueDate: dueIn(10),
      projectIds: [gid('Project', published.id), gid('Project', draft.id)],
    });
    const QUERY = `query($id: ID!) { meeting(id: $id) { agendaItems { project { id title } } outcomes { projects { title } } } }`;
    const seen = await client.gql(QUERY, { id: meetingId });
    expect(seen.data?.meeting).toEqual({
      agendaItems: [{ project: { id: gid('Project', published.id), title: 'Parken-App' } }],
      outcomes: [{ projects: [{ title: 'Parken-App' }, { title: 'Geheimer Entwurf' }] }],
    });
    // Outcomes become visible to invitees once published; drafts of other municipalities stay hidden.
    await t.dataSource.query(
      `INSERT INTO meeting_minutes (meeting_id, status, published_at) VALUES ($1, 'PUBLISHED', now())`,
      [meeting.id],
    );
    const outsiderView = await (await t.as(outsider)).gql(QUERY, { id: meetingId });
    expect(outsiderView.data?.meeting).toEqual({
      agendaItems: [{ project: { id: gid('Project', published.id), title: 'Parken-App' } }],
      outcomes: [{ projects: [{ title: 'Parken-App' }] }],
    });
  });
});

describe('fixed statement count with linked projects and revision outcomes', () => {
  async function meetingOfSize(size: number) {
    const { coordinator, lead, secondLead, member, group } = await buildMeetingCast(t.dataSource);
    const mainz = await municipality(t.dataSource, 'Mainz', 'KREISFREIE_STADT' as never);
    const projects = await Promise.all(
      Array.from({ length: size }, (_, i) =>
        buildProject(t.dataSource, {
          leadMunicipalityId: mainz.id,
          title: `Projekt ${size}-${i}`,
          status: i % 2 ? ProjectStatus.DRAFT : ProjectStatus.PUBLISHED,
        }),
      ),
    );
    const meeting = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
      startsAt: new Date(Date.now() - 3600_000),
    });
    await invite(t.dataSource, meeting, [member]);
    const meetingId = gid('Meeting', meeting.id);
    const leadClient = await t.as(lead);
    // Linking projects needs to read them: the coordinator reads the drafts too.
    const coordinatorClient = await t.as(coordinator);
    for (const [i, project] of projects.entries()) {
      const item = await ok(coordinatorClient, ADD_ITEM, {
        meetingId,
        title: `Punkt ${i}`,
        projectId: gid('Project', project.id),
      });
      await ok(coordinatorClient, ADD_OUTCOME, {
        agendaItemId: item.agendaItem.id,
        kind: 'ACTION_ITEM',
        title: `Aufgabe ${i}`,
        ownerUserId: gid('User', member.id),
        dueDate: dueIn(5),
        projectIds: projects.map((p) => gid('Project', p.id)),
      });
    }
    await ok(
      leadClient,
      `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { minutes { id } userErrors { code } } }`,
      { meetingId, body: 'Text' },
    );
    await ok(leadClient, step('submitMinutes'), { meetingId });
    await ok(await t.as(secondLead), step('approveMinutes'), { meetingId });
    await ok(await t.as(coordinator), step('publishMinutes'), { meetingId });
    return { meetingId, member };
  }

  it('costs the same number of SQL statements for 2 or 6 linked items', async () => {
    const PAGE = `query($id: ID!) { meeting(id: $id) {
      agendaItems { title project { title } outcomes { title projects { title } } }
      minutesRevisions { revision outcomes { title ownerUser { name } ownerMunicipality { name } projects { title } } }
    } }`;
    const counts: number[] = [];
    for (const size of [2, 6]) {
      const { meetingId, member } = await meetingOfSize(size);
      const page = await (await t.as(member)).gql(PAGE, { id: meetingId });
      expect(page.errors).toBeUndefined();
      // The member reads the published projects only.
      expect(page.data?.meeting.minutesRevisions[0].outcomes[0].projects).toHaveLength(size / 2);
      counts.push(page.statements.length);
    }
    expect(counts[0]).toBe(counts[1]);
    console.log(`meeting page with linked projects and revision outcomes: ${counts[0]} statements`);
  });
});

describe('updateActionItem and linked projects', () => {
  it('replaces the linked projects with existing, readable ones and keeps them when omitted', async () => {
    const { lead, member, group } = await buildMeetingCast(t.dataSource);
    const kl = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    const trier = await municipality(t.dataSource, 'Trier', 'KREISFREIE_STADT' as never);
    const first = await buildProject(t.dataSource, { leadMunicipalityId: kl.id, title: 'Erstes Projekt' });
    const second = await buildProject(t.dataSource, {
      leadMunicipalityId: trier.id,
      title: 'Zweites Projekt',
    });
    const foreignDraft = await buildProject(t.dataSource, {
      leadMunicipalityId: trier.id,
      title: 'Fremder Entwurf',
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    const meeting = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
    });
    const leadClient = await t.as(lead);
    const item = await ok(leadClient, ADD_ITEM, { meetingId: gid('Meeting', meeting.id), title: 'Sensoren' });
    const action = await ok(leadClient, ADD_OUTCOME, {
      agendaItemId: item.agendaItem.id,
      kind: 'ACTION_ITEM',
      title: 'Angebot einholen',
      ownerUserId: gid('User', member.id),
      dueDate: dueIn(14),
      projectIds: [gid('Project', first.id)],
    });
    const UPDATE_PROJECTS = `mutation($input: UpdateActionItemInput!) { updateActionItem(input: $input) {
      outcome { status projectIds projects { title } } userErrors { field code } } }`;
    const actionItemId = action.outcome.id;

    const moved = await leadClient.gql(UPDATE_PROJECTS, {
      input: { actionItemId, projectIds: [gid('Project', second.id), gid('Project', first.id)] },
    });
    expect(moved.errors).toBeUndefined();
    expect(moved.data?.updateActionItem).toEqual({
      outcome: {
        status: 'OPEN',
        projectIds: [gid('Project', second.id), gid('Project', first.id)],
        projects: [{ title: 'Zweites Projekt' }, { title: 'Erstes Projekt' }],
      },
      userErrors: [],
    });

    const kept = await leadClient.gql(UPDATE_PROJECTS, { input: { actionItemId, status: 'IN_PROGRESS' } });
    expect(kept.data?.updateActionItem.outcome.projectIds).toEqual([
      gid('Project', second.id),
      gid('Project', first.id),
    ]);

    for (const projectIds of [
      [gid('Project', foreignDraft.id)],
      [gid('Project', '00000000-0000-4000-8000-000000000000')],
    ]) {
      const refused = await leadClient.gql(UPDATE_PROJECTS, { input: { actionItemId, projectIds } });
      expect(refused.data?.updateActionItem).toEqual({
        outcome: null,
        userErrors: [{ field: 'projectIds', code: 'NOT_FOUND' }],
      });
    }
    const invalid = await leadClient.gql(UPDATE_PROJECTS, {
      input: { actionItemId, projectIds: [gid('User', member.id)] },
    });
    expect(invalid.data?.updateActionItem.userErrors).toEqual([
      { field: 'projectIds.0', code: 'VALIDATION' },
    ]);

    const cleared = await leadClient.gql(UPDATE_PROJECTS, { input: { actionItemId, projectIds: [] } });
    expect(cleared.data?.updateActionItem.outcome).toMatchObject({ status: 'IN_PROGRESS', projectIds: [] });
  });
});

describe('linking projects the organiser cannot read', () => {
  it("refuses another municipality's draft on an agenda item and on an action item, writing nothing", async () => {
    const { lead, member, group } = await buildMeetingCast(t.dataSource);
    const mainz = await municipality(t.dataSource, 'Mainz', 'KREISFREIE_STADT' as never);
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: mainz.id,
      title: 'Entwurf aus Mainz',
      status: ProjectStatus.DRAFT,
    });
    const meeting = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
    });
    const leadClient = await t.as(lead);
    const meetingId = gid('Meeting', meeting.id);
    const refused = await leadClient.gql(ADD_ITEM, {
      input: { meetingId, title: 'Mit Entwurf', projectId: gid('Project', draft.id) },
    });
    expect(refused.data?.addAgendaItem).toEqual({ agendaItem: null, userErrors: [{ code: 'NOT_FOUND' }] });
    const item = await ok(leadClient, ADD_ITEM, { meetingId, title: 'Ohne Projekt' });
    const outcome = await leadClient.gql(ADD_OUTCOME, {
      input: {
        agendaItemId: item.agendaItem.id,
        kind: 'ACTION_ITEM',
        title: 'Aufgabe',
        ownerUserId: gid('User', member.id),
        dueDate: dueIn(5),
        projectIds: [gid('Project', draft.id)],
      },
    });
    expect(outcome.data?.addOutcome).toEqual({
      outcome: null,
      userErrors: [{ field: 'projectIds', code: 'NOT_FOUND' }],
    });
    const [{ n }] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM agenda_item WHERE meeting_id = $1',
      [meeting.id],
    );
    expect(n).toBe(1);
  });
});
