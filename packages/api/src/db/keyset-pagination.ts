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
 * The page's conditions and order on a clone of `query`: the rows after the cursor, in the keys'
 * order, one more than `first` (whether a next page exists). Selects the keys under their aliases
 * unless `selected` says the query brings them already.
 */
export function keysetPageByKeys<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: RawSortKey[],
  selected: (key: RawSortKey) => boolean = () => false,
): { page: SelectQueryBuilder<T>; first: number } {
  const first = pageSize(args.first);
  const page = query.clone();
  for (const key of keys) if (!selected(key)) page.addSelect(key.expression, key.alias);
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
  page.limit(first + 1);
  return { page, first };
}

/** The connection of a keyset page's nodes with their raw rows (the keys' values under their aliases). */
export function connectionByKeys<T>(
  rows: readonly { node: T; raw: Record<string, unknown> }[],
  args: { first: number; after?: string | null },
  keys: RawSortKey[],
  totalCount: number,
): Connection<T> {
  const edges = rows.slice(0, args.first).map(({ node, raw }) => ({
    node,
    cursor: encodeCursor(keys.map((key) => raw[key.alias])),
  }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > args.first,
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  return { edges, pageInfo, totalCount };
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
  const countQuery = query.clone();
  const { page, first } = keysetPageByKeys(query, args, keys, (key) =>
    key.alias.startsWith(`${queryAlias}_`),
  );
  const [{ entities, raw }, totalCount] = await Promise.all([
    page.getRawAndEntities(),
    countQuery.getCount(),
  ]);
  const rawById = new Map(
    raw.map((row: Record<string, unknown>) => [row[`${queryAlias}_id`] as string, row]),
  );
  return connectionByKeys(
    entities.map((node) => ({ node, raw: rawById.get(node.id) ?? {} })),
    { first, after: args.after },
    keys,
    totalCount,
  );
}
