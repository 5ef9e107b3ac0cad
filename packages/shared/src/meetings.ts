/** Kinds of meeting the network holds. */
export enum MeetingKind {
  NETWORK = 'NETWORK',
  WORKING_GROUP = 'WORKING_GROUP',
  STEERING = 'STEERING',
}

/** An invited person's answer; PENDING until they answer. */
export enum InvitationResponse {
  PENDING = 'PENDING',
  YES = 'YES',
  NO = 'NO',
  MAYBE = 'MAYBE',
}

/** The minutes workflow: DRAFT → SUBMITTED → APPROVED → PUBLISHED. */
export enum MinutesStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}

export enum OutcomeKind {
  DECISION = 'DECISION',
  ACTION_ITEM = 'ACTION_ITEM',
  INFORMATION = 'INFORMATION',
}

export enum ActionItemStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  DROPPED = 'DROPPED',
}

/** Action items still owed: they carry over to the next meeting's agenda. */
export const openActionItemStatuses: readonly ActionItemStatus[] = [
  ActionItemStatus.OPEN,
  ActionItemStatus.IN_PROGRESS,
];

/** Meetings are planned and shown in Berlin time, stored in UTC. */
export const meetingTimeZone = 'Europe/Berlin';

export const meetingLimits = {
  title: { maxLength: 200 },
  description: { maxLength: 10_000 },
  location: { maxLength: 300 },
  onlineUrl: { maxLength: 500 },
  agendaItems: { max: 60 },
  plannedMinutes: { max: 600 },
  minutesBody: { maxLength: 100_000 },
  itemNotes: { maxLength: 20_000 },
  outcomeTitle: { maxLength: 300 },
  outcomeDescription: { maxLength: 5_000 },
  /** A meeting may last at most this long. */
  maxDurationHours: 72,
} as const;

/**
 * Whether the text is a meeting's online link: an http(s) URL with a host and no spaces (intranet
 * hosts without a dot included). The one rule for planning and editing a meeting, in API and form.
 */
export function isMeetingUrl(text: string): boolean {
  return (
    text.length <= meetingLimits.onlineUrl.maxLength && /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(text)
  );
}
