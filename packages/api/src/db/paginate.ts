import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Connection, CursorValueType } from '../graphql/relay';
import { decodeCursor, encodeCursor, PageInfo, pageSize } from '../graphql/relay';

export interface SortKey<T> {
  /** SQL expression the rows are ordered by, e.g. `m.name`. Must not be NULL. */
  expression: string;
  direction: 'ASC' | 'DESC';
  /** What the value in a cursor must be (checked before it reaches SQL). */
  type: CursorValueType;
  /** The same value read from a loaded row (or its raw columns), for the cursor. */
  value: (row: T, raw?: Record<string, unknown>) => unknown;
  /** A computed key (e.g. relevance) is selected under this name and read from the raw row. */
  alias?: string;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

function serialise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Keyset pagination over a query builder: two statements (the page and the count) whatever the
 * page size. The last sort key must be unique (usually the id).
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: SortKey<T>[],
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const countQuery = query.clone();
  const page = query.clone();
  if (args.after) {
    const values = decodeCursor(
      args.after,
      sort.map((key) => key.type),
    );
    const alternatives = sort.map((key, i) => {
      const equal = sort.slice(0, i).map((k, j) => `${k.expression} = :cursor${j}`);
      const beyond = `${key.expression} ${key.direction === 'ASC' ? '>' : '<'} :cursor${i}`;
      return `(${[...equal, beyond].join(' AND ')})`;
    });
    page.andWhere(`(${alternatives.join(' OR ')})`);
    page.setParameters(Object.fromEntries(values.map((v, i) => [`cursor${i}`, v])));
  }
  sort.forEach((key, i) => {
    if (key.alias) page.addSelect(key.expression, key.alias);
    if (i === 0) page.orderBy(key.expression, key.direction);
    else page.addOrderBy(key.expression, key.direction);
  });
  page.limit(first + 1);
  const computed = sort.some((key) => key.alias);
  const [{ entities: rows, raw }, totalCount] = await Promise.all([
    computed ? page.getRawAndEntities() : page.getMany().then((entities) => ({ entities, raw: [] })),
    countQuery.getCount(),
  ]);
  const hasNextPage = rows.length > first;
  const nodes = rows.slice(0, first);
  const rawById = new Map<unknown, Record<string, unknown>>(
    raw.map((row: Record<string, unknown>) => [row[`${page.alias}_id`], row]),
  );
  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor(sort.map((key) => serialise(key.value(node, rawById.get(node.id))))),
  }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage,
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  return { edges, pageInfo, totalCount };
}
