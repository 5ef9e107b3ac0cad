import { FollowState, MunicipalityKind, ProjectStatus, Role, ThreadSubjectType } from '@hub/shared';
import { Outcome } from '../../packages/api/src/modules/meetings/meeting.entity';
import { recountNotifications, remindOfActionItems } from '../../packages/api/src/modules/notifications';
import {
  can,
  readableNotificationsSql,
} from '../../packages/api/src/modules/notifications/notification.policy';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildForumCategory, buildThread } from '../support/discussion-factories';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting, buildWorkingGroup, invite } from '../support/meeting-factories';
import { consume, emit, notificationsOf } from '../support/notification-helpers';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let kl: string;
let cochem: string;
let mainz: string;

beforeAll(async () => {
  t = await startTestApp();
  kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
  cochem = (await municipality(t.dataSource, 'Landkreis Cochem-Zell', MunicipalityKind.LANDKREIS)).id;
  mainz = (await municipality(t.dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT)).id;
});
afterAll(() => t.close());

const INBOX = `query($first: Int, $after: String) {
  unreadNotificationCount
  notifications(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind type subjectTitle actorName excerpt link readAt createdAt } }
  } }`;
const MARK = `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { unreadCount readAt userErrors { code } } }`;
const ADOPT = `mutation($input: AdoptProjectInput!) { adoptProject(input: $input) { project { id } userErrors { code message } } }`;
const STATUS = `mutation($input: PostStatusUpdateInput!) { postProjectStatusUpdate(input: $input) { userErrors { code message } } }`;
const FOLLOW = `mutation($input: SetFollowStateInput!) { setFollowState(input: $input) { follow { state automatic } userErrors { code } } }`;
const FOLLOW_STATE = `query($id: ID!) { followState(subjectId: $id) { state automatic viewerCanFollow } }`;

describe('who is told what', () => {
  it("tells the origin's team of an adoption (not the adopter), in the inbox with the count, and marks read", async () => {
    const klOfficer = await buildUser(t.dataSource, { municipalityId: kl, name: 'Kai Lauter' });
    const klColleague = await buildUser(t.dataSource, { municipalityId: kl });
    const cochemOfficer = await buildUser(t.dataSource, { municipalityId: cochem, name: 'Carla Zell' });
    const origin = await buildProject(t.dataSource, { leadMunicipalityId: kl, title: 'Parkraum-App' });
    const adopter = await t.as(cochemOfficer);
    const adopted = await adopter.gql(ADOPT, {
      input: { projectId: gid('Project', origin.id), title: 'Parkraum Cochem', adaptations: 'Moselufer' },
    });
    expect(adopted.data?.adoptProject.userErrors).toEqual([]);
    await consume(t.dataSource);

    expect(await notificationsOf(t.dataSource, cochemOfficer.id)).toEqual([]);
    const client = await t.as(klOfficer);
    const inbox = await client.gql(INBOX);
    expect(inbox.data?.unreadNotificationCount).toBe(1);
    expect(inbox.data?.notifications.edges[0].node).toMatchObject({
      kind: 'PROJECT_ADOPTED',
      type: 'PROJECT_REUSE',
      subjectTitle: 'Parkraum-App',
      actorName: 'Carla Zell (Landkreis Cochem-Zell)',
      // What is adapted, and whom to ask (the old separate adoption mail said so; now this does).
      excerpt: `Parkraum Cochem\nMoselufer\n${cochemOfficer.email}`,
      link: `/projekte/${gid('Project', origin.id)}`,
      readAt: null,
    });
    expect((await notificationsOf(t.dataSource, klColleague.id)).map((n) => n.kind)).toEqual([
      'PROJECT_ADOPTED',
    ]);

    const marked = await client.gql(MARK, { input: { ids: [inbox.data?.notifications.edges[0].node.id] } });
    expect(marked.data?.markNotificationsRead).toEqual({
      unreadCount: 0,
      readAt: expect.any(String),
      userErrors: [],
    });
    // The answer carries the moment stored on the notification: the inbox's cache follows from it.
    const reread = await client.gql(INBOX);
    expect(reread.data?.notifications.edges[0].node.readAt).toBe(marked.data?.markNotificationsRead.readAt);
    // Someone else's notification cannot be marked: the colleague's stays unread.
    const colleague = await t.as(klColleague);
    expect((await colleague.gql(INBOX)).data?.unreadNotificationCount).toBe(1);
    const all = await colleague.gql(MARK, { input: { all: true } });
    expect(all.data?.markNotificationsRead.unreadCount).toBe(0);
    const none = await colleague.gql(MARK, { input: {} });
    expect(none.data?.markNotificationsRead).toMatchObject({
      readAt: null,
      userErrors: [{ code: 'VALIDATION' }],
    });
  });

  it('tells followers and the team of a status update with its text; unfollowing and muting silence it', async () => {
    const author = await buildUser(t.dataSource, { municipalityId: mainz });
    const teamMate = await buildUser(t.dataSource, { municipalityId: mainz });
    const mutedMate = await buildUser(t.dataSource, { municipalityId: mainz });
    const follower = await buildUser(t.dataSource, { municipalityId: kl });
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const bystander = await buildUser(t.dataSource, { municipalityId: kl });
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: mainz,
      title: 'Kita-Portal Mainz',
    });
    const projectId = gid('Project', project.id);

    const mate = await t.as(teamMate);
    expect((await mate.gql(FOLLOW_STATE, { id: projectId })).data?.followState).toEqual({
      state: 'FOLLOWING',
      automatic: true,
      viewerCanFollow: true,
    });
    for (const [user, state] of [
      [follower, FollowState.FOLLOWING],
      [ministry, FollowState.FOLLOWING],
      [mutedMate, FollowState.MUTED],
    ] as [User, FollowState][]) {
      const result = await (await t.as(user)).gql(FOLLOW, { input: { subjectId: projectId, state } });
      expect(result.data?.setFollowState).toMatchObject({ follow: { state }, userErrors: [] });
    }
    const posted = await (await t.as(author)).gql(STATUS, {
      input: {
        projectId,
        phase: 'ROLLOUT',
        progressPercent: 60,
        reportedOn: '2026-11-30',
        text: 'Zwölf Kitas sind angeschlossen.',
      },
    });
    expect(posted.data?.postProjectStatusUpdate.userErrors).toEqual([]);
    await consume(t.dataSource);

    for (const user of [teamMate, follower, ministry]) {
      expect(await notificationsOf(t.dataSource, user.id)).toEqual([
        expect.objectContaining({
          kind: 'PROJECT_STATUS_UPDATE',
          excerpt: 'Zwölf Kitas sind angeschlossen.',
          email_due: 'DAILY',
        }),
      ]);
    }
    for (const user of [author, mutedMate, bystander])
      expect(await notificationsOf(t.dataSource, user.id)).toEqual([]);

    await mate.gql(FOLLOW, { input: { subjectId: projectId, state: FollowState.NOT_FOLLOWING } });
    await (await t.as(author)).gql(STATUS, {
      input: {
        projectId,
        phase: 'ROLLOUT',
        progressPercent: 70,
        reportedOn: '2026-12-01',
        text: 'Weitere Kitas.',
      },
    });
    await consume(t.dataSource);
    expect(await notificationsOf(t.dataSource, teamMate.id)).toHaveLength(1);
    expect(await notificationsOf(t.dataSource, follower.id)).toHaveLength(2);
  });

  it('does not let the ministry follow a draft project (NOT_FOUND), nor anyone a made-up subject', async () => {
    const ministry = await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY }));
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: mainz,
      status: ProjectStatus.DRAFT,
    });
    const refused = await ministry.gql(FOLLOW, {
      input: { subjectId: gid('Project', draft.id), state: 'FOLLOWING' },
    });
    expect(refused.data?.setFollowState).toEqual({ follow: null, userErrors: [{ code: 'NOT_FOUND' }] });
    expect((await ministry.gql(FOLLOW_STATE, { id: gid('Project', draft.id) })).data?.followState).toBeNull();
    const bogus = await ministry.gql(FOLLOW, { input: { subjectId: 'bm9wZQ', state: 'FOLLOWING' } });
    expect(bogus.data?.setFollowState.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const anonymous = await t
      .client()
      .gql(FOLLOW, { input: { subjectId: gid('Project', draft.id), state: 'FOLLOWING' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tells invitees of invitations, changes and cancellations, approvers of submitted minutes, invitees of published ones', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const otherCoordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const lead = await buildUser(t.dataSource);
    const guest = await buildUser(t.dataSource, { municipalityId: cochem });
    const group = await buildWorkingGroup(t.dataSource, { leads: [lead], members: [] });
    const meeting = await buildMeeting(t.dataSource, {
      title: 'AG Mobilität',
      workingGroupId: group.id,
      kind: 'WORKING_GROUP' as never,
    });
    await invite(t.dataSource, meeting, [lead, guest]);
    const base = { actorId: coordinator.id, subjectType: 'Meeting', subjectId: meeting.id };
    await emit(t.dataSource, { ...base, type: 'meeting.invite', payload: { invited: [lead.id, guest.id] } });
    await emit(t.dataSource, {
      ...base,
      type: 'meeting.update',
      payload: { startsAt: new Date('2027-01-12T09:00:00Z'), location: 'Mainz, Staatskanzlei' },
    });
    await emit(t.dataSource, { ...base, type: 'meeting.cancel', payload: { cancelled: true } });
    const [minutes] = await t.dataSource.query(
      `INSERT INTO meeting_minutes (meeting_id, submitted_by_id) VALUES ($1, $2) RETURNING id`,
      [meeting.id, lead.id],
    );
    await emit(t.dataSource, {
      actorId: lead.id,
      subjectType: 'MeetingMinutes',
      subjectId: minutes.id,
      type: 'minutes.submit',
      payload: { status: 'SUBMITTED' },
    });
    await emit(t.dataSource, {
      actorId: coordinator.id,
      subjectType: 'MeetingMinutes',
      subjectId: minutes.id,
      type: 'minutes.publish',
      payload: { revision: 1, notified: 2 },
    });
    await consume(t.dataSource);

    expect((await notificationsOf(t.dataSource, guest.id)).map((n) => n.kind).sort()).toEqual([
      'MEETING_CANCELLED',
      'MEETING_CHANGED',
      'MEETING_INVITED',
      'MINUTES_PUBLISHED',
    ]);
    const changed = (await notificationsOf(t.dataSource, guest.id)).find((n) => n.kind === 'MEETING_CHANGED');
    expect(changed?.excerpt).toBe('12.01.2027, 10:00 · Mainz, Staatskanzlei');
    // The submitter is the actor: the other approvers hear of it.
    expect((await notificationsOf(t.dataSource, lead.id)).map((n) => n.kind)).not.toContain(
      'MINUTES_SUBMITTED',
    );
    expect((await notificationsOf(t.dataSource, otherCoordinator.id)).map((n) => n.kind)).toEqual([
      'MINUTES_SUBMITTED',
    ]);
  });

  it('tells owners of assigned action items at once, reminds them 3 days ahead and when overdue, once', async () => {
    const organiser = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const owner = await buildUser(t.dataSource, { municipalityId: cochem });
    const meeting = await buildMeeting(t.dataSource, { title: 'Lenkungskreis', organizerId: organiser.id });
    const [agenda] = await t.dataSource.query(
      `INSERT INTO agenda_item (meeting_id, position, title) VALUES ($1, 1, 'Glasfaser') RETURNING id`,
      [meeting.id],
    );
    const item = await t.dataSource.getRepository(Outcome).save(
      t.dataSource.getRepository(Outcome).create({
        meetingId: meeting.id,
        agendaItemId: agenda.id,
        kind: 'ACTION_ITEM' as never,
        title: 'Förderantrag stellen',
        description: 'Bis Jahresende',
        ownerUserId: owner.id,
        dueDate: '2026-12-04',
        status: 'OPEN' as never,
      }),
    );
    await emit(t.dataSource, {
      actorId: organiser.id,
      subjectType: 'Outcome',
      subjectId: item.id,
      type: 'outcome.create',
      payload: { kind: 'ACTION_ITEM' },
    });
    await consume(t.dataSource);
    expect(await notificationsOf(t.dataSource, owner.id)).toEqual([
      expect.objectContaining({
        kind: 'ACTION_ITEM_ASSIGNED',
        excerpt: 'Förderantrag stellen (04.12.2026)\nBis Jahresende',
        email_due: 'IMMEDIATELY',
      }),
    ]);
    const [mail] = await t.dataSource.query(`SELECT subject, body FROM outbox_message WHERE recipient = $1`, [
      owner.email,
    ]);
    expect(mail.subject).toContain('Aufgabe aus „Lenkungskreis“');

    expect(await remindOfActionItems(t.dataSource, 'http://hub.test', new Date('2026-12-01T06:00:00Z'))).toBe(
      1,
    );
    expect(await remindOfActionItems(t.dataSource, 'http://hub.test', new Date('2026-12-01T07:00:00Z'))).toBe(
      0,
    );
    expect(await remindOfActionItems(t.dataSource, 'http://hub.test', new Date('2026-12-05T06:00:00Z'))).toBe(
      2,
    );
    expect((await notificationsOf(t.dataSource, organiser.id)).map((n) => n.kind)).toEqual([
      'ACTION_ITEM_OVERDUE',
    ]);
    expect((await notificationsOf(t.dataSource, owner.id)).map((n) => n.kind).sort()).toEqual([
      'ACTION_ITEM_ASSIGNED',
      'ACTION_ITEM_DUE_SOON',
      'ACTION_ITEM_OVERDUE',
    ]);
  });

  it('tells of network memberships and working-group join requests and decisions', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
    const trierOfficer = await buildUser(t.dataSource, { municipalityId: trier });
    const membership = { actorId: coordinator.id, subjectType: 'NetworkMembership', subjectId: null };
    await emit(t.dataSource, {
      ...membership,
      type: 'membership.status',
      payload: { status: 'INVITED', municipalityId: trier },
    });
    await emit(t.dataSource, {
      ...membership,
      actorId: trierOfficer.id,
      type: 'membership.status',
      payload: { status: 'APPLIED', municipalityId: trier },
    });
    await emit(t.dataSource, {
      ...membership,
      type: 'membership.status',
      payload: { status: 'ACTIVE', municipalityId: trier },
    });
    const lead = await buildUser(t.dataSource);
    const requester = await buildUser(t.dataSource, { municipalityId: trier, name: 'Tina Trier' });
    const group = await buildWorkingGroup(t.dataSource, { name: 'AG Open Data', leads: [lead], members: [] });
    const [request] = await t.dataSource.query(
      `INSERT INTO working_group_membership (working_group_id, user_id, role, status) VALUES ($1, $2, 'MEMBER', 'REQUESTED') RETURNING id`,
      [group.id, requester.id],
    );
    const wgm = { subjectType: 'WorkingGroupMembership', subjectId: request.id, payload: {} };
    await emit(t.dataSource, { ...wgm, actorId: requester.id, type: 'workingGroupMembership.request' });
    await emit(t.dataSource, { ...wgm, actorId: lead.id, type: 'workingGroupMembership.accept' });
    await consume(t.dataSource);

    expect((await notificationsOf(t.dataSource, trierOfficer.id)).map((n) => n.kind).sort()).toEqual([
      'MEMBERSHIP_ACCEPTED',
      'MEMBERSHIP_INVITED',
    ]);
    expect((await notificationsOf(t.dataSource, coordinator.id)).map((n) => n.kind)).toEqual([
      'MEMBERSHIP_APPLIED',
    ]);
    expect(await notificationsOf(t.dataSource, lead.id)).toEqual([
      expect.objectContaining({ kind: 'GROUP_JOIN_REQUESTED', subject_title: 'AG Open Data' }),
    ]);
    expect((await notificationsOf(t.dataSource, requester.id)).map((n) => n.kind)).toContain(
      'GROUP_JOIN_ACCEPTED',
    );
  });

  it('tells of discussions: new threads to the group, mentions before replies before followers, each once', async () => {
    const author = await buildUser(t.dataSource, { name: 'Anna Autorin' });
    const member = await buildUser(t.dataSource);
    const mentioned = await buildUser(t.dataSource, { municipalityId: cochem });
    const repliedTo = await buildUser(t.dataSource);
    const cochemColleague = await buildUser(t.dataSource, { municipalityId: cochem });
    const group = await buildWorkingGroup(t.dataSource, { leads: [author], members: [member, repliedTo] });
    // A real thread everyone signed in may read (so it can be followed); the events below are
    // written by hand and say what the handlers are to act on (a thread of the group).
    const threadId = (
      await buildThread(t.dataSource, {
        subjectType: ThreadSubjectType.FORUM,
        subjectId: (await buildForumCategory(t.dataSource)).id,
        author,
        title: 'LoRaWAN-Sensoren',
      })
    ).id;
    await emit(t.dataSource, {
      actorId: author.id,
      type: 'discussion.threadCreate',
      subjectType: 'Thread',
      subjectId: threadId,
      payload: { threadId, subjectType: 'WORKING_GROUP', subjectId: group.id, title: 'LoRaWAN-Sensoren' },
    });
    await consume(t.dataSource);
    expect((await notificationsOf(t.dataSource, member.id)).map((n) => n.kind)).toEqual(['THREAD_CREATED']);
    expect(await notificationsOf(t.dataSource, author.id)).toEqual([]);

    // repliedTo follows the thread explicitly, and is replied to: one notification, the reply.
    await (await t.as(repliedTo)).gql(FOLLOW, {
      input: { subjectId: gid('DiscussionThread', threadId), state: 'FOLLOWING' },
    });
    await (await t.as(member)).gql(FOLLOW, {
      input: { subjectId: gid('DiscussionThread', threadId), state: 'FOLLOWING' },
    });
    await emit(t.dataSource, {
      actorId: author.id,
      type: 'discussion.postCreate',
      subjectType: 'Post',
      subjectId: '7d6f4b8e-1c7e-4a8e-9a3e-0a4d3f1b2c02',
      payload: {
        threadId,
        postId: '7d6f4b8e-1c7e-4a8e-9a3e-0a4d3f1b2c02',
        subjectType: 'WORKING_GROUP',
        subjectId: group.id,
        replyToPostId: '7d6f4b8e-1c7e-4a8e-9a3e-0a4d3f1b2c03',
        replyToAuthorId: repliedTo.id,
        mentionedUserIds: [mentioned.id, author.id],
        mentionedMunicipalityIds: [cochem],
        excerpt: 'Wir testen die Sensoren ab Januar in Cochem.',
      },
    });
    await consume(t.dataSource);
    const kindOf = async (user: User) => (await notificationsOf(t.dataSource, user.id)).map((n) => n.kind);
    expect(await kindOf(mentioned)).toEqual(['MENTION']);
    expect(await kindOf(cochemColleague)).toEqual(['MENTION']);
    expect(await kindOf(repliedTo)).toEqual(['POST_REPLY', 'THREAD_CREATED']);
    expect((await kindOf(member))[0]).toBe('POST_IN_FOLLOWED_THREAD');
    expect(await kindOf(author)).toEqual([]);
    const [mention] = await notificationsOf(t.dataSource, mentioned.id);
    expect(mention).toMatchObject({
      subject_title: 'LoRaWAN-Sensoren',
      excerpt: 'Wir testen die Sensoren ab Januar in Cochem.',
      email_due: 'IMMEDIATELY',
      link: `/diskussionen/themen/${gid('DiscussionThread', threadId)}`,
    });
    // The mentioned person now follows the thread.
    const state = await (await t.as(mentioned)).gql(FOLLOW_STATE, { id: gid('DiscussionThread', threadId) });
    expect(state.data?.followState.state).toBe('FOLLOWING');
  });

  it('lets readers follow a thread by its own ID and tells followers of new posts; others cannot follow it', async () => {
    const author = await buildUser(t.dataSource, { name: 'Greta Gruppe' });
    const follower = await buildUser(t.dataSource);
    const outsider = await buildUser(t.dataSource);
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const group = await buildWorkingGroup(t.dataSource, { leads: [author], members: [follower] });
    const thread = await buildThread(t.dataSource, {
      subjectType: ThreadSubjectType.WORKING_GROUP,
      subjectId: group.id,
      author,
      title: 'Sensoren an der Mosel',
    });
    const threadGid = gid('DiscussionThread', thread.id);
    const REPLY = `mutation($input: ReplyInput!) { replyToThread(input: $input) { post { number } userErrors { code } } }`;
    const reply = async (body: string) => {
      const result = await (await t.as(author)).gql(REPLY, { input: { threadId: threadGid, body } });
      expect(result.data?.replyToThread.userErrors).toEqual([]);
      await consume(t.dataSource);
    };

    const followerClient = await t.as(follower);
    expect((await followerClient.gql(FOLLOW_STATE, { id: threadGid })).data?.followState).toEqual({
      state: 'NOT_FOLLOWING',
      automatic: false,
      viewerCanFollow: true,
    });
    expect(
      (await followerClient.gql(FOLLOW, { input: { subjectId: threadGid, state: 'FOLLOWING' } })).data,
    ).toEqual({ setFollowState: { follow: { state: 'FOLLOWING', automatic: false }, userErrors: [] } });
    await reply('Die Gateways sind bestellt.');
    expect(await notificationsOf(t.dataSource, follower.id)).toEqual([
      expect.objectContaining({
        kind: 'POST_IN_FOLLOWED_THREAD',
        excerpt: 'Die Gateways sind bestellt.',
        link: `/diskussionen/themen/${threadGid}`,
      }),
    ]);

    // Unfollowed: the next post is not news for them.
    await followerClient.gql(FOLLOW, { input: { subjectId: threadGid, state: 'NOT_FOLLOWING' } });
    await reply('Montage am Dienstag.');
    expect(await notificationsOf(t.dataSource, follower.id)).toHaveLength(1);

    // Who may not read the group's thread may not follow it either (as if it did not exist).
    for (const person of [outsider, ministry]) {
      const client = await t.as(person);
      expect((await client.gql(FOLLOW_STATE, { id: threadGid })).data?.followState).toBeNull();
      expect(
        (await client.gql(FOLLOW, { input: { subjectId: threadGid, state: 'FOLLOWING' } })).data
          ?.setFollowState,
      ).toEqual({ follow: null, userErrors: [{ code: 'NOT_FOUND' }] });
    }
    // The ministry reads and follows the forum.
    const forumThread = await buildThread(t.dataSource, {
      subjectType: ThreadSubjectType.FORUM,
      subjectId: (await buildForumCategory(t.dataSource)).id,
      author,
    });
    const forumGid = gid('DiscussionThread', forumThread.id);
    expect(
      (await (await t.as(ministry)).gql(FOLLOW, { input: { subjectId: forumGid, state: 'FOLLOWING' } })).data
        ?.setFollowState.follow,
    ).toEqual({ state: 'FOLLOWING', automatic: false });
    expect((await t.client().gql(FOLLOW_STATE, { id: forumGid })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('tells the ministry and the officers of a published progress report', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const reportId = '5b0c1d7e-2f3a-4b5c-8d9e-0f1a2b3c4d5e';
    await emit(t.dataSource, {
      actorId: coordinator.id,
      type: 'progressReport.publish',
      subjectType: 'ProgressReport',
      subjectId: reportId,
      payload: { reportId, title: 'Fortschrittsbericht 2026' },
    });
    await consume(t.dataSource);
    expect(await notificationsOf(t.dataSource, ministry.id)).toEqual([
      expect.objectContaining({ kind: 'REPORT_PUBLISHED', subject_title: 'Fortschrittsbericht 2026' }),
    ]);
    expect(await notificationsOf(t.dataSource, coordinator.id)).toEqual([]);
  });
});

describe('preferences', () => {
  const PREFS = `{ notificationPreferences { type email defaultEmail } }`;
  const SET = `mutation($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preferences { type email } userErrors { code } } }`;

  it('lists defaults (mentions and assignments at once, the rest daily) and applies a choice to new notifications', async () => {
    const officer = await buildUser(t.dataSource, { municipalityId: kl });
    const client = await t.as(officer);
    const prefs = (await client.gql(PREFS)).data?.notificationPreferences;
    expect(prefs).toEqual(
      expect.arrayContaining([
        { type: 'MENTION', email: 'IMMEDIATELY', defaultEmail: 'IMMEDIATELY' },
        { type: 'PROJECT_REUSE', email: 'DAILY', defaultEmail: 'DAILY' },
      ]),
    );
    const set = await client.gql(SET, { input: { type: 'PROJECT_REUSE', email: 'NEVER' } });
    expect(set.data?.setNotificationPreference.preferences).toEqual(
      expect.arrayContaining([{ type: 'PROJECT_REUSE', email: 'NEVER' }]),
    );
    const bad = await client.gql(SET, { input: { type: 'PROJECT_REUSE', email: 'HOURLY' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const project = await buildProject(t.dataSource, { leadMunicipalityId: kl });
    const cochemOfficer = await buildUser(t.dataSource, { municipalityId: cochem });
    await emit(t.dataSource, {
      actorId: cochemOfficer.id,
      type: 'project.interest',
      subjectType: 'Project',
      subjectId: project.id,
      payload: { municipalityId: cochem },
    });
    await consume(t.dataSource);
    expect(await notificationsOf(t.dataSource, officer.id)).toEqual([
      expect.objectContaining({ kind: 'PROJECT_INTEREST', email_due: null }),
    ]);
  });
});

describe('the inbox', () => {
  it('costs the same SQL statements for a page of 5 and of 50, and pages by cursor', async () => {
    const reader = await buildUser(t.dataSource, { municipalityId: mainz });
    await t.dataSource.query(
      `INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, link, created_at)
       SELECT $1, 'PROJECT_INTEREST', 'PROJECT_REUSE', 'PROJECT', gen_random_uuid(), 'Projekt ' || i, '/projekte/x',
              now() - make_interval(mins => i)
         FROM generate_series(1, 60) AS i`,
      [reader.id],
    );
    await recountNotifications(t.dataSource.manager, [reader.id]);
    const client = await t.as(reader);
    const small = await client.gql(INBOX, { first: 5 });
    const large = await client.gql(INBOX, { first: 50 });
    expect(large.data?.notifications.totalCount).toBe(60);
    expect(large.statements.length).toBe(small.statements.length);
    console.log(`inbox page with unread count: ${large.statements.length} statements`);
    expect(large.statements.length).toBeLessThanOrEqual(4);
    expect(large.data?.unreadNotificationCount).toBe(60);
    const next = await client.gql(INBOX, { first: 50, after: large.data?.notifications.pageInfo.endCursor });
    const titles = [...large.data!.notifications.edges, ...next.data!.notifications.edges].map(
      (e: { node: { subjectTitle: string } }) => e.node.subjectTitle,
    );
    expect(titles).toEqual(Array.from({ length: 60 }, (_, i) => `Projekt ${i + 1}`));
  });

  it('is for signed-in people only; the count is 0 for the public', async () => {
    const anonymous = t.client();
    expect((await anonymous.gql('{ unreadNotificationCount }')).data?.unreadNotificationCount).toBe(0);
    expect((await anonymous.gql('{ notifications { totalCount } }')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('policy', () => {
  it('agrees with its SQL filter on who reads which notifications, per role', async () => {
    const people = {
      public: null,
      ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
      ownOfficer: await buildUser(t.dataSource, { municipalityId: kl }),
      otherOfficer: await buildUser(t.dataSource, { municipalityId: cochem }),
      coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    };
    const owners = [people.ministry, people.ownOfficer, people.otherOfficer, people.coordinator];
    const rows: { id: string; recipient_id: string }[] = await t.dataSource.query(
      `INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, link)
       SELECT id, 'REPORT_PUBLISHED', 'PROGRESS_REPORT', 'REPORT', gen_random_uuid(), 'Bericht', '/berichte/x'
         FROM unnest($1::uuid[]) AS id RETURNING id, recipient_id`,
      [owners.map((o) => o.id)],
    );
    for (const [role, actor] of Object.entries(people)) {
      const filter = readableNotificationsSql(actor);
      const visible = await t.dataSource
        .createQueryBuilder()
        .select('n.id', 'id')
        .from('notification', 'n')
        .where(filter.where, filter.params)
        .andWhere('n.id IN (:...ids)', { ids: rows.map((r) => r.id) })
        .getRawMany();
      const allowed = rows
        .filter((r) => can(actor, 'readInbox', { inboxOf: r.recipient_id }))
        .map((r) => r.id);
      expect({ role, ids: visible.map((v: { id: string }) => v.id).sort() }).toEqual({
        role,
        ids: allowed.sort(),
      });
      expect({ role, count: allowed.length }).toEqual({ role, count: actor ? 1 : 0 });
    }
    expect(can(people.coordinator, 'listDeliveries', { deliveries: true })).toBe(true);
    for (const actor of [people.public, people.ministry, people.ownOfficer]) {
      expect(can(actor, 'listDeliveries', { deliveries: true })).toBe(false);
    }
  });
});
