import type { Request, Response } from 'express';
import { textProblem } from '../graphql/input-check';
import { isUuid } from '../graphql/relay';
import { parseDate, parseDateTime } from '../graphql/scalars';

/**
 * The parameters of the plain HTTP routes (OParl, calendar feeds, publiccode.yml), read in one
 * place: a parameter a route cannot use is a `BadParameter`, answered 400 with `{ error }`, and
 * never reaches PostgreSQL.
 */
export class BadParameter extends Error {}

function checkedText(name: string, value: string): string {
  const problem = textProblem(value);
  if (problem) throw new BadParameter(`${name} ${problem}`);
  return value;
}

/** A query parameter given at most once, as text that any column can take; null when absent. */
export function textParam(req: Request, name: string): string | null {
  const value = req.query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string') throw new BadParameter(`${name} must be given once, as text`);
  return checkedText(name, value);
}

/** A path parameter (e.g. `:id`), as text that any column can take. */
export function pathParam(req: Request, name: string): string {
  return checkedText(name, String(req.params[name] ?? ''));
}

/**
 * A date-time query parameter: ISO 8601 with a time zone, or a date (midnight UTC), within the
 * years the API accepts; null when absent.
 */
export function dateTimeParam(req: Request, name: string): Date | null {
  const value = textParam(req, name);
  if (value === null) return null;
  const date = parseDateTime(value) ?? parseDate(value);
  if (!date) throw new BadParameter(`${name} must be an ISO 8601 date-time, e.g. 2026-03-29T09:00:00Z`);
  return date;
}

/** A whole-number query parameter, clamped to [min, max]; null when absent. */
export function integerParam(req: Request, name: string, min: number, max: number): number | null {
  const value = textParam(req, name);
  if (value === null) return null;
  if (!/^\d{1,15}$/.test(value)) throw new BadParameter(`${name} must be a whole number`);
  return Math.min(Math.max(Number(value), min), max);
}

/** An id query parameter: a UUID or one of the given fixed ids; null when absent. */
export function idParam(req: Request, name: string, fixedIds: readonly string[] = []): string | null {
  const value = textParam(req, name);
  if (value === null) return null;
  if (!isUuid(value) && !fixedIds.includes(value)) throw new BadParameter(`${name} is not a valid id`);
  return value;
}

/** Answers a `BadParameter` with 400; false for any other error, which the route handles itself. */
export function answeredBadParameter(res: Response, error: unknown): boolean {
  if (!(error instanceof BadParameter)) return false;
  res.status(400).json({ error: error.message });
  return true;
}
