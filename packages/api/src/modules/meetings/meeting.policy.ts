import { MeetingKind, MinutesStatus } from '@hub/shared';
import type { Actor, SqlFilter, ViewerSql } from '../../policy/policy';
import { definePolicy, everything, nothing } from '../../policy/policy';
import { isCoordinator, isMinistry, isNetworkMember, isOfficer } from '../users';
import type { Meeting, MeetingInvitation, MeetingMinutes, Outcome } from './meeting.entity';

/**
 * A meeting with what the rules look at: the active leads of its working group (none without a
 * group) and its minutes (null until started).
 */
export interface MeetingState {
  meeting: Meeting;
  groupLeadIds: readonly string[];
  minutes: MeetingMinutes | null;
}

const leads = (actor: Actor, groupLeadIds: readonly string[]) =>
  actor !== null && groupLeadIds.includes(actor.id);

/** Edit, cancel, agenda, invitations, attendance, drafting and submitting minutes, outcomes. */
const manage = (actor: Actor, { meeting, groupLeadIds }: MeetingState) =>
  actor !== null &&
  (isCoordinator(actor) ||
    meeting.organizerId === actor.id ||
    (meeting.workingGroupId !== null && leads(actor, groupLeadIds)));

/** Approving and publishing minutes: coordinators or a lead of the group. */
const approveFor = (actor: Actor, { meeting, groupLeadIds }: MeetingState) =>
  isCoordinator(actor) || (meeting.workingGroupId !== null && leads(actor, groupLeadIds));

/** Approving needs a second person: never the one who submitted the minutes. */
const approveMinutes = (actor: Actor, state: MeetingState) =>
  approveFor(actor, state) && state.minutes?.submittedById !== actor?.id;

const statusOf = ({ minutes }: MeetingState) => minutes?.status ?? null;

/**
 * Who may see and do what with meetings, invitations, minutes and outcomes. Coordinators run
 * every meeting; a group's leads run their group's meetings; the organiser runs their own.
 * Approving minutes takes a second person: never the one who submitted them. The actions ending
 * in `Now` also look at the meeting's state (cancelled, minutes' status): what the screens offer.
 */
export const meetingPolicy = definePolicy<{
  /** Meetings, their agendas and lists of them: every signed-in person. */
  read: undefined;
  /** Participation figures across the network: coordinators and the ministry. */
  readParticipation: undefined;
  /** Coordinators plan any meeting; leads plan their own group's meetings; an archived group none. */
  create: { kind: MeetingKind; groupLeadIds: readonly string[]; groupArchived: boolean };
  /**
   * Offered the planning page at all: coordinators, and officers (the only ones who lead groups),
   * who plan there the meetings of the groups they lead (`create` decides per group).
   */
  plan: undefined;
  manage: MeetingState;
  /** Names and answers of the invited: the network's members (not the ministry: personal data). */
  readInvitations: undefined;
  respond: { invitation: MeetingInvitation };
  /** Unpublished minutes (and their outcomes): those who run or approve the meeting. */
  readDraftMinutes: MeetingState;
  /** Published minutes: every signed-in person. */
  readPublishedMinutes: undefined;
  draftMinutes: MeetingState;
  approveFor: MeetingState;
  approveMinutes: MeetingState;
  publishMinutes: MeetingState;
  /** Owners move their own action items along; so do those who run the meeting. */
  updateActionItem: MeetingState & { item: Outcome };
  manageNow: MeetingState;
  respondNow: { meeting: Meeting; invitation: MeetingInvitation | null };
  editMinutesNow: MeetingState;
  submitMinutesNow: MeetingState;
  approveMinutesNow: MeetingState;
  publishMinutesNow: MeetingState;
  correctMinutesNow: MeetingState;
}>({
  /** `meetingReadFilter` is the same rule in SQL. */
  read: (actor) => actor !== null,
  readParticipation: (actor) => isCoordinator(actor) || isMinistry(actor),
  create: (actor, { kind, groupLeadIds, groupArchived }) =>
    !groupArchived &&
    (isCoordinator(actor) || (kind === MeetingKind.WORKING_GROUP && leads(actor, groupLeadIds))),
  plan: (actor) => isCoordinator(actor) || isOfficer(actor),
  manage,
  readInvitations: (actor) => isNetworkMember(actor),
  respond: (actor, { invitation }) => actor !== null && invitation.userId === actor.id,
  readDraftMinutes: (actor, state) => manage(actor, state) || approveFor(actor, state),
  readPublishedMinutes: (actor) => actor !== null,
  draftMinutes: manage,
  approveFor,
  approveMinutes,
  publishMinutes: approveFor,
  updateActionItem: (actor, { item, ...state }) =>
    actor !== null &&
    (manage(actor, state) ||
      item.ownerUserId === actor.id ||
      (actor.municipalityId !== null && item.ownerMunicipalityId === actor.municipalityId)),
  manageNow: (actor, state) => manage(actor, state) && !state.meeting.cancelled,
  respondNow: (actor, { meeting, invitation }) =>
    invitation !== null &&
    invitation.userId === actor?.id &&
    !meeting.cancelled &&
    meeting.endsAt.getTime() > Date.now(),
  editMinutesNow: (actor, state) =>
    manage(actor, state) &&
    !state.meeting.cancelled &&
    (statusOf(state) === null || statusOf(state) === MinutesStatus.DRAFT),
  submitMinutesNow: (actor, state) => manage(actor, state) && statusOf(state) === MinutesStatus.DRAFT,
  approveMinutesNow: (actor, state) =>
    statusOf(state) === MinutesStatus.SUBMITTED && approveMinutes(actor, state),
  publishMinutesNow: (actor, state) => statusOf(state) === MinutesStatus.APPROVED && approveFor(actor, state),
  /** Published minutes are corrected in a new revision, never edited in place. */
  correctMinutesNow: (actor, state) => statusOf(state) === MinutesStatus.PUBLISHED && manage(actor, state),
});

/** `meetingPolicy.can(actor, 'read')` in SQL: every meeting for signed-in people, none for the public. */
export function meetingReadFilter(actor: Actor): SqlFilter {
  return meetingPolicy.can(actor, 'read') ? everything : nothing;
}

/** `meetingPolicy.can(actor, 'read')` in SQL for a signed-in viewer (SQL expressions): every meeting. */
export function meetingReadableSql(meetingId: string, _viewer: ViewerSql): string {
  return `EXISTS (SELECT 1 FROM meeting rm WHERE rm.id = ${meetingId})`;
}
