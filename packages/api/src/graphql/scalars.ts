import { ErrorCode, limits } from '@hub/shared';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function inAcceptedYears(date: Date): boolean {
  const year = date.getUTCFullYear();
  return year >= limits.dateTime.minYear && year <= limits.dateTime.maxYear;
}

/** A calendar date YYYY-MM-DD that exists (no 31 February), within the years the API accepts, or null. */
export function parseDate(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return null;
  return inAcceptedYears(date) ? date : null;
}

/**
 * An ISO 8601 date-time with a time zone on a date that exists, within the years the API accepts,
 * or null (JavaScript would read 31 February as 3 March). Shared by the DateTime scalar,
 * pagination cursors and the plain HTTP routes' parameters.
 */
export function parseDateTime(value: unknown): Date | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE_TIME.exec(value);
  if (!match || !parseDate(match[1])) return null;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && inAcceptedYears(date) ? date : null;
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
