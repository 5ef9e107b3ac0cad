import { limits } from '@hub/shared';
import type { ClassType } from 'type-graphql';
import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { badInput } from './errors';
import { textProblem } from './input-check';
import { parseDate, parseDateTime } from './scalars';

/** Relay's Node interface: every object with an opaque, globally unique ID. */
@InterfaceType({ description: 'An object with a globally unique, opaque ID.' })
export abstract class Node {
  @Field(() => ID, { name: 'id' })
  globalId(): string {
    return toGlobalId((this.constructor as { name: string }).name, (this as unknown as { id: string }).id);
  }
}

/**
 * Global IDs already encoded, per type and a bounded number per type: a catalogue page encodes a
 * few hundred (projects, their municipalities), mostly the same ones as the page before.
 */
const encodedGlobalIds = new Map<string, Map<string, string>>();
const MAX_ENCODED_PER_TYPE = 10_000;

export function toGlobalId(type: string, id: string): string {
  let byId = encodedGlobalIds.get(type);
  if (!byId) {
    byId = new Map();
    encodedGlobalIds.set(type, byId);
  }
  let globalId = byId.get(id);
  if (globalId === undefined) {
    globalId = Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
    if (byId.size >= MAX_ENCODED_PER_TYPE) byId.clear();
    byId.set(id, globalId);
  }
  return globalId;
}

/** Whether a value is a UUID, the form of every record ID (anything else never reaches a uuid column). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Decodes a global ID; returns null for anything malformed. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (!isUuid(id)) return null;
  return { type, id };
}

/** Decodes a global ID that must name an object of `type`, or throws BAD_USER_INPUT. */
export function idOf(globalId: string, type: string, field = 'id'): string {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.type !== type) throw badInput(`${field} is not a valid ${type} ID`, field);
  return decoded.id;
}

/** Like idOf, but returns null instead of throwing (for userErrors). */
export function maybeIdOf(globalId: string | null | undefined, type: string): string | null {
  if (!globalId) return null;
  const decoded = fromGlobalId(globalId);
  return decoded && decoded.type === type ? decoded.id : null;
}

/**
 * `simpleResolvers`: the plain property fields of list types are read by graphql's default
 * resolver instead of a type-graphql wrapper per field (a catalogue page has about a thousand).
 * The hub uses no type-graphql middlewares or auth checker: rules live in policies and field resolvers.
 */
export const LIST_TYPE = { simpleResolvers: true } as const;

@ObjectType(LIST_TYPE)
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => Boolean)
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true })
  startCursor: string | null;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds the GraphQL types `<Name>Connection` and `<Name>Edge` for a node type, once per type:
 * `export const MunicipalityConnection = ConnectionType(Municipality);` then
 * `@Query(() => MunicipalityConnection)` in the resolver, returning a `Connection<Municipality>`.
 */
export function ConnectionType<T extends object>(
  nodeType: ClassType<T>,
  name = nodeType.name,
): ClassType<Connection<T>> {
  @ObjectType(`${name}Edge`, LIST_TYPE)
  class EdgeType {
    @Field(() => nodeType)
    node: T;

    @Field(() => String)
    cursor: string;
  }

  @ObjectType(`${name}Connection`, LIST_TYPE)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

/** `first`, capped. Throws BAD_USER_INPUT for negative or too large values. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return limits.pageSize.default;
  if (!Number.isInteger(first) || first < 0) throw badInput('first must be a non-negative integer', 'first');
  if (first > limits.pageSize.max) throw badInput(`first may be at most ${limits.pageSize.max}`, 'first');
  return first;
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/**
 * SQL: a text as base64url, unpadded, as `Buffer#toString('base64url')` writes it (PostgreSQL's
 * base64 breaks lines). With `replace`: `translate` took ~2 µs more a value, for each card's IDs
 * and cursor.
 */
export function base64urlSql(textSql: string): string {
  const base64 = `encode(convert_to(${textSql}, 'UTF8'), 'base64')`;
  return `rtrim(replace(replace(replace(${base64}, E'\\n', ''), '+', '-'), '/', '_'), '=')`;
}

/**
 * SQL: a timestamptz as Date#toISOString writes it (the driver's Date keeps milliseconds: the
 * microseconds are cut, as to_char's MS cuts them).
 */
export function toISOStringSql(sql: string): string {
  return `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * SQL: `encodeCursor` of values given as SQL expressions with their cursor types, written as
 * JSON.stringify writes them (a timestamp, of a timestamptz column, as `serialise` in paginate.ts
 * writes it: toISOStringSql). The values must not be NULL (sort keys never are).
 */
export function encodeCursorSql(values: readonly { sql: string; type: CursorValueType }[]): string {
  const json = values.map(({ sql, type }) => {
    switch (type) {
      case 'timestamp':
        return `to_json(${toISOStringSql(sql)})::text`;
      case 'uuid':
      case 'text':
        return `to_json((${sql})::text)::text`;
      case 'integer':
        return `(${sql})::integer::text`;
      default:
        throw new Error(`encodeCursorSql: no SQL for cursor values of type ${JSON.stringify(type)}`);
    }
  });
  return base64urlSql(`'[' || ${json.join(` || ',' || `)} || ']'`);
}

/**
 * What a cursor value must be, checked before it reaches SQL: a forged cursor gets BAD_USER_INPUT,
 * never a database error. A list of strings is an enum's values.
 */
export type CursorValueType = 'uuid' | 'timestamp' | 'date' | 'integer' | 'text' | readonly string[];

const INT4 = 2 ** 31;

function isCursorValue(value: unknown, type: CursorValueType): boolean {
  if (Array.isArray(type)) return type.includes(value as string);
  switch (type) {
    case 'uuid':
      return isUuid(value);
    case 'timestamp':
      return parseDateTime(value) !== null;
    case 'date':
      return typeof value === 'string' && parseDate(value) !== null;
    case 'integer':
      return Number.isSafeInteger(value) && Math.abs(value as number) < INT4;
    case 'text':
      return typeof value === 'string' && textProblem(value) === null;
  }
  return false;
}

/** Decodes a cursor made by encodeCursor for sort keys of these types, or throws BAD_USER_INPUT. */
export function decodeCursor(cursor: string, types: readonly CursorValueType[]): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === types.length &&
      values.every((value, i) => isCursorValue(value, types[i]))
    )
      return values;
  } catch {
    // fall through to the error below
  }
  throw badInput('after is not a valid cursor', 'after');
}
