import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode } from '@hub/shared';
import type { PlainMessageKey, Translate } from '../i18n';

/** What went wrong with a request, as far as the UI distinguishes it. */
export type ApiErrorKind = ErrorCode | 'NETWORK' | 'UNKNOWN';

interface ApiProblem {
  kind: ApiErrorKind;
  /** Sent with RATE_LIMITED: how long until the next attempt may succeed. */
  retryAfterSeconds?: number;
}

const knownCodes = new Set<string>(Object.values(ErrorCode));

function problemFromErrors(errors: unknown): ApiProblem | null {
  if (!Array.isArray(errors) || errors.length === 0) return null;
  for (const error of errors) {
    const extensions = error?.extensions;
    const code: unknown = extensions?.code;
    if (typeof code === 'string' && knownCodes.has(code)) {
      const retryAfter: unknown = extensions.retryAfterSeconds;
      return {
        kind: code as ErrorCode,
        retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : undefined,
      };
    }
  }
  return { kind: 'UNKNOWN' };
}

/** Classifies an error from Apollo Client by the `extensions.code` of the server's top-level errors. */
export function apiProblem(error: unknown): ApiProblem {
  if (CombinedGraphQLErrors.is(error)) return problemFromErrors(error.errors) ?? { kind: 'UNKNOWN' };
  if (ServerError.is(error)) {
    // A non-GraphQL content type with an error status: the body may still carry GraphQL errors.
    try {
      const fromBody = problemFromErrors(JSON.parse(error.bodyText)?.errors);
      if (fromBody) return fromBody;
    } catch {
      // Not JSON: fall through to the status code.
    }
    if (error.statusCode === 429) return { kind: ErrorCode.RATE_LIMITED };
    return { kind: error.statusCode >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : 'UNKNOWN' };
  }
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return { kind: 'NETWORK' };
  return { kind: 'UNKNOWN' };
}

const messageKeys: Record<ApiErrorKind, PlainMessageKey> = {
  RATE_LIMITED: 'error.RATE_LIMITED',
  UNAUTHENTICATED: 'error.UNAUTHENTICATED',
  FORBIDDEN: 'error.FORBIDDEN',
  NOT_FOUND: 'error.NOT_FOUND',
  BAD_USER_INPUT: 'error.BAD_USER_INPUT',
  QUERY_TOO_COMPLEX: 'error.QUERY_TOO_COMPLEX',
  REQUEST_TIMEOUT: 'error.REQUEST_TIMEOUT',
  RESPONSE_TOO_LARGE: 'error.RESPONSE_TOO_LARGE',
  INTERNAL_SERVER_ERROR: 'error.INTERNAL_SERVER_ERROR',
  NETWORK: 'error.NETWORK',
  UNKNOWN: 'error.UNKNOWN',
};

/** A sentence for the person, in the current language, explaining a failed request. */
export function apiErrorMessage(error: unknown, t: Translate): string {
  const { kind, retryAfterSeconds } = apiProblem(error);
  if (kind === ErrorCode.RATE_LIMITED && retryAfterSeconds !== undefined) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    return minutes === 1 ? t('error.RATE_LIMITED_ONE_MINUTE') : t('error.RATE_LIMITED_MINUTES', { minutes });
  }
  return t(messageKeys[kind]);
}
