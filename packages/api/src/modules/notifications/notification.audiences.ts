import { FollowState, FollowSubjectType, MembershipStatus, NotificationKind, Role } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { toGlobalId } from '../../graphql/relay';
import type { DomainEventPayloads, DomainEventType, TakenDomainEvent } from '../events';
import { initiativeAudience } from '../initiatives';
import { meetingInviteeIds, meetingSummary, minutesSummary, outcomeSummary } from '../meetings';
import { municipalityNames } from '../municipalities';
import { activeMemberMunicipalityIds } from '../network';
import { projectSummaries, projectTeamUserIds, statusUpdateText } from '../projects';
import { activeOfficerIds, activeRecipients, activeUserIdsWithRole } from '../users';
import { workingGroupAudience, workingGroupMembershipSummary } from '../working-groups';
import { NotificationThread, SUBJECT_NODE_TYPE } from './notification.entity';

/** What a notification is about: grouped by it in the inbox and digests, linked to its page. */
export type NotificationSubjectType =
  | 'PROJECT'
  | 'WORKING_GROUP'
  | 'MUNICIPALITY'
  | 'MEETING'
  | 'THREAD'
  | 'REPORT'
  | 'INITIATIVE'
  | 'ROUND';

export interface NotificationSubject {
  type: NotificationSubjectType;
  id: string;
  title: string;
}

/**
 * Who is to be told what about one event. `direct` drafts address people personally (invited,
 * assigned, mentioned) and reach them unless they muted the subject; `follower` drafts reach
 * followers and are also dropped by unfollowing.
 */
export interface NotificationDraft {
  recipientIds: string[];
  kind: NotificationKind;
  subject: NotificationSubject;
  via: 'direct' | 'follower';
  excerpt?: string | null;
  /** Where the entry leads when that is not the subject's page. */
  link?: string;
  /** Written at most once per person (reminders). */
  onceKey?: string;
}

const PAGE: Record<NotificationSubjectType, string> = {
  PROJECT: '/projekte',
  WORKING_GROUP: '/arbeitsgruppen',
  MUNICIPALITY: '/mitglieder/kommunen',
  MEETING: '/sitzungen',
  THREAD: '/diskussionen/themen',
  REPORT: '/berichte',
  INITIATIVE: '/initiativen',
  ROUND: '/initiativen/runden',
};

/** The subject's page in the web app. */
export function subjectLink(type: NotificationSubjectType, id: string): string {
  return `${PAGE[type]}/${encodeURIComponent(toGlobalId(SUBJECT_NODE_TYPE[type], id))}`;
}

/** People who chose to follow the subject (explicit rows); participants are added by the caller. */
export async function explicitFollowerIds(
  manager: EntityManager,
  type: FollowSubjectType,
  ids: (string | null)[],
): Promise<string[]> {
  const present = ids.filter((id): id is string => id !== null);
  if (!present.length) return [];
  const rows: { user_id: string }[] = await manager.query(
    `SELECT DISTINCT user_id FROM follow WHERE subject_type = $1 AND subject_id = ANY($2::uuid[]) AND state = $3`,
    [type, present, FollowState.FOLLOWING],
  );
  return rows.map((r) => r.user_id);
}

/** Marks people as following a subject they took part in, unless they already decided otherwise. */
export async function followAutomatically(
  manager: EntityManager,
  userIds: (string | null)[],
  type: FollowSubjectType,
  subjectId: string,
): Promise<void> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (!ids.length) return;
  await manager.query(
    `INSERT INTO follow (user_id, subject_type, subject_id, state)
     SELECT id, $2, $3, $4 FROM unnest($1::uuid[]) AS id
     ON CONFLICT DO NOTHING`,
    [ids, type, subjectId, FollowState.FOLLOWING],
  );
}

const BERLIN = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Berlin',
});

function meetingWhen(payload: Record<string, unknown>): string | null {
  const startsAt = payload.startsAt ? new Date(String(payload.startsAt)) : null;
  if (!startsAt || Number.isNaN(startsAt.getTime())) return null;
  const where = [payload.location, payload.onlineUrl].filter(Boolean).join(' · ');
  return `${BERLIN.format(startsAt)}${where ? ` · ${where}` : ''}`;
}

type Handler<T extends DomainEventType> = (
  manager: EntityManager,
  event: TakenDomainEvent & { payload: DomainEventPayloads[T] },
) => Promise<NotificationDraft[]>;

type Handlers = { [T in DomainEventType]?: Handler<T> };

async function projectSubject(manager: EntityManager, projectId: string | null) {
  if (!projectId) return null;
  const [project] = await projectSummaries(manager, [projectId]);
  return project ?? null;
}

/** The origin's team is told of an adoption (through adoptProject or a project form's origin). */
async function adoptionDrafts(
  manager: EntityManager,
  adoptedId: string | null,
  actorId: string | null,
): Promise<NotificationDraft[]> {
  const adopted = await projectSubject(manager, adoptedId);
  const origin = await projectSubject(manager, adopted?.originProjectId ?? null);
  if (!adopted || !origin) return [];
  const [adopter] = actorId ? await activeRecipients(manager, [actorId]) : [];
  return [
    {
      recipientIds: await projectTeamUserIds(manager, origin.id),
      kind: NotificationKind.PROJECT_ADOPTED,
      subject: { type: 'PROJECT', id: origin.id, title: origin.title },
      via: 'direct',
      // The adopted project starts as a draft the origin's team may not read: the entry leads to
      // their own project, whose page lists its adoptions once published; the text says what is
      // adapted and whom to ask (the adopter's address, as the team's own contact list would).
      excerpt: [adopted.title, adopted.adaptationNotes, adopter?.email ?? ''].filter(Boolean).join('\n'),
    },
  ];
}

const projectHandlers: Handlers = {
  async 'project.interest'(manager, event) {
    const project = await projectSubject(manager, event.subjectId);
    if (!project) return [];
    return [
      {
        recipientIds: await projectTeamUserIds(manager, project.id),
        kind: NotificationKind.PROJECT_INTEREST,
        subject: { type: 'PROJECT', id: project.id, title: project.title },
        via: 'direct',
      },
    ];
  },
  'project.originChange': (manager, event) => adoptionDrafts(manager, event.subjectId, event.actorId),
  'project.adopt': (manager, event) => adoptionDrafts(manager, event.subjectId, event.actorId),
  async 'project.statusUpdate'(manager, event) {
    const project = await projectSubject(manager, event.subjectId);
    if (!project) return [];
    const [team, followers, excerpt] = [
      await projectTeamUserIds(manager, project.id),
      [
        ...(await explicitFollowerIds(manager, FollowSubjectType.PROJECT, [project.id])),
        ...(await explicitFollowerIds(manager, FollowSubjectType.MUNICIPALITY, [project.leadMunicipalityId])),
      ],
      await statusUpdateText(manager, project.id, event.payload.statusUpdateId),
    ];
    return [
      {
        recipientIds: [...team, ...followers],
        kind: NotificationKind.PROJECT_STATUS_UPDATE,
        subject: { type: 'PROJECT', id: project.id, title: project.title },
        via: 'follower',
        excerpt,
      },
    ];
  },
  async 'project.publish'(manager, event) {
    const project = await projectSubject(manager, event.subjectId);
    if (!project) return [];
    const group = project.workingGroupId ? await workingGroupAudience(manager, project.workingGroupId) : null;
    return [
      {
        recipientIds: [
          ...(await explicitFollowerIds(manager, FollowSubjectType.MUNICIPALITY, [
            project.leadMunicipalityId,
          ])),
          ...(await explicitFollowerIds(manager, FollowSubjectType.WORKING_GROUP, [project.workingGroupId])),
          ...(group?.memberIds ?? []),
        ],
        kind: NotificationKind.PROJECT_PUBLISHED,
        subject: { type: 'PROJECT', id: project.id, title: project.title },
        via: 'follower',
      },
    ];
  },
};

async function meetingDraft(
  manager: EntityManager,
  meetingId: string | null,
  kind: NotificationKind,
  excerpt: string | null = null,
): Promise<NotificationDraft[]> {
  const meeting = meetingId ? await meetingSummary(manager, meetingId) : null;
  if (!meeting) return [];
  return [
    {
      recipientIds: await meetingInviteeIds(manager, meeting.id),
      kind,
      subject: { type: 'MEETING', id: meeting.id, title: meeting.title },
      via: 'direct',
      excerpt,
    },
  ];
}

const meetingHandlers: Handlers = {
  async 'meeting.invite'(manager, event) {
    const meeting = event.subjectId ? await meetingSummary(manager, event.subjectId) : null;
    if (!meeting) return [];
    return [
      {
        recipientIds: event.payload.invited,
        kind: NotificationKind.MEETING_INVITED,
        subject: { type: 'MEETING', id: meeting.id, title: meeting.title },
        via: 'direct',
      },
    ];
  },
  'meeting.update': (manager, event) =>
    meetingDraft(manager, event.subjectId, NotificationKind.MEETING_CHANGED, meetingWhen(event.payload)),
  'meeting.cancel': (manager, event) =>
    meetingDraft(manager, event.subjectId, NotificationKind.MEETING_CANCELLED),
  async 'minutes.submit'(manager, event) {
    const minutes = event.subjectId ? await minutesSummary(manager, event.subjectId) : null;
    const meeting = minutes ? await meetingSummary(manager, minutes.meetingId) : null;
    if (!meeting) return [];
    const group = meeting.workingGroupId ? await workingGroupAudience(manager, meeting.workingGroupId) : null;
    return [
      {
        // Those who may approve: coordinators and the group's leads (never the submitter: the actor).
        recipientIds: [
          ...(await activeUserIdsWithRole(manager, [Role.COORDINATOR])),
          ...(group?.leadIds ?? []),
        ],
        kind: NotificationKind.MINUTES_SUBMITTED,
        subject: { type: 'MEETING', id: meeting.id, title: meeting.title },
        via: 'direct',
      },
    ];
  },
  async 'minutes.publish'(manager, event) {
    const minutes = event.subjectId ? await minutesSummary(manager, event.subjectId) : null;
    return meetingDraft(manager, minutes?.meetingId ?? null, NotificationKind.MINUTES_PUBLISHED);
  },
  async 'outcome.create'(manager, event) {
    const outcome = event.subjectId ? await outcomeSummary(manager, event.subjectId) : null;
    if (outcome?.kind !== 'ACTION_ITEM') return [];
    const owners = outcome.ownerUserId
      ? [outcome.ownerUserId]
      : await activeOfficerIds(manager, outcome.ownerMunicipalityId ? [outcome.ownerMunicipalityId] : []);
    return [
      {
        recipientIds: owners,
        kind: NotificationKind.ACTION_ITEM_ASSIGNED,
        subject: { type: 'MEETING', id: outcome.meetingId, title: outcome.meetingTitle },
        via: 'direct',
        excerpt: actionItemText(outcome),
      },
    ];
  },
};

/** An action item as its notification's text: title, due date, description. */
export function actionItemText(item: { title: string; description: string; dueDate: string | null }): string {
  const due = item.dueDate ? ` (${item.dueDate.split('-').reverse().join('.')})` : '';
  return [`${item.title}${due}`, item.description].filter(Boolean).join('\n');
}

const MEMBERSHIP_KIND: Partial<Record<MembershipStatus, NotificationKind>> = {
  [MembershipStatus.INVITED]: NotificationKind.MEMBERSHIP_INVITED,
  [MembershipStatus.APPLIED]: NotificationKind.MEMBERSHIP_APPLIED,
  [MembershipStatus.ACTIVE]: NotificationKind.MEMBERSHIP_ACCEPTED,
  [MembershipStatus.SUSPENDED]: NotificationKind.MEMBERSHIP_ENDED,
  [MembershipStatus.LEFT]: NotificationKind.MEMBERSHIP_ENDED,
};

const networkHandlers: Handlers = {
  async 'membership.status'(manager, event) {
    const { status, municipalityId } = event.payload;
    const kind = MEMBERSHIP_KIND[status as MembershipStatus];
    const name = (await municipalityNames(manager, [municipalityId])).get(municipalityId);
    if (!kind || !name) return [];
    const officers = await activeOfficerIds(manager, [municipalityId]);
    const coordinators = await activeUserIdsWithRole(manager, [Role.COORDINATOR]);
    const subject: NotificationSubject = { type: 'MUNICIPALITY', id: municipalityId, title: name };
    const recipients: Record<NotificationKind, string[]> = {
      ...({} as Record<NotificationKind, string[]>),
      [NotificationKind.MEMBERSHIP_INVITED]: officers,
      [NotificationKind.MEMBERSHIP_APPLIED]: coordinators,
      [NotificationKind.MEMBERSHIP_ACCEPTED]: officers,
      [NotificationKind.MEMBERSHIP_ENDED]: [...officers, ...coordinators],
    };
    const followers = await explicitFollowerIds(manager, FollowSubjectType.MUNICIPALITY, [municipalityId]);
    return [
      { recipientIds: recipients[kind], kind, subject, via: 'direct' },
      { recipientIds: followers, kind, subject, via: 'follower' },
    ];
  },
};

async function groupDecision(
  manager: EntityManager,
  membershipId: string | null,
  kind: NotificationKind,
): Promise<NotificationDraft[]> {
  const membership = membershipId ? await workingGroupMembershipSummary(manager, membershipId) : null;
  const group = membership ? await workingGroupAudience(manager, membership.workingGroupId) : null;
  if (!membership || !group) return [];
  return [
    {
      recipientIds: [membership.userId],
      kind,
      subject: { type: 'WORKING_GROUP', id: membership.workingGroupId, title: group.name },
      via: 'direct',
    },
  ];
}

const workingGroupHandlers: Handlers = {
  async 'workingGroupMembership.request'(manager, event) {
    const membership = event.subjectId ? await workingGroupMembershipSummary(manager, event.subjectId) : null;
    const group = membership ? await workingGroupAudience(manager, membership.workingGroupId) : null;
    if (!membership || !group) return [];
    return [
      {
        recipientIds: group.leadIds,
        kind: NotificationKind.GROUP_JOIN_REQUESTED,
        subject: { type: 'WORKING_GROUP', id: membership.workingGroupId, title: group.name },
        via: 'direct',
      },
    ];
  },
  'workingGroupMembership.accept': (manager, event) =>
    groupDecision(manager, event.subjectId, NotificationKind.GROUP_JOIN_ACCEPTED),
  'workingGroupMembership.decline': (manager, event) =>
    groupDecision(manager, event.subjectId, NotificationKind.GROUP_JOIN_DECLINED),
};

/** Followers of what a thread is attached to: a group's members, a project's team, a meeting's invitees. */
async function threadSubjectFollowers(
  manager: EntityManager,
  subjectType: string,
  subjectId: string | null,
): Promise<string[]> {
  if (!subjectId) return [];
  if (subjectType === 'WORKING_GROUP') {
    const group = await workingGroupAudience(manager, subjectId);
    return [
      ...(group?.memberIds ?? []),
      ...(await explicitFollowerIds(manager, FollowSubjectType.WORKING_GROUP, [subjectId])),
    ];
  }
  if (subjectType === 'PROJECT') {
    return [
      ...(await projectTeamUserIds(manager, subjectId)),
      ...(await explicitFollowerIds(manager, FollowSubjectType.PROJECT, [subjectId])),
    ];
  }
  if (subjectType === 'MEETING') return meetingInviteeIds(manager, subjectId);
  return [];
}

const discussionHandlers: Handlers = {
  async 'discussion.threadCreate'(manager, event) {
    const { threadId, title, subjectType, subjectId } = event.payload;
    await manager.upsert(
      NotificationThread,
      { threadId, title: title.slice(0, 300), subjectType, subjectId },
      ['threadId'],
    );
    await followAutomatically(manager, [event.actorId], FollowSubjectType.THREAD, threadId);
    return [
      {
        recipientIds: await threadSubjectFollowers(manager, subjectType, subjectId),
        kind: NotificationKind.THREAD_CREATED,
        subject: { type: 'THREAD', id: threadId, title },
        via: 'follower',
      },
    ];
  },
  async 'discussion.postCreate'(manager, event) {
    const post = event.payload;
    const thread = await manager.findOneBy(NotificationThread, { threadId: post.threadId });
    const subject: NotificationSubject = {
      type: 'THREAD',
      id: post.threadId,
      title: thread?.title ?? post.excerpt.slice(0, 80),
    };
    // Followers are read before the author and the mentioned join them (they hear of this post as such).
    const followers = await explicitFollowerIds(manager, FollowSubjectType.THREAD, [post.threadId]);
    await followAutomatically(
      manager,
      [event.actorId, ...post.mentionedUserIds],
      FollowSubjectType.THREAD,
      post.threadId,
    );
    const shared = { subject, excerpt: post.excerpt };
    // In order of precedence: a person mentioned and followed hears of the mention only.
    return [
      { ...shared, recipientIds: post.mentionedUserIds, kind: NotificationKind.MENTION, via: 'direct' },
      {
        ...shared,
        recipientIds: await activeOfficerIds(manager, post.mentionedMunicipalityIds),
        kind: NotificationKind.MENTION,
        via: 'direct',
      },
      {
        ...shared,
        recipientIds: post.replyToAuthorId ? [post.replyToAuthorId] : [],
        kind: NotificationKind.POST_REPLY,
        via: 'direct',
      },
      { ...shared, recipientIds: followers, kind: NotificationKind.POST_IN_FOLLOWED_THREAD, via: 'follower' },
    ];
  },
};

const reportHandlers: Handlers = {
  async 'progressReport.publish'(manager, event) {
    return [
      {
        recipientIds: await activeUserIdsWithRole(manager, [Role.MINISTRY, Role.OFFICER]),
        kind: NotificationKind.REPORT_PUBLISHED,
        subject: { type: 'REPORT', id: event.payload.reportId, title: event.payload.title },
        via: 'direct',
      },
    ];
  },
};

/** The proposers of the initiatives and the officers of the municipalities supporting them. */
async function proposersAndSupporters(manager: EntityManager, initiativeIds: string[]): Promise<string[]> {
  const audiences = await initiativeAudience(manager, initiativeIds);
  const proposers = audiences.flatMap((a) => (a.proposedById ? [a.proposedById] : []));
  const supporters = await activeOfficerIds(manager, [
    ...new Set(audiences.flatMap((a) => a.supporterMunicipalityIds)),
  ]);
  return [...proposers, ...supporters];
}

const initiativeHandlers: Handlers = {
  async 'initiative.support'(manager, event) {
    const [initiative] = await initiativeAudience(manager, event.subjectId ? [event.subjectId] : []);
    if (!initiative?.proposedById) return [];
    return [
      {
        recipientIds: [initiative.proposedById],
        kind: NotificationKind.INITIATIVE_SUPPORTED,
        subject: { type: 'INITIATIVE', id: initiative.id, title: initiative.title },
        via: 'direct',
      },
    ];
  },
  async 'initiative.roundOpen'(manager, event) {
    if (!event.subjectId) return [];
    return [
      {
        recipientIds: await activeOfficerIds(manager, await activeMemberMunicipalityIds(manager)),
        kind: NotificationKind.INITIATIVE_ROUND_OPENED,
        subject: { type: 'ROUND', id: event.subjectId, title: event.payload.title },
        via: 'direct',
      },
    ];
  },
  async 'initiative.roundClose'(manager, event) {
    if (!event.subjectId) return [];
    return [
      {
        recipientIds: await proposersAndSupporters(manager, event.payload.initiativeIds),
        kind: NotificationKind.INITIATIVE_ROUND_RESULT,
        subject: { type: 'ROUND', id: event.subjectId, title: event.payload.title },
        via: 'direct',
      },
    ];
  },
  async 'initiative.decide'(manager, event) {
    if (!event.subjectId) return [];
    return [
      {
        recipientIds: await proposersAndSupporters(manager, [event.subjectId]),
        kind: NotificationKind.INITIATIVE_DECIDED,
        subject: { type: 'INITIATIVE', id: event.subjectId, title: event.payload.title },
        via: 'direct',
        excerpt: event.payload.reason,
      },
    ];
  },
  async 'initiative.pilotConfirm'(manager, event) {
    if (!event.subjectId) return [];
    const officers = await activeOfficerIds(manager, [event.payload.municipalityId]);
    return [
      {
        recipientIds: [...(event.payload.appliedById ? [event.payload.appliedById] : []), ...officers],
        kind: NotificationKind.INITIATIVE_PILOT_CONFIRMED,
        subject: { type: 'INITIATIVE', id: event.subjectId, title: event.payload.title },
        via: 'direct',
      },
    ];
  },
};

const handlers: Handlers = {
  ...initiativeHandlers,
  ...projectHandlers,
  ...meetingHandlers,
  ...networkHandlers,
  ...workingGroupHandlers,
  ...discussionHandlers,
  ...reportHandlers,
};

/** The drafts for one event; none for events nobody is told of (sign-ins, edits, the audit-only ones). */
export function draftsFor(manager: EntityManager, event: TakenDomainEvent): Promise<NotificationDraft[]> {
  const handler = handlers[event.type] as Handler<DomainEventType> | undefined;
  return handler ? handler(manager, event as TakenDomainEvent & { payload: never }) : Promise.resolve([]);
}
