// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import {
  ActionItemStatus,
  InvitationResponse,
  MembershipStatus,
  MinutesStatus,
  OutcomeKind,
  ProjectCategory,
  ProjectPhase,
  ProjectStatus,
  Role,
  WorkingGroupMembershipStatus,
  WorkingGroupRole,
} from '@hub/shared';
import { dashboardPolicy } from '../../packages/api/src/modules/dashboard';
import { emitDomainEvent } from '../../packages/api/src/modules/events';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import {
  AgendaItem,
  MeetingInvitation,
  MeetingMinutes,
  Outcome,
} from '../../packages/api/src/modules/meetings/meeting.entity';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { WorkingGroupMembership } from '../../packages/api/src/modules/working-groups/working-group.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';
import { buildMeeting, buildWorkingGroup, invite } from '../support/meeting-factories';
import { buildMembership, freshMunicipality, officerOf } from '../support/network-factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/**
 * SQL statements per dashboard, whatever the amount of data: the session, one statement per list
 * or count, and one batched loader statement per kind of object shown (and its nested fields).
 */
const OFFICER_STATEMENTS = 25;
const COORDINATOR_STATEMENTS = 12;
/** Session, the figures (counts by phase/category/Landkreis and the money in one), the Landkreise. */
const MINISTRY_STATEMENTS = 3;

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

const OFFICER_DASHBOARD = `{ officerDashboard {
  municipality { name membership { status } }
  profileCompleteness profileChecks { kind done }
  openActionItemCount overdueActionItemCount actionItems { title dueDate overdue meeting { title } }
  upcomingMeetingCount unansweredInvitationCount
  upcomingMeetings { id title startsAt viewerInvitation { id response } }
  staleProjectCount staleProjects { title latestStatusUpdate { reportedOn } }
  adoptedProjectsLikeOurs { title adoptionCount leadMunicipality { name } }
  workingGroupActivity { type occurredAt actor { name } project { title } meeting { title } workingGroup { name } }
} }`;

const COORDINATOR_DASHBOARD = `{ coordinatorDashboard {
  applicationCount joinRequestCount joinRequestGroupCount
  minutesAwaitingApprovalCount minutesAwaitingApproval { title }
  unansweredInvitationCount meetingsWithUnansweredInvitations { title }
  failedDeliveryCount failedDeliveries { recipient subject attempts lastError }
  networkActivity { type membershipStatus phase actor { name } project { title } meeting { title }
    workingGroup { name } municipality { name } }
} }`;

const MINISTRY_DASHBOARD = `{ ministryDashboard {
  projectCount projectsByPhase { phase count } projectsByCategory { category count }
  projectsByDistrict { district { name } count }
  investment { projectsWithCosts oneOffCents yearlyCents fundingCents currency }
} }`;

/** A meeting with published minutes and the given action items (owner: the municipality). */
async function publishedActionItems(
  place: Municipality,
  items: { title: string; dueDate: string | null; status?: ActionItemStatus; owner?: string }[],
  meetingTitle = 'Sitzung mit Aufgaben',
) {
  const meeting = await buildMeeting(t.dataSource, {
    title: meetingTitle,
    startsAt: new Date(Date.now() - 30 * DAY),
  });
  const agendaItem = await t.dataSource
    .getRepository(AgendaItem)
    .save({ meetingId: meeting.id, position: 1, title: 'Aufgaben' });
  await t.dataSource.getRepository(MeetingMinutes).save({
    meetingId: meeting.id,
    status: MinutesStatus.PUBLISHED,
    body: 'Protokoll',
    publishedAt: new Date(),
  });
  await t.dataSource.getRepository(Outcome).save(
    items.map((item) => ({
      meetingId: meeting.id,
      agendaItemId: agendaItem.id,
      kind: OutcomeKind.ACTION_ITEM,
      title: item.title,
      dueDate: item.dueDate,
      ownerMunicipalityId: item.owner ?? place.id,
      status: item.status ?? ActionItemStatus.OPEN,
    })),
  );
  return meeting;
}

describe('who sees which dashboard', () => {
  it('gives each role its own dashboard and refuses the others, as the policy says', async () => {
    const place = await freshMunicipality(t.dataSource);
    const people: [string, User | null][] = [
      ['public', null],
      ['officer', await officerOf(t.dataSource, place)],
      ['coordinator', await buildUser(t.dataSource, { role: Role.COORDINATOR })],
      ['ministry', await buildUser(t.dataSource, { role: Role.MINISTRY })],
    ];
    const queries = {
      readOfficerDashboard: '{ officerDashboard { openActionItemCount } }',
      readCoordinatorDashboard: '{ coordinatorDashboard { applicationCount } }',
      readMinistryDashboard: '{ ministryDashboard { projectCount } }',
    } as const;
    const seen: Record<string, string[]> = {};
    for (const [role, user] of people) {
      const client = user ? await t.as(user) : t.client();
      seen[role] = [];
      for (const [action, query] of Object.entries(queries) as [keyof typeof queries, string][]) {
        const result = await client.gql(query);
        const allowed = dashboardPolicy.can(user, action);
        if (allowed) {
          expect(result.errors).toBeUndefined();
          seen[role].push(action);
        } else {
          expect(result.errors?.[0].extensions?.code).toBe(user ? 'FORBIDDEN' : 'UNAUTHENTICATED');
          expect(result.data).toBeNull();
        }
      }
    }
    expect(seen).toEqual({
      public: [],
      officer: ['readOfficerDashboard'],
      coordinator: ['readCoordinatorDashboard', 'readMinistryDashboard'],
      ministry: ['readMinistryDashboard'],
    });
  });

  it('has no officer dashboard for an officer without a municipality', async () => {
    const loose = await buildUser(t.dataSource, { role: Role.OFFICER, municipalityId: null });
    // buildUser gives officers Kaiserslautern by default; take it away again.
    await t.dataSource.query('UPDATE app_user SET municipality_id = NULL WHERE id = $1', [loose.id]);
    const result = await (await t.as({ ...loose, municipalityId: null } as User)).gql(
      '{ officerDashboard { openActionItemCount } }',
    );
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe("the officer's dashboard", () => {
  async function officerWorld(withExtras: number) {
    const place = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, place, MembershipStatus.ACTIVE);
    const officer = await officerOf(t.dataSource, place, {
      position: 'Digitalbeauftragte',
      phone: '0631 123',
    });
    const other = await freshMunicipality(t.dataSource);
    const colleague = await officerOf(t.dataSource, other);

    await publishedActionItems(place, [
      { title: 'Später fällig', dueDate: isoDay(20) },
      { title: 'Überfällig', dueDate: isoDay(-3) },
      { title: 'Ohne Datum', dueDate: null },
      { title: 'Erledigt', dueDate: isoDay(-10), status: ActionItemStatus.DONE },
      { title: 'Von anderen', dueDate: isoDay(-5), owner: other.id },
      ...Array.from({ length: withExtras }, (_, i) => ({ title: `Weitere ${i}`, dueDate: isoDay(30 + i) })),
    ]);

    const soon = await buildMeeting(t.dataSource, {
      title: 'Bald',
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const later = await buildMeeting(t.dataSource, {
      title: 'Später',
      startsAt: new Date(Date.now() + 9 * DAY),
    });
    const past = await buildMeeting(t.dataSource, {
      title: 'Vorbei',
      startsAt: new Date(Date.now() - 9 * DAY),
    });
    const cancelled = await buildMeeting(t.dataSource, {
      title: 'Abgesagt',
      startsAt: new Date(Date.now() + 4 * DAY),
      cancelled: true,
    });
    for (const meeting of [soon, later, past, cancelled]) await invite(t.dataSource, meeting, [officer]);
    await t.dataSource
      .getRepository(MeetingInvitation)
      .update({ meetingId: later.id, userId: officer.id }, { response: InvitationResponse.YES });
    for (let i = 0; i < withExtras; i++)
      await invite(
        t.dataSource,
        await buildMeeting(t.dataSource, { startsAt: new Date(Date.now() + (20 + i) * DAY) }),
        [officer],
      );

    await buildProject(t.dataSource, {
      leadMunicipalityId: place.id,
      title: 'Still seit Monaten',
      category: ProjectCategory.MOBILITY,
      statusUpdates: [{ reportedOn: isoDay(-100), progressPercent: 20 }],
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: place.id,
      title: 'Frisch berichtet',
      category: ProjectCategory.MOBILITY,
      statusUpdates: [{ reportedOn: isoDay(-10), progressPercent: 50 }],
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: place.id,
      title: 'Eingestellt',
      phase: ProjectPhase.DISCONTINUED,
      statusUpdates: [{ reportedOn: isoDay(-400), progressPercent: 10 }],
    });
    for (let i = 0; i < withExtras; i++)
      await buildProject(t.dataSource, {
        leadMunicipalityId: place.id,
        title: `Auch still ${i}`,
        category: ProjectCategory.MOBILITY,
        statusUpdates: [{ reportedOn: isoDay(-200 - i), progressPercent: 5 }],
      });
    const proven = await buildProject(t.dataSource, {
      leadMunicipalityId: other.id,
      title: `Bewährte Park-App ${withExtras}`,
      category: ProjectCategory.MOBILITY,
      adoptionCount: 3,
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: other.id,
      title: `Nie nachgenutzt ${withExtras}`,
      category: ProjectCategory.MOBILITY,
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: other.id,
      title: `Andere Kategorie ${withExtras}`,
      category: ProjectCategory.HEALTH_SOCIAL,
      adoptionCount: 2,
    });

    const group = await buildWorkingGroup(t.dataSource, { leads: [colleague], members: [officer] });
    const foreignGroup = await buildWorkingGroup(t.dataSource, { leads: [colleague] });
    const groupMeeting = await buildMeeting(t.dataSource, {
      title: `AG-Sitzung ${withExtras}`,
      workingGroupId: group.id,
      startsAt: new Date(Date.now() + 40 * DAY),
    });
    // The extra events are older than the two the first test looks for, so every list has the same kinds.
    await t.dataSource.transaction(async (manager) => {
      for (let i = 0; i < withExtras; i++)
        await emitDomainEvent(manager, {
          type: 'workingGroup.update',
          actorId: colleague.id,
          subjectType: 'WorkingGroup',
          subjectId: group.id,
          payload: { goals: `Stand ${i}` },
        });
      await emitDomainEvent(manager, {
        type: 'workingGroup.update',
        actorId: colleague.id,
        subjectType: 'WorkingGroup',
        subjectId: group.id,
        payload: { goals: 'Neu' },
      });
      await emitDomainEvent(manager, {
        type: 'meeting.create',
        actorId: colleague.id,
        subjectType: 'Meeting',
        subjectId: groupMeeting.id,
        payload: { title: groupMeeting.title, kind: groupMeeting.kind, startsAt: groupMeeting.startsAt },
      });
      await emitDomainEvent(manager, {
        type: 'workingGroup.update',
        actorId: colleague.id,
        subjectType: 'WorkingGroup',
        subjectId: foreignGroup.id,
        payload: { goals: 'Fremd' },
      });
    });
    return { place, officer, colleague, group, proven };
  }

  it('shows her municipality, overdue action items first, next meetings, silent projects, proven reuse and group activity', async () => {
    const { place, officer, colleague, group } = await officerWorld(0);
    const result = await (await t.as(officer)).gql(OFFICER_DASHBOARD);
    expect(result.errors).toBeUndefined();
    const board = result.data?.officerDashboard;
    expect(board.municipality).toEqual({ name: place.name, membership: { status: 'ACTIVE' } });
    expect(board.profileChecks).toEqual([
      { kind: 'CONTACT_PERSON', done: true },
      { kind: 'PROJECTS', done: true },
      { kind: 'WORKING_GROUP', done: true },
      { kind: 'CURRENT_STATUS', done: false },
    ]);
    expect(board.profileCompleteness).toBe(75);
    expect(board.actionItems.map((a: any) => [a.title, a.overdue])).toEqual([
      ['Überfällig', true],
      ['Später fällig', false],
      ['Ohne Datum', false],
    ]);
    expect(board.openActionItemCount).toBe(3);
    expect(board.overdueActionItemCount).toBe(1);
    expect(board.upcomingMeetings.map((m: any) => [m.title, m.viewerInvitation.response])).toEqual([
      ['Bald', 'PENDING'],
      ['Später', 'YES'],
    ]);
    expect(board.upcomingMeetingCount).toBe(2);
    expect(board.unansweredInvitationCount).toBe(1);
    expect(board.staleProjects.map((p: any) => p.title)).toEqual(['Still seit Monaten']);
    expect(board.staleProjectCount).toBe(1);
    expect(board.adoptedProjectsLikeOurs.map((p: any) => p.title)).toEqual(['Bewährte Park-App 0']);
    expect(
      board.workingGroupActivity.map((a: any) => [
        a.type,
        a.actor.name,
        a.workingGroup?.name ?? a.meeting?.title,
      ]),
    ).toEqual([
      ['meeting.create', colleague.name, 'AG-Sitzung 0'],
      ['workingGroup.update', colleague.name, group.name],
    ]);
  });

  it('answers an invitation from the dashboard and counts it as answered', async () => {
    const { officer } = await officerWorld(0);
    const client = await t.as(officer);
    const before = await client.gql(OFFICER_DASHBOARD);
    const pending = before.data?.officerDashboard.upcomingMeetings.find(
      (m: any) => m.viewerInvitation.response === 'PENDING',
    );
    const answer = await client.gql(
      `mutation($input: RespondToInvitationInput!) { respondToInvitation(input: $input) {
         invitation { response } unansweredInvitationCount userErrors { message } } }`,
      { input: { meetingId: pending.id, response: 'YES' } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.respondToInvitation.userErrors).toEqual([]);
    // The answer carries the start page's new count, so the page need not ask again.
    expect(answer.data?.respondToInvitation.unansweredInvitationCount).toBe(0);
    const after = await client.gql(OFFICER_DASHBOARD);
    expect(after.data?.officerDashboard.unansweredInvitationCount).toBe(0);
  });

  it('costs the same number of SQL statements however much there is', async () => {
    const small = await officerWorld(0);
    const large = await officerWorld(12);
    const few = await (await t.as(small.officer)).gql(OFFICER_DASHBOARD);
    const many = await (await t.as(large.officer)).gql(OFFICER_DASHBOARD);
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(many.data?.officerDashboard.openActionItemCount).toBe(15);
    expect(many.data?.officerDashboard.actionItems).toHaveLength(5);
    expect(many.data?.officerDashboard.staleProjectCount).toBe(13);
    expect(many.data?.officerDashboard.workingGroupActivity).toHaveLength(8);
    console.log(`officer dashboard: ${many.statements.length} statements`);
    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.length).toBe(OFFICER_STATEMENTS);
  });
});

describe("the coordinators' dashboard", () => {
  it('counts the work waiting and shows the network activity', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const client = await t.as(coordinator);
    const before = (await client.gql(COORDINATOR_DASHBOARD)).data?.coordinatorDashboard;

    const applicant = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, applicant, MembershipStatus.APPLIED);
    const asker = await buildUser(t.dataSource);
    const group = await buildWorkingGroup(t.dataSource, { name: 'AG Warteschlange' });
    await t.dataSource.getRepository(WorkingGroupMembership).insert({
      workingGroupId: group.id,
      userId: asker.id,
      role: WorkingGroupRole.MEMBER,
      status: WorkingGroupMembershipStatus.REQUESTED,
      requestedAt: new Date(),
    });
    const submitted = await buildMeeting(t.dataSource, {
      title: 'Protokoll zur Freigabe',
      startsAt: new Date(Date.now() - 5 * DAY),
    });
    await t.dataSource.getRepository(MeetingMinutes).save({
      meetingId: submitted.id,
      status: MinutesStatus.SUBMITTED,
      body: 'Entwurf',
      submittedAt: new Date(),
    });
    const ahead = await buildMeeting(t.dataSource, {
      title: 'Unbeantwortet',
      startsAt: new Date(Date.now() + 3 * DAY),
    });
    await invite(t.dataSource, ahead, [asker, await buildUser(t.dataSource)]);
    await t.dataSource.getRepository(OutboxMessage).insert({
      recipient: 'niemand@example.org',
      subject: 'Einladung',
      body: 'Hallo',
      kind: 'INVITATION',
      attempts: 2,
      lastError: 'Mailbox unavailable',
    });
    await t.dataSource.transaction((manager) =>
      emitDomainEvent(manager, {
        type: 'membership.status',
        actorId: coordinator.id,
        subjectType: 'NetworkMembership',
        subjectId: null,
        payload: { status: MembershipStatus.APPLIED, municipalityId: applicant.id },
      }),
    );

    const result = await client.gql(COORDINATOR_DASHBOARD);
    expect(result.errors).toBeUndefined();
    const board = result.data?.coordinatorDashboard;
    expect(board.applicationCount).toBe(before.applicationCount + 1);
    expect(board.joinRequestCount).toBe(before.joinRequestCount + 1);
    expect(board.joinRequestGroupCount).toBe(before.joinRequestGroupCount + 1);
    expect(board.minutesAwaitingApprovalCount).toBe(before.minutesAwaitingApprovalCount + 1);
    expect(board.minutesAwaitingApproval.map((m: any) => m.title)).toContain('Protokoll zur Freigabe');
    expect(board.unansweredInvitationCount).toBe(before.unansweredInvitationCount + 2);
    expect(board.meetingsWithUnansweredInvitations.map((m: any) => m.title)).toContain('Unbeantwortet');
    expect(board.failedDeliveryCount).toBe(before.failedDeliveryCount + 1);
    expect(board.failedDeliveries[0]).toEqual({
      recipient: 'niemand@example.org',
      subject: 'Einladung',
      attempts: 2,
      lastError: 'Mailbox unavailable',
    });
    expect(board.networkActivity[0]).toMatchObject({
      type: 'membership.status',
      membershipStatus: 'APPLIED',
      actor: { name: coordinator.name },
    });
  });

  it('costs the same number of SQL statements however much is waiting', async () => {
    const client = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const addWork = async (i: number) => {
      const meeting = await buildMeeting(t.dataSource, {
        title: `Mehr ${i}`,
        startsAt: new Date(Date.now() + (i + 1) * DAY),
      });
      await invite(t.dataSource, meeting, [await buildUser(t.dataSource)]);
      await t.dataSource
        .getRepository(MeetingMinutes)
        .save({ meetingId: meeting.id, status: MinutesStatus.SUBMITTED, body: '', submittedAt: new Date() });
      const project = await buildProject(t.dataSource, {
        leadMunicipalityId: (await freshMunicipality(t.dataSource)).id,
      });
      await t.dataSource.transaction((manager) =>
        emitDomainEvent(manager, {
          type: 'project.publish',
          actorId: null,
          subjectType: 'Project',
          subjectId: project.id,
          payload: { title: project.title },
        }),
      );
    };
    await addWork(0);
    const few = await client.gql(COORDINATOR_DASHBOARD);
    for (let i = 1; i <= 8; i++) await addWork(i);
    const many = await client.gql(COORDINATOR_DASHBOARD);
    expect(many.errors).toBeUndefined();
    expect(many.data?.coordinatorDashboard.networkActivity.length).toBeGreaterThanOrEqual(8);
    console.log(`coordinator dashboard: ${many.statements.length} statements`);
    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.length).toBe(COORDINATOR_STATEMENTS);
  });
});

describe("the ministry's dashboard", () => {
  it('counts published projects by phase, category and Landkreis and sums costs and funding, without personal data', async () => {
    const ministry = await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY }));
    const before = (await ministry.gql(MINISTRY_DASHBOARD)).data?.ministryDashboard;
    const place = await freshMunicipality(t.dataSource);
    await buildProject(t.dataSource, {
      leadMunicipalityId: place.id,
      phase: ProjectPhase.ROLLOUT,
      category: ProjectCategory.PUBLIC_SAFETY,
      costs: [{ amountCents: 1_000_00 }, { amountCents: 250_00, recurrence: 'YEARLY' as never }],
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: place.id,
      phase: ProjectPhase.ROLLOUT,
      category: ProjectCategory.PUBLIC_SAFETY,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
      costs: [{ amountCents: 9_999_00 }],
    });
    const result = await ministry.gql(MINISTRY_DASHBOARD);
    expect(result.errors).toBeUndefined();
    const board = result.data?.ministryDashboard;
    const count = (list: any[], key: string, value: string) =>
      list.find((entry) => entry[key] === value)?.count ?? 0;
    expect(board.projectCount).toBe(before.projectCount + 1);
    expect(count(board.projectsByPhase, 'phase', 'ROLLOUT')).toBe(
      count(before.projectsByPhase, 'phase', 'ROLLOUT') + 1,
    );
    expect(count(board.projectsByCategory, 'category', 'PUBLIC_SAFETY')).toBe(
      count(before.projectsByCategory, 'category', 'PUBLIC_SAFETY') + 1,
    );
    const [districtRow] = await t.dataSource.query(
      'SELECT name FROM municipality WHERE id = (SELECT district_id FROM municipality WHERE id = $1)',
      [place.id],
    );
    const byDistrict = (list: any[]) => list.find((d) => d.district.name === districtRow.name)?.count ?? 0;
    expect(byDistrict(board.projectsByDistrict)).toBe(byDistrict(before.projectsByDistrict) + 1);
    expect(board.investment.oneOffCents).toBe(before.investment.oneOffCents + 1_000_00);
    expect(board.investment.yearlyCents).toBe(before.investment.yearlyCents + 250_00);
    expect(board.investment.projectsWithCosts).toBe(before.investment.projectsWithCosts + 1);
    expect(JSON.stringify(board)).not.toMatch(/@/);
  });

  it('costs the same number of SQL statements however many projects there are', async () => {
    const ministry = await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY }));
    const few = await ministry.gql(MINISTRY_DASHBOARD);
    for (let i = 0; i < 10; i++)
      await buildProject(t.dataSource, {
        leadMunicipalityId: (await freshMunicipality(t.dataSource)).id,
        costs: [{ amountCents: 100 }],
      });
    const many = await ministry.gql(MINISTRY_DASHBOARD);
    expect(many.errors).toBeUndefined();
    console.log(`ministry dashboard: ${many.statements.length} statements`);
    expect(many.statements.length).toBe(few.statements.length);
    expect(many.statements.length).toBe(MINISTRY_STATEMENTS);
  });
});

// Last: its minutes event would otherwise be among the coordinators' latest network activity.
describe("the officer's group activity", () => {
  it("names the meeting of published minutes in her group's activity", async () => {
    const place = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, place, MembershipStatus.ACTIVE);
    const officer = await officerOf(t.dataSource, place);
    const colleague = await officerOf(t.dataSource, await freshMunicipality(t.dataSource));
    const group = await buildWorkingGroup(t.dataSource, { leads: [colleague], members: [officer] });
    const meeting = await buildMeeting(t.dataSource, {
      title: 'AG-Sitzung mit Protokoll',
      workingGroupId: group.id,
      startsAt: new Date(Date.now() - 10 * DAY),
    });
    const minutes = await t.dataSource.getRepository(MeetingMinutes).save({
      meetingId: meeting.id,
      status: MinutesStatus.PUBLISHED,
      body: 'Protokoll',
      publishedAt: new Date(),
    });
    await t.dataSource.transaction((manager) =>
      emitDomainEvent(manager, {
        type: 'minutes.publish',
        actorId: colleague.id,
        subjectType: 'MeetingMinutes',
        subjectId: minutes.id,
        payload: { revision: 1, notified: 0 },
      }),
    );
    const result = await (await t.as(officer)).gql(OFFICER_DASHBOARD);
    expect(result.errors).toBeUndefined();
    const [latest] = result.data?.officerDashboard.workingGroupActivity ?? [];
    expect([latest.type, latest.actor.name, latest.meeting?.title]).toEqual([
      'minutes.publish',
      colleague.name,
      'AG-Sitzung mit Protokoll',
    ]);
  });
});
