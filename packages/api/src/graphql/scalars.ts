import { ErrorCode, limits } from '@hub/shared';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO 8601 date-time with a time zone within the years the API accepts, or null. Shared by the
 * DateTime scalar, pagination cursors and the plain HTTP routes' parameters.
 */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_DATE_TIME.test(value)) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  return year >= limits.dateTime.minYear && year <= limits.dateTime.maxYear ? date : null;
}

/** A calendar date YYYY-MM-DD that exists, within the years the API accepts, or null. */
export function parseDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parseDateTime(`${value}T00:00:00Z`);
  return date && date.toISOString().slice(0, 10) === value ? date : null;
}

function parse(value: unknown): Date {
  const date = parseDateTime(value);
  if (date) return date;
  throw new GraphQLError(
    `DateTime must be an ISO 8601 date-time with a time zone between the years ${limits.dateTime.minYear} and ${limits.dateTime.maxYear}, e.g. 2026-03-29T09:00:00Z`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT } },
  );
}

/** ISO 8601 date-time with time zone; always serialised in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An ISO 8601 date-time with time zone, e.g. 2026-03-29T07:00:00.000Z.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string', { extensions: { code: ErrorCode.BAD_USER_INPUT } });
    return parse(ast.value);
  },
});
