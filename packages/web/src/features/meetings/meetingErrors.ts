import type { PlainMessageKey, Translate } from '../../i18n';

interface UserError {
  field: string | null;
  message: string;
  code: string;
}

const known: Record<string, PlainMessageKey> = {
  END_BEFORE_START: 'meetings.userError.END_BEFORE_START',
  MEETING_CANCELLED: 'meetings.userError.MEETING_CANCELLED',
  MEETING_PAST: 'meetings.userError.MEETING_PAST',
  NOT_INVITED: 'meetings.userError.NOT_INVITED',
  MINUTES_PUBLISHED: 'meetings.userError.MINUTES_PUBLISHED',
  MINUTES_LOCKED: 'meetings.userError.MINUTES_LOCKED',
  OWN_SUBMISSION: 'meetings.userError.OWN_SUBMISSION',
  OWNER_REQUIRED: 'meetings.userError.OWNER_REQUIRED',
  DUE_DATE_IN_PAST: 'meetings.userError.DUE_DATE_IN_PAST',
  DUE_DATE_REQUIRED: 'meetings.userError.DUE_DATE_REQUIRED',
  INVALID_TRANSITION: 'meetings.userError.INVALID_TRANSITION',
  MEETING_NOT_STARTED: 'meetings.userError.MEETING_NOT_STARTED',
  HAS_OUTCOMES: 'meetings.userError.HAS_OUTCOMES',
  TOO_LONG: 'meetings.userError.TOO_LONG',
};

/** The message for the first of a payload's userErrors, in the viewer's language where known. */
export function meetingErrorMessage(errors: readonly UserError[], t: Translate): string | null {
  const first = errors[0];
  if (!first) return null;
  const key = known[first.code];
  return key ? t(key) : first.message;
}
