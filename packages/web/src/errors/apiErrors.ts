import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode } from '@hub/shared';
import type { PlainMessageKey, Translate } from '../i18n';

/** What went wrong with a request, as far as the UI distinguishes it. */
export type ApiErrorKind = ErrorCode | 'NETWORK' | 'UNKNOWN';

const knownCodes = new Set<string>(Object.values(ErrorCode));

function codeFromErrors(errors: unknown): ApiErrorKind | null {
  if (!Array.isArray(errors)) return null;
  for (const error of errors) {
    const code: unknown = error?.extensions?.code;
    if (typeof code === 'string' && knownCodes.has(code)) return code as ErrorCode;
  }
  return errors.length > 0 ? 'UNKNOWN' : null;
}

/** Classifies an error from Apollo Client by the `extensions.code` of the server's top-level errors. */
export function apiErrorKind(error: unknown): ApiErrorKind {
  if (CombinedGraphQLErrors.is(error)) return codeFromErrors(error.errors) ?? 'UNKNOWN';
  if (ServerError.is(error)) {
    // A non-GraphQL content type with an error status: the body may still carry GraphQL errors.
    try {
      const fromBody = codeFromErrors(JSON.parse(error.bodyText)?.errors);
      if (fromBody) return fromBody;
    } catch {
      // Not JSON: fall through to the status code.
    }
    if (error.statusCode === 429) return ErrorCode.RATE_LIMITED;
    return error.statusCode >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'UNKNOWN';
  }
  if (error instanceof TypeError) return 'NETWORK';
  return 'UNKNOWN';
}

const messageKeys: Record<ApiErrorKind, PlainMessageKey> = {
  RATE_LIMITED: 'error.RATE_LIMITED',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  NOT_FOUND: 'error.NOT_FOUND',
  BAD_USER_INPUT: 'error.BAD_USER_INPUT',
  INTERNAL_SERVER_ERROR: 'error.INTERNAL_SERVER_ERROR',
  NETWORK: 'error.NETWORK',
  UNKNOWN: 'error.UNKNOWN',
};

/** A sentence for the person, in the current language, explaining a failed request. */
export function apiErrorMessage(error: unknown, t: Translate): string {
  return t(messageKeys[apiErrorKind(error)]);
}
