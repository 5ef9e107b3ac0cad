import { MeetingKind, Role } from '@hub/shared';
import type { ViewerSql } from '../auth/viewer';
import { isNetworkMember } from '../auth/viewer';
import type { User } from '../users/user.entity';
import type { Meeting, MeetingInvitation, MeetingMinutes, Outcome } from './meeting.entity';

/** The signed-in person with the working groups they lead: all the policy needs. */
export interface MeetingActor {
  viewer: User;
  ledGroupIds: readonly string[];
}

// Not the type guard of auth/viewer: its false branch would narrow a User to never.
const isCoordinator = (viewer: User): boolean => viewer.role === Role.COORDINATOR;

const leads = (actor: MeetingActor, groupId: string | null): boolean =>
  groupId !== null && actor.ledGroupIds.includes(groupId);

/**
 * Who may see and do what with meetings, invitations, minutes and outcomes. Coordinators run
 * every meeting; a group's leads run their group's meetings; the organiser runs their own.
 * Approving minutes takes a second person: never the one who submitted them.
 */
export const meetingPolicy = {
  /** Meetings and their agendas: every signed-in person (officers, coordinators, the ministry). */
  canRead(actor: MeetingActor | null, _meeting: Meeting): boolean {
    return actor !== null;
  },

  /** Lists of meetings (a municipality's, a group's): the same people as single meetings. */
  canList(viewer: User | null): boolean {
    return viewer !== null;
  },

  /** Participation figures across the network: coordinators and the ministry. */
  canReadParticipation(viewer: User | null): boolean {
    return viewer?.role === Role.COORDINATOR || viewer?.role === Role.MINISTRY;
  },

  /** Coordinators plan any meeting; leads plan their own group's meetings. */
  canCreate(actor: MeetingActor | null, kind: MeetingKind, workingGroupId: string | null): boolean {
    if (!actor) return false;
    if (isCoordinator(actor.viewer)) return true;
    return kind === MeetingKind.WORKING_GROUP && leads(actor, workingGroupId);
  },

  /** Edit, cancel, agenda, invitations, attendance, drafting and submitting minutes, outcomes. */
  canManage(actor: MeetingActor | null, meeting: Meeting): boolean {
    if (!actor) return false;
    return (
      isCoordinator(actor.viewer) ||
      meeting.organizerId === actor.viewer.id ||
      leads(actor, meeting.workingGroupId)
    );
  },

  /** Names and answers of the invited: the network's members (not the ministry: personal data). */
  canReadInvitations(actor: MeetingActor | null, _meeting: Meeting): boolean {
    return actor !== null && isNetworkMember(actor.viewer);
  },

  canRespond(actor: MeetingActor | null, invitation: MeetingInvitation): boolean {
    return actor !== null && invitation.userId === actor.viewer.id;
  },

  /** Unpublished minutes (and their outcomes): those who run or approve the meeting. */
  canReadDraftMinutes(actor: MeetingActor | null, meeting: Meeting): boolean {
    return this.canManage(actor, meeting) || this.mayApproveFor(actor, meeting);
  },

  /** Published minutes: every signed-in person. */
  canReadPublishedMinutes(actor: MeetingActor | null, _meeting: Meeting): boolean {
    return actor !== null;
  },

  /** Drafting, editing and submitting minutes: those who run the meeting. */
  canDraftMinutes(actor: MeetingActor | null, meeting: Meeting): boolean {
    return this.canManage(actor, meeting);
  },

  /**
   * Approving: coordinators or a lead of the group, never the person who submitted them. The
   * service reports the submitter's own attempt as a user error, so this takes the minutes too.
   */
  canApproveMinutes(actor: MeetingActor | null, meeting: Meeting, minutes: MeetingMinutes | null): boolean {
    return this.mayApproveFor(actor, meeting) && minutes?.submittedById !== actor?.viewer.id;
  },

  canPublishMinutes(actor: MeetingActor | null, meeting: Meeting): boolean {
    return this.mayApproveFor(actor, meeting);
  },

  /** Owners move their own action items along; so do those who run the meeting. */
  canUpdateActionItem(actor: MeetingActor | null, meeting: Meeting, item: Outcome): boolean {
    if (!actor) return false;
    if (this.canManage(actor, meeting)) return true;
    const { viewer } = actor;
    return (
      item.ownerUserId === viewer.id ||
      (viewer.municipalityId !== null && item.ownerMunicipalityId === viewer.municipalityId)
    );
  },

  mayApproveFor(actor: MeetingActor | null, meeting: Meeting): boolean {
    if (!actor) return false;
    return isCoordinator(actor.viewer) || leads(actor, meeting.workingGroupId);
  },
};

/** `meetingPolicy.canRead` in SQL for a signed-in viewer: every meeting (the id is checked for form's sake). */
export function meetingReadableSql(meetingId: string, _viewer: ViewerSql): string {
  return `EXISTS (SELECT 1 FROM meeting rm WHERE rm.id = ${meetingId})`;
}
