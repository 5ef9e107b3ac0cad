import { ErrorCode } from '@hub/shared';
import { GraphQLError } from 'graphql';

function coded(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

export const unauthenticated = (message = 'Sign in first.') => coded(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You may not do this.') => coded(ErrorCode.FORBIDDEN, message);
export const notFound = (message = 'Not found.') => coded(ErrorCode.NOT_FOUND, message);
export const badInput = (message: string, field?: string) =>
  coded(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const rateLimited = (retryAfterSeconds: number) =>
  coded(ErrorCode.RATE_LIMITED, 'Too many attempts. Please wait and try again.', { retryAfterSeconds });
