/** A record's fields as they were or became, e.g. a project's audit view. */
export type Snapshot = Record<string, unknown>;

/**
 * Every domain event type with the payload it carries: the one vocabulary of "what happened".
 * The type names are the audit trail's action names, so the audit event is derived one to one.
 */
export interface DomainEventPayloads {
  'project.create': Snapshot;
  'project.update': Snapshot;
  'project.publish': Snapshot;
  'project.unpublish': Snapshot;
  'project.milestoneDone': { milestone: string; done: boolean };
  'project.statusUpdate': {
    phase: string;
    progressPercent: number;
    reportedOn: string;
    /** The update's id (absent in events written before it was carried). */
    statusUpdateId?: string;
  };
  'project.adopt': Snapshot & { copiedCosts: boolean; notifiedPeople: number };
  /** A project created or edited with an origin (an adoption recorded on the project form). */
  'project.originChange': { originProjectId: string; notifiedPeople: number };
  'project.interest': { municipalityId: string };
  'project.interestWithdrawn': { municipalityId: string };

  'auth.signIn': null;
  'user.invite': { role: string; municipalityId: string | null };
  'user.acceptInvitation': null;
  'user.resetPassword': null;
  'user.revertEmailChange': { email: string };
  'user.updateProfile': Snapshot;
  'user.deactivate': { status: string };
  'user.reactivate': { status: string };
  'user.changeRole': { role: string; municipalityId: string | null };

  'person.erasureRequest': { requestedAt: string };
  'person.erasureRequestWithdraw': null;
  'person.erasureConfirm': { requestedAt: string };
  'person.erase': { pseudonym: string; requestedAt: string | null };
  'person.dataExport': { self: boolean };
  'auditTrail.export': { format: string; rows: number };

  'calendar_feed.create': null;
  'calendar_feed.revoke': null;

  'meeting.create': { title: string; kind: string; startsAt: Date };
  'meeting.update': Snapshot;
  'meeting.cancel': { cancelled: true };
  'meeting.delete': null;
  'meeting.invite': { invited: string[] };
  'meeting.respond': { response: string };
  'meeting.attendance': { entries: unknown[] };
  'agenda_item.create': Snapshot;
  'agenda_item.update': Snapshot;
  'agenda_item.delete': null;
  'agenda.reorder': { order: string[] };
  'minutes.save': { revision: number; length: number };
  'minutes.submit': { status: string };
  'minutes.return': { status: string };
  'minutes.approve': { status: string };
  'minutes.publish': { revision: number; notified: number };
  'minutes.correct': { revision: number };
  'outcome.create': Snapshot;
  'outcome.delete': null;
  'action_item.update': Snapshot;

  'membership.status': { status: string; municipalityId: string };

  'workingGroup.create': Snapshot;
  'workingGroup.update': Snapshot;
  'workingGroup.archive': Snapshot;
  'workingGroupMembership.request': Snapshot;
  'workingGroupMembership.accept': Snapshot;
  'workingGroupMembership.decline': Snapshot;
  'workingGroupMembership.appoint': Snapshot;
  'workingGroupMembership.appointLead': Snapshot;
  'workingGroupMembership.demoteLead': Snapshot;
  'workingGroupMembership.remove': Snapshot;
  'workingGroupMembership.leave': Snapshot;

  'discussion.threadCreate': {
    threadId: string;
    subjectType: string;
    subjectId: string | null;
    title: string;
  };
  'discussion.postCreate': {
    threadId: string;
    postId: string;
    subjectType: string;
    subjectId: string | null;
    replyToPostId: string | null;
    replyToAuthorId: string | null;
    mentionedUserIds: string[];
    mentionedMunicipalityIds: string[];
    excerpt: string;
  }; // excerpt: plain text, at most 500 chars
  'discussion.postEdit': { threadId: string; postId: string };
  'discussion.postDelete': { threadId: string; postId: string; reason: string | null };
  /** A coordinator shows a hidden post again. */
  'discussion.postRestore': { threadId: string; postId: string; reason: string };
  'discussion.threadLock': { threadId: string; locked: boolean; reason: string };
  'discussion.threadPin': { threadId: string; pinned: boolean; reason: string };
  'discussion.forumCategoryCreate': Snapshot;
  'discussion.forumCategoryUpdate': Snapshot;
  'demo.discussionsSeeded': { threads: number; posts: number };

  'progressReport.create': { period: string; version: number };
  'progressReport.update': Snapshot;
  'progressReport.submit': { status: string };
  'progressReport.review': { approved: boolean; comment: string | null };
  'progressReport.publish': { reportId: string; title: string };
  'progressReport.correct': { previousVersionId: string; version: number };
  'demo.reportsSeeded': { reports: number };

  'initiative.propose': Snapshot;
  'initiative.update': Snapshot;
  'initiative.support': { municipalityId: string; title: string };
  'initiative.supportWithdrawn': { municipalityId: string; title: string };
  /** Every status change of an initiative, with the reason (its history). */
  'initiative.statusChange': { title: string; from: string | null; to: string; reason: string; demo?: true };
  'initiative.decide': {
    title: string;
    decision: string;
    reason: string;
    meetingId: string;
    outcomeId: string;
    demo?: true;
  };
  'initiative.pilotApply': { municipalityId: string; applicationId: string; title: string };
  'initiative.pilotWithdraw': { municipalityId: string; applicationId: string };
  'initiative.pilotConfirm': {
    municipalityId: string;
    applicationId: string;
    appliedById: string | null;
    title: string;
    demo?: true;
  };
  'initiative.realisationStart': {
    projectId: string;
    pilotMunicipalityIds: string[];
    title: string;
    demo?: true;
  };
  /** A prioritisation round (subject PrioritisationRound) opened over these initiatives. */
  'initiative.roundOpen': {
    title: string;
    method: string;
    deadline: string;
    initiativeIds: string[];
    demo?: true;
  };
  /** A municipality cast or changed its ballot; what it voted stays out of events (secret ballot). */
  'initiative.ballotCast': { municipalityId: string; changed: boolean; demo?: true };
  'initiative.roundClose': {
    title: string;
    automatic: boolean;
    ballots: number;
    eligible: number;
    quorumReached: boolean;
    initiativeIds: string[];
    demo?: true;
  };
  'demo.initiativesSeeded': { initiatives: number; rounds: number };

  'demo.seeded': { users: number; memberships: number };
  'demo.projectsSeeded': { projects: number };
}

export type DomainEventType = keyof DomainEventPayloads;

/** What a service tells `emitDomainEvent`; `before` is for the audit trail only. */
export interface DomainEventInput<T extends DomainEventType = DomainEventType> {
  type: T;
  /** null for the system and anonymous actions */
  actorId: string | null;
  subjectType: string;
  subjectId: string | null;
  payload: DomainEventPayloads[T];
  /** The changed fields before the change, kept in the audit trail next to the payload. */
  before?: Snapshot | null;
  requestId?: string | null;
}

/** An event as a consumer reads it. */
export interface TakenDomainEvent {
  id: string;
  type: DomainEventType;
  occurredAt: Date;
  actorId: string | null;
  subjectType: string;
  subjectId: string | null;
  payload: Snapshot;
}
