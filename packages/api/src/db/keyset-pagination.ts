import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Connection, CursorValueType } from '../graphql/relay';
import { decodeCursor, encodeCursor, PageInfo, pageSize } from '../graphql/relay';
import type { PageArgs } from './paginate';

/**
 * One sort key; its value is read back from the raw row under `alias` for the cursor. Computed
 * keys (search relevance, folded names) are selected under their alias; plain columns already come
 * as `<queryAlias>_<column>` and are not selected twice.
 */
export interface RawSortKey {
  expression: string;
  direction: 'ASC' | 'DESC';
  /** What the value in a cursor must be (checked before it reaches SQL). */
  type: CursorValueType;
  alias: string;
}

/**
 * Keyset pagination like db/paginate.ts, for sort keys computed in SQL whose values cannot be
 * read off the entity. Two statements: the page and the count. The last key must be unique.
 */
export async function paginateByKeys<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  queryAlias: string,
  args: PageArgs,
  keys: RawSortKey[],
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const countQuery = query.clone();
  const page = query.clone();
  for (const key of keys)
    if (!key.alias.startsWith(`${queryAlias}_`)) page.addSelect(key.expression, key.alias);
  if (args.after) {
    const values = decodeCursor(
      args.after,
      keys.map((key) => key.type),
    );
    const alternatives = keys.map((key, i) => {
      const equal = keys.slice(0, i).map((k, j) => `${k.expression} = :cursor${j}`);
      const beyond = `${key.expression} ${key.direction === 'ASC' ? '>' : '<'} :cursor${i}`;
      return `(${[...equal, beyond].join(' AND ')})`;
    });
    page.andWhere(`(${alternatives.join(' OR ')})`);
    page.setParameters(Object.fromEntries(values.map((v, i) => [`cursor${i}`, v])));
  }
  keys.forEach((key, i) => {
    if (i === 0) page.orderBy(key.expression, key.direction);
    else page.addOrderBy(key.expression, key.direction);
  });
  const [{ entities, raw }, totalCount] = await Promise.all([
    page.limit(first + 1).getRawAndEntities(),
    countQuery.getCount(),
  ]);
  const rawById = new Map(
    raw.map((row: Record<string, unknown>) => [row[`${queryAlias}_id`] as string, row]),
  );
  const nodes = entities.slice(0, first);
  const edges = nodes.map((node) => {
    const row = rawById.get(node.id) ?? {};
    return { node, cursor: encodeCursor(keys.map((key) => row[key.alias])) };
  });
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: entities.length > first,
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  return { edges, pageInfo, totalCount };
}
