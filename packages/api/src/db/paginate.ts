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
  /** countLimit: totalCount stops there (a search's common word need not count every match). */
  options: { countLimit?: number } = {},
): Promise<Connection<T>> {
  const countQuery = query.clone();
  const { page, first } = keysetPage(query.clone(), args, sort);
  const computed = sort.some((key) => key.alias);
  const [{ entities, raw }, totalCount] = await Promise.all([
    computed ? page.getRawAndEntities() : page.getMany().then((entities) => ({ entities, raw: [] })),
    options.countLimit ? cappedCount(countQuery, options.countLimit) : countQuery.getCount(),
  ]);
  const rawById = new Map<unknown, Record<string, unknown>>(
    raw.map((row: Record<string, unknown>) => [row[`${page.alias}_id`], row]),
  );
  return connectionOf(
    entities.map((node) => ({ node, raw: rawById.get(node.id) })),
    { first, after: args.after },
    sort,
    totalCount,
  );
}

/**
 * The page query of keyset pagination, changing `query`: the cursor's condition, the sort keys
 * (computed ones selected under their alias) and one row more than the page (the next page's sign).
 */
export function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  args: PageArgs,
  sort: SortKey<T>[],
): { page: SelectQueryBuilder<T>; first: number } {
  const first = pageSize(args.first);
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
    query.andWhere(`(${alternatives.join(' OR ')})`);
    query.setParameters(Object.fromEntries(values.map((v, i) => [`cursor${i}`, v])));
  }
  sort.forEach((key, i) => {
    if (key.alias) query.addSelect(key.expression, key.alias);
    if (i === 0) query.orderBy(key.expression, key.direction);
    else query.addOrderBy(key.expression, key.direction);
  });
  query.limit(first + 1);
  return { page: query, first };
}

/** The connection of a keyset page's rows (one more than `first` when a next page exists). */
export function connectionOf<T>(
  rows: readonly { node: T; raw?: Record<string, unknown> }[],
  args: { first: number; after?: string | null },
  sort: SortKey<T>[],
  totalCount: number,
): Connection<T> {
  const edges = rows.slice(0, args.first).map(({ node, raw }) => ({
    node,
    cursor: encodeCursor(sort.map((key) => serialise(key.value(node, raw)))),
  }));
  const pageInfo = Object.assign(new PageInfo(), {
    hasNextPage: rows.length > args.first,
    hasPreviousPage: Boolean(args.after),
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  });
  return { edges, pageInfo, totalCount };
}

/** The first page of one parent's list, with the parent it belongs to. */
export interface ParentPage {
  parentId: string;
  first?: number | null;
}

/**
 * The first pages of many parents' lists (a municipality's projects, a group's meetings, …) in
 * two statements whatever the number of parents: one ranks the rows per parent with window
 * functions (`row_number()` for the page, `count(*)` for totalCount), one loads the page rows.
 * `query` is the list's query for all parents at once (with its read filters), and `parent` the
 * SQL expression of the parent's ID in it; a row may belong to several parents. Pages, cursors
 * and totals are those `paginate` gives one parent at a time (cursors go on through it).
 */
export async function firstPagesByParent<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  parent: string,
  pages: readonly ParentPage[],
  sort: SortKey<T>[],
): Promise<(Connection<T> | Error)[]> {
  if (sort.some((key) => key.alias))
    throw new Error('firstPagesByParent: computed sort keys are not supported');
  // A bad `first` fails its own field only, not the other lists of the batch.
  const sizes = pages.map((page) => {
    try {
      return pageSize(page.first);
    } catch (error) {
      return error as Error;
    }
  });
  const largest = Math.max(0, ...sizes.filter((size) => typeof size === 'number'));
  const order = sort.map((key) => `${key.expression} ${key.direction}`).join(', ');
  const ranked = query
    .clone()
    .select(parent, 'parent_id')
    .addSelect(`${query.alias}.id`, 'node_id')
    .addSelect(`row_number() OVER (PARTITION BY ${parent} ORDER BY ${order})`, 'position')
    .addSelect(`count(*) OVER (PARTITION BY ${parent})`, 'total')
    .andWhere(`${parent} = ANY(:pageParentIds)`, {
      pageParentIds: [...new Set(pages.map((p) => p.parentId))],
    });
  const [sql, parameters] = ranked.getQueryAndParameters();
  // One more row than the largest page tells whether a next page exists.
  const rows: { parent_id: string; node_id: string; position: string; total: string }[] =
    await query.dataSource.query(
      `SELECT parent_id, node_id, position, total FROM (${sql}) ranked
        WHERE position <= $${parameters.length + 1} ORDER BY parent_id, position`,
      [...parameters, largest + 1],
    );
  const ids = [...new Set(rows.map((row) => row.node_id))];
  const mainAlias = query.expressionMap.mainAlias;
  if (!mainAlias?.hasMetadata) throw new Error('firstPagesByParent: the query needs an entity');
  const nodes = ids.length
    ? await query.dataSource
        .createQueryBuilder<T>(mainAlias.metadata.target, query.alias)
        .where(`${query.alias}.id = ANY(:ids)`, { ids })
        .getMany()
    : [];
  const nodeById = new Map(nodes.map((node) => [node.id, node]));
  const rowsByParent = new Map<string, typeof rows>();
  for (const row of rows) {
    const list = rowsByParent.get(row.parent_id);
    if (list) list.push(row);
    else rowsByParent.set(row.parent_id, [row]);
  }
  return pages.map((page, i) => {
    const size = sizes[i];
    if (typeof size !== 'number') return size;
    const parentRows = rowsByParent.get(page.parentId) ?? [];
    const edges = parentRows.slice(0, size).flatMap((row) => {
      const node = nodeById.get(row.node_id);
      return node ? [{ node, cursor: encodeCursor(sort.map((key) => serialise(key.value(node)))) }] : [];
    });
    const pageInfo = Object.assign(new PageInfo(), {
      hasNextPage: parentRows.length > size,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    });
    return { edges, pageInfo, totalCount: Number(parentRows[0]?.total ?? 0) };
  });
}

/** The number of rows of the query, but at most `limit` (stops reading there). */
async function cappedCount<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  limit: number,
): Promise<number> {
  const [sql, parameters] = query.clone().select('1').limit(limit).getQueryAndParameters();
  const rows: { count: number }[] = await query.connection.query(
    `SELECT count(*)::int AS count FROM (${sql}) capped`,
    parameters,
  );
  return rows[0]?.count ?? 0;
}
