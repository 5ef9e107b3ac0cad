import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** A statement as pg sends it by name: parsed and planned once per connection, then only bound. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * How many statement texts a process prepares at most. PostgreSQL keeps each one (and its plans) on
 * every connection that ran it until the connection closes: the hot few are worth it, an unbounded
 * number is not. Later texts run unnamed, as every statement did before.
 */
const MAX_PREPARED = 32;
const names = new Map<string, string>();

/**
 * Runs a statement whose text repeats request after request (the session lookup, a catalogue page of
 * a cached shape) as a prepared statement: its parse and plan, as long as the page's execution for
 * the catalogue, are then paid once per connection instead of on every request. Named by the hash of
 * its text, so one name never stands for two texts. TypeORM hands the query to pg as it is; pg takes
 * a query config with a name (a fresh object per call: pg writes the values into it).
 */
export function queryPrepared<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T> {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `hub_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    names.set(text, name);
  }
  const query: PreparedStatement | string = name === undefined ? text : { name, text };
  return dataSource.query(query as string, values);
}

/** A statement's SQL as TypeORM's loggers receive it: a text, or a prepared statement's config. */
export const statementText = (query: string | PreparedStatement): string =>
  typeof query === 'string' ? query : query.text;
