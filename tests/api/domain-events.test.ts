import { MeetingKind, MunicipalityKind, ProjectStatus, Role } from '@hub/shared';
import { AuditEvent } from '../../packages/api/src/modules/audit/audit-event.entity';
import { DomainEvent, emitDomainEvent, takeDomainEvents } from '../../packages/api/src/modules/events';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { createTestDatabase } from '../support/db';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting, buildMeetingCast, invite } from '../support/meeting-factories';
import { freshMunicipality } from '../support/network-factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The events about one subject, oldest first. */
const eventsOf = (subjectId: string) =>
  t.dataSource.getRepository(DomainEvent).find({ where: { subjectId }, order: { id: 'ASC' } });

const USER_ERRORS = 'userErrors { field code message }';

describe('changes write their domain event, and the audit trail is derived from it', () => {
  it('projects: published, status update posted, adopted', async () => {
    const kl = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
    const mainz = await municipality(t.dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT);
    const officer = await buildUser(t.dataSource, { municipalityId: kl.id });
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: kl.id,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    const client = await t.as(officer);
    const published = await client.gql(
      `mutation($input: SetProjectStatusInput!) { setProjectStatus(input: $input) { project { status } ${USER_ERRORS} } }`,
      { input: { id: gid('Project', draft.id), status: 'PUBLISHED' } },
    );
    expect(published.data?.setProjectStatus.userErrors).toEqual([]);
    const posted = await client.gql(
      `mutation($input: PostStatusUpdateInput!) { postProjectStatusUpdate(input: $input) { project { phase } ${USER_ERRORS} } }`,
      {
        input: {
          projectId: gid('Project', draft.id),
          reportedOn: '2026-02-01',
          progressPercent: 20,
          phase: 'PILOT',
          text: 'Pilot läuft',
        },
      },
    );
    expect(posted.data?.postProjectStatusUpdate.userErrors).toEqual([]);

    const events = await eventsOf(draft.id);
    expect(events.map((e) => e.type)).toEqual(['project.publish', 'project.statusUpdate']);
    expect(events[0]).toMatchObject({ actorId: officer.id, subjectType: 'Project', subjectId: draft.id });
    expect(events[0].payload).toMatchObject({ status: ProjectStatus.PUBLISHED });
    expect(events[1].payload).toEqual({
      phase: 'PILOT',
      progressPercent: 20,
      reportedOn: '2026-02-01',
      statusUpdateId: expect.any(String),
    });
    expect(events[0].requestId).toBeTruthy();

    // The audit trail keeps its content: action, entity, before and after, the same request.
    const audit = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { entityId: draft.id }, order: { createdAt: 'ASC' } });
    const publish = audit.find((a) => a.action === 'project.publish');
    expect(publish).toMatchObject({
      actorId: officer.id,
      entityType: 'Project',
      requestId: events[0].requestId,
      after: events[0].payload,
    });
    expect(publish?.before).toMatchObject({ status: ProjectStatus.DRAFT });

    const adopter = await buildUser(t.dataSource, { municipalityId: mainz.id });
    const adopted = await (await t.as(adopter)).gql(
      `mutation($input: AdoptProjectInput!) { adoptProject(input: $input) { project { id } ${USER_ERRORS} } }`,
      { input: { projectId: gid('Project', draft.id) } },
    );
    expect(adopted.data?.adoptProject.userErrors).toEqual([]);
    const adoption = await t.dataSource
      .getRepository(DomainEvent)
      .findBy({ type: 'project.adopt', actorId: adopter.id });
    expect(adoption).toHaveLength(1);
    expect(adoption[0].payload).toMatchObject({ copiedCosts: false });
  });

  it('meetings: created, changed, cancelled; invitation sent', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const invitee = await buildUser(t.dataSource);
    const client = await t.as(coordinator);
    const startsAt = new Date(Date.now() + 10 * 86400_000);
    const created = await client.gql(
      `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } ${USER_ERRORS} } }`,
      {
        input: {
          kind: 'NETWORK',
          title: 'Netzwerktreffen Herbst',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
        },
      },
    );
    expect(created.data?.createMeeting.userErrors).toEqual([]);
    const meetingId = created.data?.createMeeting.meeting.id;
    await client.gql(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } ${USER_ERRORS} } }`,
      { input: { meetingId, title: 'Netzwerktreffen Winter' } },
    );
    await client.gql(
      `mutation($input: InviteToMeetingInput!) { inviteToMeeting(input: $input) { meeting { id } ${USER_ERRORS} } }`,
      { input: { meetingId, userIds: [gid('User', invitee.id)] } },
    );
    await client.gql(
      `mutation($input: MeetingRefInput!) { cancelMeeting(input: $input) { meeting { cancelled } ${USER_ERRORS} } }`,
      { input: { meetingId } },
    );
    const stored = await t.dataSource
      .getRepository(DomainEvent)
      .findOneByOrFail({ type: 'meeting.create', actorId: coordinator.id });
    const events = await eventsOf(stored.subjectId as string);
    expect(events.map((e) => e.type)).toEqual([
      'meeting.create',
      'meeting.update',
      'meeting.invite',
      'meeting.cancel',
    ]);
    expect(events.every((e) => e.actorId === coordinator.id && e.subjectType === 'Meeting')).toBe(true);
    expect(events[0].payload).toMatchObject({ title: 'Netzwerktreffen Herbst', kind: MeetingKind.NETWORK });
    expect(events[2].payload).toEqual({ invited: [invitee.id] });
  });

  it('minutes: submitted, approved, published; action item assigned and done', async () => {
    const { coordinator, lead, secondLead, member, group } = await buildMeetingCast(t.dataSource);
    const past = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
      startsAt: new Date(Date.now() - 2 * 3600_000),
    });
    await invite(t.dataSource, past, [member]);
    const meetingId = gid('Meeting', past.id);
    const leadClient = await t.as(lead);
    const agenda = await leadClient.gql(
      `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } ${USER_ERRORS} } }`,
      { input: { meetingId, title: 'Breitband' } },
    );
    const agendaItemId = agenda.data?.addAgendaItem.agendaItem.id;
    const action = await leadClient.gql(
      `mutation($input: AddOutcomeInput!) { addOutcome(input: $input) { outcome { id } ${USER_ERRORS} } }`,
      {
        input: {
          agendaItemId,
          kind: 'ACTION_ITEM',
          title: 'Angebote einholen',
          ownerUserId: gid('User', member.id),
          dueDate: new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10),
        },
      },
    );
    expect(action.data?.addOutcome.userErrors).toEqual([]);
    const outcomeId = action.data?.addOutcome.outcome.id;
    const done = await (await t.as(member)).gql(
      `mutation($input: UpdateActionItemInput!) { updateActionItem(input: $input) { outcome { status } ${USER_ERRORS} } }`,
      { input: { actionItemId: outcomeId, status: 'DONE' } },
    );
    expect(done.data?.updateActionItem.userErrors).toEqual([]);

    const step = (name: string) =>
      `mutation($input: MeetingRefInput!) { ${name}(input: $input) { minutes { status } ${USER_ERRORS} } }`;
    await leadClient.gql(
      `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { minutes { status } ${USER_ERRORS} } }`,
      { input: { meetingId, body: '# Protokoll' } },
    );
    expect(
      (await leadClient.gql(step('submitMinutes'), { input: { meetingId } })).data?.submitMinutes.userErrors,
    ).toEqual([]);
    const approved = await (await t.as(secondLead)).gql(step('approveMinutes'), { input: { meetingId } });
    expect(approved.data?.approveMinutes.userErrors).toEqual([]);
    const published = await (await t.as(coordinator)).gql(step('publishMinutes'), { input: { meetingId } });
    expect(published.data?.publishMinutes.userErrors).toEqual([]);

    const minutesEvents = await t.dataSource
      .getRepository(DomainEvent)
      .find({ where: { subjectType: 'MeetingMinutes', actorId: lead.id }, order: { id: 'ASC' } });
    const minutesId = minutesEvents[0].subjectId as string;
    const onMinutes = await eventsOf(minutesId);
    expect(onMinutes.map((e) => [e.type, e.actorId])).toEqual([
      ['minutes.save', lead.id],
      ['minutes.submit', lead.id],
      ['minutes.approve', secondLead.id],
      ['minutes.publish', coordinator.id],
    ]);
    expect(onMinutes[2].payload).toEqual({ status: 'APPROVED' });

    const onOutcome = await eventsOf(
      (
        await t.dataSource
          .getRepository(DomainEvent)
          .findOneByOrFail({ type: 'outcome.create', actorId: lead.id })
      ).subjectId as string,
    );
    expect(onOutcome.map((e) => [e.type, e.actorId])).toEqual([
      ['outcome.create', lead.id],
      ['action_item.update', member.id],
    ]);
    expect(onOutcome[1].payload).toMatchObject({ status: 'DONE' });
  });

  it('working groups: join request made and decided; network membership changed', async () => {
    const { lead, group } = await buildMeetingCast(t.dataSource);
    const asking = await buildUser(t.dataSource);
    const requested = await (await t.as(asking)).gql(
      `mutation($input: RequestToJoinWorkingGroupInput!) { requestToJoinWorkingGroup(input: $input) { membership { id } ${USER_ERRORS} } }`,
      { input: { workingGroupId: gid('WorkingGroup', group.id) } },
    );
    expect(requested.data?.requestToJoinWorkingGroup.userErrors).toEqual([]);
    const membershipId = requested.data?.requestToJoinWorkingGroup.membership.id;
    const accepted = await (await t.as(lead)).gql(
      `mutation($input: WorkingGroupMembershipIdInput!) { acceptWorkingGroupRequest(input: $input) { membership { id } ${USER_ERRORS} } }`,
      { input: { membershipId } },
    );
    expect(accepted.data?.acceptWorkingGroupRequest.userErrors).toEqual([]);
    const request = await t.dataSource
      .getRepository(DomainEvent)
      .findOneByOrFail({ type: 'workingGroupMembership.request', actorId: asking.id });
    const events = await eventsOf(request.subjectId as string);
    expect(events.map((e) => [e.type, e.actorId, e.payload.status])).toEqual([
      ['workingGroupMembership.request', asking.id, 'REQUESTED'],
      ['workingGroupMembership.accept', lead.id, 'ACTIVE'],
    ]);

    const place = await freshMunicipality(t.dataSource);
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const invited = await (await t.as(coordinator)).gql(
      `mutation($input: StartMembershipInput!) { inviteMunicipality(input: $input) { membership { id } ${USER_ERRORS} } }`,
      { input: { municipalityId: gid('Municipality', place.id) } },
    );
    expect(invited.data?.inviteMunicipality.userErrors).toEqual([]);
    const membership = await t.dataSource
      .getRepository(DomainEvent)
      .findBy({ type: 'membership.status', actorId: coordinator.id });
    expect(membership).toHaveLength(1);
    expect(membership[0]).toMatchObject({
      subjectType: 'NetworkMembership',
      payload: { status: 'INVITED', municipalityId: place.id },
    });
  });

  it('a person invited to the hub: invitation sent', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const invited = await (await t.as(coordinator)).gql(
      `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } ${USER_ERRORS} } }`,
      { input: { email: 'neu.eingeladen@example.org', name: 'Nina Neu', role: 'COORDINATOR' } },
    );
    expect(invited.data?.inviteUser.userErrors).toEqual([]);
    const events = await t.dataSource
      .getRepository(DomainEvent)
      .findBy({ type: 'user.invite', actorId: coordinator.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      subjectType: 'User',
      payload: { role: 'COORDINATOR', municipalityId: null },
    });
  });
});

describe('a failed change writes no event', () => {
  it('a mutation answered with a userError leaves neither a domain event nor an audit event', async () => {
    const { lead, group } = await buildMeetingCast(t.dataSource);
    const past = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
      startsAt: new Date(Date.now() - 2 * 3600_000),
    });
    const meetingId = gid('Meeting', past.id);
    const leadClient = await t.as(lead);
    await leadClient.gql(
      `mutation($input: SaveMinutesInput!) { saveMinutes(input: $input) { minutes { status } ${USER_ERRORS} } }`,
      { input: { meetingId, body: '# Protokoll' } },
    );
    const before = await t.dataSource.getRepository(DomainEvent).count();
    const auditBefore = await t.dataSource.getRepository(AuditEvent).count();
    // Submitted minutes are approved by another lead, not by the one who wrote them.
    const own = await leadClient.gql(
      `mutation($input: MeetingRefInput!) { approveMinutes(input: $input) { minutes { status } ${USER_ERRORS} } }`,
      { input: { meetingId } },
    );
    expect(own.data?.approveMinutes.userErrors).not.toEqual([]);
    expect(await t.dataSource.getRepository(DomainEvent).count()).toBe(before);
    expect(await t.dataSource.getRepository(AuditEvent).count()).toBe(auditBefore);
  });

  it('an error thrown after the event was written rolls the event and its audit event back', async () => {
    const subjectId = (await buildUser(t.dataSource)).id;
    await expect(
      t.dataSource.transaction(async (manager) => {
        await emitDomainEvent(manager, {
          type: 'user.deactivate',
          actorId: null,
          subjectType: 'User',
          subjectId,
          payload: { status: 'DEACTIVATED' },
        });
        throw new Error('the change after the event failed');
      }),
    ).rejects.toThrow('the change after the event failed');
    expect(await eventsOf(subjectId)).toEqual([]);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ entityId: subjectId })).toBe(0);
  });
});

describe('consumers', () => {
  it('one statement per event: the domain event and its audit event', async () => {
    const kl = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
    const officer = await buildUser(t.dataSource, { municipalityId: kl.id });
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: kl.id,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    const result = await (await t.as(officer)).gql(
      `mutation($input: SetProjectStatusInput!) { setProjectStatus(input: $input) { project { status } ${USER_ERRORS} } }`,
      { input: { id: gid('Project', project.id), status: 'PUBLISHED' } },
    );
    expect(result.data?.setProjectStatus.userErrors).toEqual([]);
    const writes = result.statements.filter((sql) => /domain_event|audit_event/.test(sql));
    expect(writes).toHaveLength(1);
  });

  it('takes events oldest first and only once per consumer', async () => {
    const consumer = `test-order-${Date.now()}`;
    const all = await t.dataSource.getRepository(DomainEvent).count();
    const first = await t.dataSource.transaction((m) => takeDomainEvents(m, consumer, 3));
    expect(first).toHaveLength(Math.min(3, all));
    expect(first.map((e) => Number(e.id))).toEqual([...first.map((e) => Number(e.id))].sort((a, b) => a - b));
    const rest = await t.dataSource.transaction((m) => takeDomainEvents(m, consumer, 100_000));
    expect(rest).toHaveLength(all - first.length);
    expect(Number(rest[0].id)).toBeGreaterThan(Number(first[first.length - 1].id));
    expect(await t.dataSource.transaction((m) => takeDomainEvents(m, consumer, 10))).toEqual([]);
    // A rolled-back take leaves the events to be taken again; another consumer has its own marks.
    const subjectId = (await buildUser(t.dataSource)).id;
    await t.dataSource.transaction((m) =>
      emitDomainEvent(m, {
        type: 'user.reactivate',
        actorId: null,
        subjectType: 'User',
        subjectId,
        payload: { status: 'ACTIVE' },
      }),
    );
    await expect(
      t.dataSource.transaction(async (m) => {
        expect(await takeDomainEvents(m, consumer, 10)).toHaveLength(1);
        throw new Error('processing failed');
      }),
    ).rejects.toThrow('processing failed');
    const again = await t.dataSource.transaction((m) => takeDomainEvents(m, consumer, 10));
    expect(again.map((e) => [e.type, e.subjectId, e.payload])).toEqual([
      ['user.reactivate', subjectId, { status: 'ACTIVE' }],
    ]);
    const other = await t.dataSource.transaction((m) => takeDomainEvents(m, `${consumer}-other`, 100_000));
    expect(other).toHaveLength(all + 1);
  });

  it('a consumer in the middle of a take holds up no other consumer', async () => {
    const subjectId = (await buildUser(t.dataSource)).id;
    await t.dataSource.transaction((m) =>
      emitDomainEvent(m, {
        type: 'auth.signIn',
        actorId: subjectId,
        subjectType: 'User',
        subjectId,
        payload: null,
      }),
    );
    const busy = `test-busy-${Date.now()}`;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let busyTook = 0;
    const slow = t.dataSource.transaction(async (m) => {
      busyTook = (await takeDomainEvents(m, busy, 100_000)).length;
      await held;
    });
    // The other consumer gets the newest event, the sign-in, while `busy` still holds its take open.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = await t.dataSource.transaction((m) => takeDomainEvents(m, `${busy}-other`, 100_000));
    expect(other.at(-1)).toMatchObject({ type: 'auth.signIn', subjectId, payload: {} });
    release();
    await slow;
    expect(busyTook).toBe(other.length);
  });

  it('two concurrent processes of one consumer never take the same event', async () => {
    const consumer = `test-concurrent-${Date.now()}`;
    // Mark everything before this test as taken, then write a fresh batch.
    await t.dataSource.transaction((m) => takeDomainEvents(m, consumer, 100_000));
    const subjectId = (await buildUser(t.dataSource)).id;
    await t.dataSource.transaction(async (m) => {
      for (let i = 0; i < 40; i++)
        await emitDomainEvent(m, {
          type: 'user.updateProfile',
          actorId: null,
          subjectType: 'User',
          subjectId,
          payload: { i },
        });
    });
    const taken: string[][] = [[], []];
    const worker = (n: number) =>
      (async () => {
        for (;;) {
          const batch = await t.dataSource.transaction(async (m) => {
            const events = await takeDomainEvents(m, consumer, 5);
            // Hold the batch a moment, as real processing would, so the other process runs meanwhile.
            await m.query('SELECT pg_sleep(0.01)');
            return events;
          });
          if (!batch.length) return;
          taken[n].push(...batch.map((e) => e.id));
        }
      })();
    await Promise.all([worker(0), worker(1)]);
    const both = [...taken[0], ...taken[1]];
    expect(new Set(both).size).toBe(both.length);
    expect(both).toHaveLength(40);
    expect(taken[0].length).toBeGreaterThan(0);
    expect(taken[1].length).toBeGreaterThan(0);
  });
});

describe('a take behind another process of the same consumer', () => {
  it('waits longer than the statement timeout for it, and the timeout holds again after the take', async () => {
    const db = await createTestDatabase(undefined, { statementTimeoutMs: 300 });
    try {
      const consumer = `test-wait-${Date.now()}`;
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let holding: () => void = () => {};
      const took = new Promise<void>((resolve) => {
        holding = resolve;
      });
      // The other process takes and then works for longer than a statement may run.
      const other = db.dataSource.transaction(async (m) => {
        await takeDomainEvents(m, consumer, 100_000);
        holding();
        await held;
      });
      await took;
      const waiting = db.dataSource.transaction(async (m) => {
        const events = await takeDomainEvents(m, consumer, 10);
        const timeouts = await m.query(
          `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock`,
        );
        const slow = await m.query('SELECT pg_sleep(1)').then(
          () => 'finished',
          (error: Error) => error.message,
        );
        return { events, timeouts, slow };
      });
      await new Promise((resolve) => setTimeout(resolve, 1000));
      release();
      await other;
      const { events, timeouts, slow } = await waiting;
      expect(events).toEqual([]);
      expect(timeouts).toEqual([{ statement: '300ms', lock: '0' }]);
      expect(slow).toBe('canceling statement due to statement timeout');
    } finally {
      await db.drop();
    }
  });
});
