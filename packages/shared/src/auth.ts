/** Roles a person can hold in the hub. */
export enum Role {
  COORDINATOR = 'COORDINATOR',
  OFFICER = 'OFFICER',
  MINISTRY = 'MINISTRY',
}

export enum Locale {
  DE = 'DE',
  EN = 'EN',
}

export enum UserStatus {
  INVITED = 'INVITED',
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}

export enum TokenPurpose {
  INVITATION = 'INVITATION',
  PASSWORD_RESET = 'PASSWORD_RESET',
  /** Sent to the old address when the login e-mail changes: restores it and ends all sessions. */
  EMAIL_CHANGE_REVERT = 'EMAIL_CHANGE_REVERT',
}

/** Codes of top-level GraphQL errors (extensions.code). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The operation is deeper, costlier or has more aliases or directives than the API allows. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The operation ran longer than the API's time budget and was stopped. */
  REQUEST_TIMEOUT = 'REQUEST_TIMEOUT',
  /** The result would be larger than the API's response budget. */
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
