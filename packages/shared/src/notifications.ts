import { Locale } from './auth';

/** What a notification is about, one per kind of happening; each belongs to one NotificationType. */
export enum NotificationKind {
  PROJECT_INTEREST = 'PROJECT_INTEREST',
  PROJECT_ADOPTED = 'PROJECT_ADOPTED',
  PROJECT_STATUS_UPDATE = 'PROJECT_STATUS_UPDATE',
  PROJECT_PUBLISHED = 'PROJECT_PUBLISHED',
  MEETING_INVITED = 'MEETING_INVITED',
  MEETING_CHANGED = 'MEETING_CHANGED',
  MEETING_CANCELLED = 'MEETING_CANCELLED',
  MINUTES_SUBMITTED = 'MINUTES_SUBMITTED',
  MINUTES_PUBLISHED = 'MINUTES_PUBLISHED',
  ACTION_ITEM_ASSIGNED = 'ACTION_ITEM_ASSIGNED',
  ACTION_ITEM_DUE_SOON = 'ACTION_ITEM_DUE_SOON',
  ACTION_ITEM_OVERDUE = 'ACTION_ITEM_OVERDUE',
  MEMBERSHIP_INVITED = 'MEMBERSHIP_INVITED',
  MEMBERSHIP_APPLIED = 'MEMBERSHIP_APPLIED',
  MEMBERSHIP_ACCEPTED = 'MEMBERSHIP_ACCEPTED',
  MEMBERSHIP_ENDED = 'MEMBERSHIP_ENDED',
  GROUP_JOIN_REQUESTED = 'GROUP_JOIN_REQUESTED',
  GROUP_JOIN_ACCEPTED = 'GROUP_JOIN_ACCEPTED',
  GROUP_JOIN_DECLINED = 'GROUP_JOIN_DECLINED',
  THREAD_CREATED = 'THREAD_CREATED',
  POST_REPLY = 'POST_REPLY',
  POST_IN_FOLLOWED_THREAD = 'POST_IN_FOLLOWED_THREAD',
  MENTION = 'MENTION',
  REPORT_PUBLISHED = 'REPORT_PUBLISHED',
  INITIATIVE_SUPPORTED = 'INITIATIVE_SUPPORTED',
  INITIATIVE_ROUND_OPENED = 'INITIATIVE_ROUND_OPENED',
  INITIATIVE_ROUND_CLOSING = 'INITIATIVE_ROUND_CLOSING',
  INITIATIVE_ROUND_RESULT = 'INITIATIVE_ROUND_RESULT',
  INITIATIVE_DECIDED = 'INITIATIVE_DECIDED',
  INITIATIVE_PILOT_CONFIRMED = 'INITIATIVE_PILOT_CONFIRMED',
}

/** The unit a person chooses e-mail delivery for (and unsubscribes from). */
export enum NotificationType {
  MENTION = 'MENTION',
  REPLY = 'REPLY',
  NEW_THREAD = 'NEW_THREAD',
  MEETING = 'MEETING',
  MINUTES = 'MINUTES',
  ACTION_ITEM_ASSIGNED = 'ACTION_ITEM_ASSIGNED',
  ACTION_ITEM_REMINDER = 'ACTION_ITEM_REMINDER',
  PROJECT_REUSE = 'PROJECT_REUSE',
  PROJECT_UPDATE = 'PROJECT_UPDATE',
  NETWORK_MEMBERSHIP = 'NETWORK_MEMBERSHIP',
  WORKING_GROUP_MEMBERSHIP = 'WORKING_GROUP_MEMBERSHIP',
  PROGRESS_REPORT = 'PROGRESS_REPORT',
  INITIATIVE = 'INITIATIVE',
}

export enum EmailFrequency {
  IMMEDIATELY = 'IMMEDIATELY',
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  NEVER = 'NEVER',
}

/** A person's relation to a subject: following (told of what happens), unfollowed, or muted (told nothing). */
export enum FollowState {
  FOLLOWING = 'FOLLOWING',
  NOT_FOLLOWING = 'NOT_FOLLOWING',
  MUTED = 'MUTED',
}

/** What can be followed. */
export enum FollowSubjectType {
  PROJECT = 'PROJECT',
  WORKING_GROUP = 'WORKING_GROUP',
  MUNICIPALITY = 'MUNICIPALITY',
  THREAD = 'THREAD',
}

export const NOTIFICATION_TYPE_OF_KIND: Record<NotificationKind, NotificationType> = {
  PROJECT_INTEREST: NotificationType.PROJECT_REUSE,
  PROJECT_ADOPTED: NotificationType.PROJECT_REUSE,
  PROJECT_STATUS_UPDATE: NotificationType.PROJECT_UPDATE,
  PROJECT_PUBLISHED: NotificationType.PROJECT_UPDATE,
  MEETING_INVITED: NotificationType.MEETING,
  MEETING_CHANGED: NotificationType.MEETING,
  MEETING_CANCELLED: NotificationType.MEETING,
  MINUTES_SUBMITTED: NotificationType.MINUTES,
  MINUTES_PUBLISHED: NotificationType.MINUTES,
  ACTION_ITEM_ASSIGNED: NotificationType.ACTION_ITEM_ASSIGNED,
  ACTION_ITEM_DUE_SOON: NotificationType.ACTION_ITEM_REMINDER,
  ACTION_ITEM_OVERDUE: NotificationType.ACTION_ITEM_REMINDER,
  MEMBERSHIP_INVITED: NotificationType.NETWORK_MEMBERSHIP,
  MEMBERSHIP_APPLIED: NotificationType.NETWORK_MEMBERSHIP,
  MEMBERSHIP_ACCEPTED: NotificationType.NETWORK_MEMBERSHIP,
  MEMBERSHIP_ENDED: NotificationType.NETWORK_MEMBERSHIP,
  GROUP_JOIN_REQUESTED: NotificationType.WORKING_GROUP_MEMBERSHIP,
  GROUP_JOIN_ACCEPTED: NotificationType.WORKING_GROUP_MEMBERSHIP,
  GROUP_JOIN_DECLINED: NotificationType.WORKING_GROUP_MEMBERSHIP,
  THREAD_CREATED: NotificationType.NEW_THREAD,
  POST_REPLY: NotificationType.REPLY,
  POST_IN_FOLLOWED_THREAD: NotificationType.REPLY,
  MENTION: NotificationType.MENTION,
  REPORT_PUBLISHED: NotificationType.PROGRESS_REPORT,
  INITIATIVE_SUPPORTED: NotificationType.INITIATIVE,
  INITIATIVE_ROUND_OPENED: NotificationType.INITIATIVE,
  INITIATIVE_ROUND_CLOSING: NotificationType.INITIATIVE,
  INITIATIVE_ROUND_RESULT: NotificationType.INITIATIVE,
  INITIATIVE_DECIDED: NotificationType.INITIATIVE,
  INITIATIVE_PILOT_CONFIRMED: NotificationType.INITIATIVE,
};

/**
 * E-mail unless a person chose otherwise: what is addressed to them personally (mentions,
 * assignments, reminders of their own action items) at once, everything else in the daily digest.
 */
export const DEFAULT_EMAIL_FREQUENCY: Record<NotificationType, EmailFrequency> = {
  MENTION: EmailFrequency.IMMEDIATELY,
  REPLY: EmailFrequency.DAILY,
  NEW_THREAD: EmailFrequency.DAILY,
  MEETING: EmailFrequency.DAILY,
  MINUTES: EmailFrequency.DAILY,
  ACTION_ITEM_ASSIGNED: EmailFrequency.IMMEDIATELY,
  ACTION_ITEM_REMINDER: EmailFrequency.IMMEDIATELY,
  PROJECT_REUSE: EmailFrequency.DAILY,
  PROJECT_UPDATE: EmailFrequency.DAILY,
  NETWORK_MEMBERSHIP: EmailFrequency.DAILY,
  WORKING_GROUP_MEMBERSHIP: EmailFrequency.DAILY,
  PROGRESS_REPORT: EmailFrequency.DAILY,
  INITIATIVE: EmailFrequency.DAILY,
};

type Sentence = Record<Locale, string>;

/**
 * One line per kind, in both languages: `{actor}` is who did it (a person, with the
 * municipality when there is one), `{subject}` the title of what it concerns. Used by the inbox
 * and by e-mails, so both say the same.
 */
export const NOTIFICATION_SENTENCES: Record<NotificationKind, Sentence> = {
  PROJECT_INTEREST: {
    [Locale.DE]: '{actor} interessiert sich für „{subject}“',
    [Locale.EN]: '{actor} is interested in “{subject}”',
  },
  PROJECT_ADOPTED: {
    [Locale.DE]: '{actor} übernimmt „{subject}“ (Nachnutzung)',
    [Locale.EN]: '{actor} adopts “{subject}”',
  },
  PROJECT_STATUS_UPDATE: {
    [Locale.DE]: 'Neuer Sachstand zu „{subject}“ von {actor}',
    [Locale.EN]: 'New status update on “{subject}” by {actor}',
  },
  PROJECT_PUBLISHED: {
    [Locale.DE]: '{actor} hat das Projekt „{subject}“ veröffentlicht',
    [Locale.EN]: '{actor} published the project “{subject}”',
  },
  MEETING_INVITED: {
    [Locale.DE]: '{actor} lädt Sie zur Sitzung „{subject}“ ein',
    [Locale.EN]: '{actor} invites you to the meeting “{subject}”',
  },
  MEETING_CHANGED: {
    [Locale.DE]: 'Die Sitzung „{subject}“ wurde geändert',
    [Locale.EN]: 'The meeting “{subject}” was changed',
  },
  MEETING_CANCELLED: {
    [Locale.DE]: 'Die Sitzung „{subject}“ wurde abgesagt',
    [Locale.EN]: 'The meeting “{subject}” was cancelled',
  },
  MINUTES_SUBMITTED: {
    [Locale.DE]: 'Das Protokoll von „{subject}“ wartet auf Ihre Freigabe',
    [Locale.EN]: 'The minutes of “{subject}” await your approval',
  },
  MINUTES_PUBLISHED: {
    [Locale.DE]: 'Das Protokoll von „{subject}“ ist veröffentlicht',
    [Locale.EN]: 'The minutes of “{subject}” are published',
  },
  ACTION_ITEM_ASSIGNED: {
    [Locale.DE]: '{actor} hat Ihnen eine Aufgabe aus „{subject}“ zugewiesen',
    [Locale.EN]: '{actor} assigned you an action item from “{subject}”',
  },
  ACTION_ITEM_DUE_SOON: {
    [Locale.DE]: 'Eine Aufgabe aus „{subject}“ ist in 3 Tagen fällig',
    [Locale.EN]: 'An action item from “{subject}” is due in 3 days',
  },
  ACTION_ITEM_OVERDUE: {
    [Locale.DE]: 'Eine Aufgabe aus „{subject}“ ist überfällig',
    [Locale.EN]: 'An action item from “{subject}” is overdue',
  },
  MEMBERSHIP_INVITED: {
    [Locale.DE]: '{subject} ist in das Netzwerk eingeladen: die Einladung muss angenommen werden',
    [Locale.EN]: '{subject} is invited to the network: the invitation must be accepted',
  },
  MEMBERSHIP_APPLIED: {
    [Locale.DE]: '{subject} möchte Mitglied im Netzwerk werden',
    [Locale.EN]: '{subject} applies to join the network',
  },
  MEMBERSHIP_ACCEPTED: {
    [Locale.DE]: '{subject} ist jetzt Mitglied im Netzwerk',
    [Locale.EN]: '{subject} is now a member of the network',
  },
  MEMBERSHIP_ENDED: {
    [Locale.DE]: 'Die Mitgliedschaft von {subject} im Netzwerk ist beendet oder ruht',
    [Locale.EN]: 'The network membership of {subject} has ended or is suspended',
  },
  GROUP_JOIN_REQUESTED: {
    [Locale.DE]: '{actor} möchte der Arbeitsgruppe „{subject}“ beitreten',
    [Locale.EN]: '{actor} asks to join the working group “{subject}”',
  },
  GROUP_JOIN_ACCEPTED: {
    [Locale.DE]: 'Ihre Anfrage für „{subject}“ wurde angenommen',
    [Locale.EN]: 'Your request to join “{subject}” was accepted',
  },
  GROUP_JOIN_DECLINED: {
    [Locale.DE]: 'Ihre Anfrage für „{subject}“ wurde abgelehnt',
    [Locale.EN]: 'Your request to join “{subject}” was declined',
  },
  THREAD_CREATED: {
    [Locale.DE]: '{actor} hat die Diskussion „{subject}“ begonnen',
    [Locale.EN]: '{actor} started the discussion “{subject}”',
  },
  POST_REPLY: {
    [Locale.DE]: '{actor} hat Ihnen in „{subject}“ geantwortet',
    [Locale.EN]: '{actor} replied to you in “{subject}”',
  },
  POST_IN_FOLLOWED_THREAD: {
    [Locale.DE]: '{actor} hat in „{subject}“ geschrieben',
    [Locale.EN]: '{actor} wrote in “{subject}”',
  },
  MENTION: {
    [Locale.DE]: '{actor} hat Sie in „{subject}“ erwähnt',
    [Locale.EN]: '{actor} mentioned you in “{subject}”',
  },
  REPORT_PUBLISHED: {
    [Locale.DE]: 'Der Fortschrittsbericht „{subject}“ ist veröffentlicht',
    [Locale.EN]: 'The progress report “{subject}” is published',
  },
  INITIATIVE_SUPPORTED: {
    [Locale.DE]: '{actor} unterstützt Ihren Initiativvorschlag „{subject}“',
    [Locale.EN]: '{actor} supports your initiative proposal “{subject}”',
  },
  INITIATIVE_ROUND_OPENED: {
    [Locale.DE]: 'Die Priorisierungsrunde „{subject}“ ist eröffnet: Ihre Kommune kann abstimmen',
    [Locale.EN]: 'The prioritisation round “{subject}” is open: your municipality can vote',
  },
  INITIATIVE_ROUND_CLOSING: {
    [Locale.DE]: 'Die Priorisierungsrunde „{subject}“ endet in 3 Tagen',
    [Locale.EN]: 'The prioritisation round “{subject}” closes in 3 days',
  },
  INITIATIVE_ROUND_RESULT: {
    [Locale.DE]: 'Das Ergebnis der Priorisierungsrunde „{subject}“ liegt vor',
    [Locale.EN]: 'The result of the prioritisation round “{subject}” is available',
  },
  INITIATIVE_DECIDED: {
    [Locale.DE]: 'Über die Initiative „{subject}“ wurde entschieden',
    [Locale.EN]: 'The initiative “{subject}” has been decided',
  },
  INITIATIVE_PILOT_CONFIRMED: {
    [Locale.DE]: 'Ihre Kommune ist als Pilotkommune für „{subject}“ bestätigt',
    [Locale.EN]: 'Your municipality is confirmed as a pilot for “{subject}”',
  },
};

/** The notification's line in the reader's language. */
export function notificationSentence(
  kind: NotificationKind,
  locale: Locale,
  words: { actor: string | null; subject: string },
): string {
  const someone = locale === Locale.DE ? 'Jemand' : 'Someone';
  return NOTIFICATION_SENTENCES[kind][locale]
    .replace('{actor}', words.actor ?? someone)
    .replace('{subject}', words.subject);
}
