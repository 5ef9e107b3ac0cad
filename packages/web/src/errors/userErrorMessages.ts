import { limits, meetingLimits, officerImport, workingGroupLimits } from '@hub/shared';
import type { PlainMessageKey, Translate } from '../i18n';
import type { FormMessage } from '../ui/formErrors';

/**
 * The one place where a userError `code` becomes words on the screen. Every code the API sends
 * (packages/api/src: `userError(…)`/`fail(…)`) is listed here; a code missing below is shown with
 * a general sentence in the viewer's language, never with the server's (English) message.
 * When the codes become an enum in @hub/shared, `UserErrorCode` is that enum.
 */
export const userErrorCodes = [
  'ADOPTION_CYCLE',
  'ALREADY_ACTIVE',
  'ALREADY_ADOPTED',
  'ALREADY_DEACTIVATED',
  'ALREADY_ERASED',
  'ALREADY_LEAD',
  'ALREADY_MEMBER',
  'ALREADY_REQUESTED',
  'CLOSED',
  'CONTACT_NOT_PARTICIPANT',
  'CSV_COLUMNS',
  'CSV_EMPTY',
  'CSV_ENCODING',
  'CSV_MALFORMED',
  'CSV_TOO_LARGE',
  'DEADLINE_PASSED',
  'DUE_DATE_IN_PAST',
  'DUE_DATE_REQUIRED',
  'DUPLICATE_EMAIL',
  'EMAIL_TAKEN',
  'END_BEFORE_START',
  'ERASE_SELF',
  'FORBIDDEN',
  'GROUP_ARCHIVED',
  'HAS_OUTCOMES',
  'INVALID_CREDENTIALS',
  'INVALID_DATE',
  'INVALID_DATE_RANGE',
  'INVALID_EMAIL',
  'INVALID_LOCALE',
  'INVALID_PERIOD',
  'INVALID_POINTS',
  'INVALID_PUBLICCODE',
  'INVALID_RATING',
  'INVALID_REFERENCE',
  'INVALID_STATE',
  'INVALID_TRANSITION',
  'INVALID_YAML',
  'LAST_LEAD',
  'LOCKED',
  'MEETING_CANCELLED',
  'MEETING_NOT_STARTED',
  'MEETING_PAST',
  'MEMBERSHIP_PENDING',
  'MINUTES_LOCKED',
  'MINUTES_PUBLISHED',
  'MUNICIPALITY_AMBIGUOUS',
  'MUNICIPALITY_NOT_ALLOWED',
  'MUNICIPALITY_NOT_FOUND',
  'MUNICIPALITY_REQUIRED',
  'MUNICIPALITY_UNKNOWN',
  'NAME_TAKEN',
  'NOT_ACTIVE',
  'NOT_A_MEMBER',
  'NOT_DEACTIVATED',
  'NOT_FOUND',
  'NOT_INVITED',
  'NOT_LEAD',
  'NOT_NETWORK_MEMBER',
  'NOT_OWN_MUNICIPALITY',
  'NOT_PUBLISHED',
  'NOT_REQUESTED',
  'NO_MINUTES',
  'NO_PILOTS',
  'ONLY_OFFICER',
  'OWNER_REQUIRED',
  'OWN_SUBMISSION',
  'PASSWORD_REQUIRED',
  'PASSWORD_TOO_SHORT',
  'POINTS_EXCEEDED',
  'REPORT_EXISTS',
  'REQUIRED',
  'ROUND_CLOSED',
  'ROWS_INVALID',
  'TAKEN',
  'TOKEN_INVALID',
  'TOO_LONG',
  'TOO_MANY',
  'UNKNOWN_LEAD',
  'UNSUPPORTED_CURRENCY',
  'USE_LEAVE',
  'VALIDATION',
  'WRONG_PASSWORD',
] as const;

export type UserErrorCode = (typeof userErrorCodes)[number];

/** What the screens need of a userError (the `UserErrorFields` fragment). */
export interface UserError {
  field?: string | null;
  message: string;
  code: string;
}

/** The features whose screens word some codes their own way (NOT_FOUND of a project, of a group, …). */
export type UserErrorScope =
  | 'projects'
  | 'meetings'
  | 'members'
  | 'workingGroups'
  | 'people'
  | 'officerImport'
  | 'restoreEmail'
  | 'discussions'
  | 'privacy'
  | 'reports';

/** A message key, or words that need values (a limit, the CSV column) filled in. */
type Wording = PlainMessageKey | ((t: Translate, error: UserError) => string);

/** The import names a CSV column by the header people wrote; the catalogue has its label. */
const importColumnLabel: Record<string, PlainMessageKey> = {
  name: 'people.name',
  email: 'field.email',
  municipality: 'people.municipality',
  position: 'people.profile.position',
  phone: 'people.profile.phone',
  locale: 'people.profile.locale',
};
const importColumn = (t: Translate, { field }: UserError) =>
  field && importColumnLabel[field] ? t(importColumnLabel[field]) : (field ?? '');

/** Wordings for every screen. */
const general: Partial<Record<UserErrorCode, Wording>> = {
  VALIDATION: 'userError.VALIDATION',
  INVALID_CREDENTIALS: 'userError.INVALID_CREDENTIALS',
  TOKEN_INVALID: 'userError.TOKEN_INVALID',
  PASSWORD_TOO_SHORT: (t) => t('userError.PASSWORD_TOO_SHORT', { min: limits.password.minLength }),
  PASSWORD_REQUIRED: 'userError.PASSWORD_REQUIRED',
  WRONG_PASSWORD: 'userError.WRONG_PASSWORD',
  FORBIDDEN: 'projects.userError.FORBIDDEN',
  NOT_FOUND: 'projects.userError.NOT_FOUND',
  EMAIL_TAKEN: 'people.userError.EMAIL_TAKEN',
  MUNICIPALITY_NOT_ALLOWED: 'people.userError.MUNICIPALITY_NOT_ALLOWED',
  INVALID_DATE: 'projects.userError.INVALID_DATE',
  INVALID_DATE_RANGE: 'projects.userError.INVALID_DATE_RANGE',
  // Network initiatives: prioritisation rounds and pilot applications.
  DEADLINE_PASSED: 'userError.DEADLINE_PASSED',
  INVALID_POINTS: 'userError.INVALID_POINTS',
  INVALID_RATING: 'userError.INVALID_RATING',
  NOT_OWN_MUNICIPALITY: 'userError.NOT_OWN_MUNICIPALITY',
  NOT_NETWORK_MEMBER: 'userError.NOT_NETWORK_MEMBER',
  POINTS_EXCEEDED: 'userError.POINTS_EXCEEDED',
  ROUND_CLOSED: 'userError.ROUND_CLOSED',
  NO_PILOTS: 'userError.NO_PILOTS',
};

/** A feature's own wordings, looked up before the general ones. */
const byScope: Record<UserErrorScope, Partial<Record<UserErrorCode, Wording>>> = {
  projects: {
    NOT_FOUND: 'projects.userError.NOT_FOUND',
    FORBIDDEN: 'projects.userError.FORBIDDEN',
    VALIDATION: 'projects.userError.VALIDATION',
    INVALID_DATE: 'projects.userError.INVALID_DATE',
    INVALID_DATE_RANGE: 'projects.userError.INVALID_DATE_RANGE',
    UNSUPPORTED_CURRENCY: 'projects.userError.UNSUPPORTED_CURRENCY',
    MUNICIPALITY_NOT_FOUND: 'projects.userError.MUNICIPALITY_NOT_FOUND',
    MUNICIPALITY_REQUIRED: 'projects.userError.MUNICIPALITY_REQUIRED',
    CONTACT_NOT_PARTICIPANT: 'projects.userError.CONTACT_NOT_PARTICIPANT',
    ADOPTION_CYCLE: 'projects.userError.ADOPTION_CYCLE',
    ALREADY_ADOPTED: 'projects.userError.ALREADY_ADOPTED',
    NOT_PUBLISHED: 'projects.userError.NOT_PUBLISHED',
    INVALID_YAML: 'projects.userError.INVALID_YAML',
    INVALID_PUBLICCODE: 'projects.userError.INVALID_PUBLICCODE',
  },
  meetings: {
    HAS_OUTCOMES: 'meetings.userError.HAS_OUTCOMES',
    TOO_LONG: 'meetings.userError.TOO_LONG',
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
    TOO_MANY: (t) => t('meetings.userError.TOO_MANY', { max: meetingLimits.agendaItems.max }),
    NO_MINUTES: 'meetings.userError.NO_MINUTES',
  },
  members: {
    ALREADY_MEMBER: 'members.userError.ALREADY_MEMBER',
    MEMBERSHIP_PENDING: 'members.userError.MEMBERSHIP_PENDING',
    INVALID_TRANSITION: 'members.userError.INVALID_TRANSITION',
    NOT_FOUND: 'members.userError.NOT_FOUND',
  },
  workingGroups: {
    VALIDATION: (t) => t('workingGroups.userError.VALIDATION', { min: workingGroupLimits.topic.minLength }),
    NAME_TAKEN: 'workingGroups.userError.NAME_TAKEN',
    UNKNOWN_LEAD: 'workingGroups.userError.UNKNOWN_LEAD',
    NOT_FOUND: 'workingGroups.userError.NOT_FOUND',
    GROUP_ARCHIVED: 'workingGroups.userError.GROUP_ARCHIVED',
    ALREADY_REQUESTED: 'workingGroups.userError.ALREADY_REQUESTED',
    ALREADY_MEMBER: 'workingGroups.userError.ALREADY_MEMBER',
    NOT_REQUESTED: 'workingGroups.userError.NOT_REQUESTED',
    NOT_ACTIVE: 'workingGroups.userError.NOT_ACTIVE',
    ALREADY_LEAD: 'workingGroups.userError.ALREADY_LEAD',
    NOT_LEAD: 'workingGroups.userError.NOT_LEAD',
    LAST_LEAD: 'workingGroups.userError.LAST_LEAD',
    USE_LEAVE: 'workingGroups.userError.USE_LEAVE',
    NOT_A_MEMBER: 'workingGroups.userError.NOT_A_MEMBER',
  },
  people: {
    EMAIL_TAKEN: 'people.importError.EMAIL_TAKEN',
    MUNICIPALITY_REQUIRED: 'people.invite.municipalityRequired',
    MUNICIPALITY_NOT_ALLOWED: 'people.userError.MUNICIPALITY_NOT_ALLOWED',
    ALREADY_DEACTIVATED: 'people.userError.ALREADY_DEACTIVATED',
    NOT_DEACTIVATED: 'people.userError.NOT_DEACTIVATED',
    ALREADY_ACTIVE: 'people.userError.ALREADY_ACTIVE',
  },
  officerImport: {
    REQUIRED: (t, error) => t('people.importError.REQUIRED', { column: importColumn(t, error) }),
    TOO_LONG: (t, error) => t('people.importError.TOO_LONG', { column: importColumn(t, error) }),
    INVALID_EMAIL: 'people.importError.INVALID_EMAIL',
    EMAIL_TAKEN: 'people.importError.EMAIL_TAKEN',
    DUPLICATE_EMAIL: 'people.importError.DUPLICATE_EMAIL',
    INVALID_LOCALE: 'people.importError.INVALID_LOCALE',
    MUNICIPALITY_UNKNOWN: 'people.importError.MUNICIPALITY_UNKNOWN',
    MUNICIPALITY_AMBIGUOUS: 'people.importError.MUNICIPALITY_AMBIGUOUS',
    CSV_ENCODING: 'people.importError.CSV_ENCODING',
    // The server names the missing or unknown column headers; they are the file's own words.
    CSV_COLUMNS: (t, error) => t('people.importError.CSV_COLUMNS', { detail: error.message }),
    CSV_MALFORMED: 'people.importError.CSV_MALFORMED',
    CSV_EMPTY: 'people.importError.CSV_EMPTY',
    CSV_TOO_LARGE: (t) => t('people.importError.CSV_TOO_LARGE', { max: officerImport.maxRows }),
    ROWS_INVALID: 'people.importError.ROWS_INVALID',
  },
  restoreEmail: {
    EMAIL_TAKEN: 'restoreEmail.taken',
  },
  privacy: {
    LAST_LEAD: 'privacy.userError.LAST_LEAD',
    ONLY_OFFICER: 'privacy.userError.ONLY_OFFICER',
    ALREADY_ERASED: 'privacy.userError.ALREADY_ERASED',
    ERASE_SELF: 'privacy.userError.ERASE_SELF',
    ALREADY_REQUESTED: 'privacy.userError.ALREADY_REQUESTED',
    NOT_REQUESTED: 'privacy.userError.NOT_REQUESTED',
  },
  reports: {
    INVALID_PERIOD: 'reports.userError.INVALID_PERIOD',
    REPORT_EXISTS: 'reports.userError.REPORT_EXISTS',
    INVALID_STATE: 'reports.userError.INVALID_STATE',
  },
  discussions: {
    LOCKED: 'discussions.userError.LOCKED',
    INVALID_REFERENCE: 'discussions.userError.INVALID_REFERENCE',
    CLOSED: 'discussions.userError.CLOSED',
    TAKEN: 'discussions.userError.TAKEN',
  },
};

const isKnownCode = (code: string): code is UserErrorCode =>
  (userErrorCodes as readonly string[]).includes(code);

/**
 * A userError in the viewer's language: the feature's wording for its code, else the general one,
 * else a general sentence (the field it concerns is marked by the form).
 */
export function userErrorMessage(error: UserError, scope?: UserErrorScope): FormMessage {
  const code = isKnownCode(error.code) ? error.code : null;
  const wording = code ? ((scope ? byScope[scope][code] : undefined) ?? general[code]) : undefined;
  if (!wording) return (t) => t('userError.UNKNOWN');
  return typeof wording === 'function' ? (t) => wording(t, error) : (t) => t(wording);
}

/** The first of a payload's userErrors in the viewer's language; null when there is none. */
export function firstUserErrorMessage(
  errors: readonly UserError[] | null | undefined,
  t: Translate,
  scope?: UserErrorScope,
): string | null {
  const first = errors?.[0];
  return first ? userErrorMessage(first, scope)(t) : null;
}
