import DataLoader from 'dataloader';
import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { entitiesWhereAny } from '../db/entity-from-columns';

export type LoaderFactory<K, V> = (dataSource: DataSource) => DataLoader<K, V>;

/** What `Loaders.primed` answers for a key nobody primed: load it. */
export const NOT_PRIMED: unique symbol = Symbol('not primed');

/**
 * The request's DataLoaders: each module declares factories in its `*.loaders.ts`, and the first
 * use in a request creates the loader, so batches and caches never outlive the request.
 */
export class Loaders {
  private readonly created = new Map<LoaderFactory<unknown, unknown>, DataLoader<unknown, unknown>>();
  /** Values primed through `prime`, per loader: field resolvers read them without a promise. */
  private readonly primedValues = new Map<LoaderFactory<unknown, unknown>, Map<unknown, unknown>>();
  private stopped: Error | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** From now on every use throws `reason` (the request's time budget is spent: request-budget.ts). */
  stop(reason: Error): void {
    this.stopped = reason;
  }

  get<K, V>(factory: LoaderFactory<K, V>): DataLoader<K, V> {
    if (this.stopped) throw this.stopped;
    const generic = factory as LoaderFactory<unknown, unknown>;
    let loader = this.created.get(generic);
    if (!loader) {
      loader = factory(this.dataSource) as DataLoader<unknown, unknown>;
      for (const [key, value] of this.primedValues.get(generic) ?? []) loader.clear(key).prime(key, value);
      this.created.set(generic, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /**
   * Primes the loader with a value read along with a page, replacing what it may hold for the key
   * (so that `load` and `primed` answer the same), and keeps it for `primed`. A loader not yet
   * created is primed when it is: field resolvers mostly answer from `primed`, so a page's
   * thousand values need no loader and no promise each.
   */
  prime<K, V>(factory: LoaderFactory<K, V>, key: K, value: V): void {
    if (this.stopped) throw this.stopped;
    const generic = factory as LoaderFactory<unknown, unknown>;
    this.created.get(generic)?.clear(key).prime(key, value);
    let values = this.primedValues.get(generic);
    if (!values) {
      values = new Map();
      this.primedValues.set(generic, values);
    }
    values.set(key, value);
  }

  /**
   * The value primed for the key, or NOT_PRIMED: a field resolver answers a primed value at once
   * instead of creating a promise per field (a page of 50 cards resolves thousands of fields).
   */
  primed<K, V>(factory: LoaderFactory<K, V>, key: K): V | typeof NOT_PRIMED {
    if (this.stopped) throw this.stopped;
    const values = this.primedValues.get(factory as LoaderFactory<unknown, unknown>);
    const value = values?.get(key);
    // One lookup for the usual case; `has` only tells a primed undefined from none.
    return value !== undefined || values?.has(key) ? (value as V) : NOT_PRIMED;
  }
}

/** A loader of entities by primary key (`id`): one `WHERE id = ANY($1)` per batch (entitiesWhereAny). */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(
  entity: EntityTarget<T>,
): LoaderFactory<string, T | null> {
  return (dataSource) =>
    new DataLoader<string, T | null>(async (ids) => {
      const rows = await entitiesWhereAny(dataSource, entity, 'id', ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
}

/** A loader of the rows whose `column` (a property or column name) equals the key, grouped: one statement per batch. */
export function groupedLoader<T extends ObjectLiteral>(
  entity: EntityTarget<T>,
  column: string,
  key: (row: T) => string,
  orderBy?: string,
): LoaderFactory<string, T[]> {
  return (dataSource) =>
    new DataLoader<string, T[]>(async (keys) => {
      const rows = await entitiesWhereAny(dataSource, entity, column, keys, orderBy);
      const groups = new Map<string, T[]>();
      for (const row of rows) {
        const k = key(row);
        const group = groups.get(k);
        if (group) group.push(row);
        else groups.set(k, [row]);
      }
      return keys.map((k) => groups.get(k) ?? []);
    });
}

/**
 * A loader whose keys may need different statements (another viewer's read filter, another list
 * option): `batchOf` names the statement a key needs, and `load` answers the keys of one such
 * batch (an Error fails that key alone); `cacheKey` tells equal keys apart (keys are objects).
 */
export function partitionedLoader<K, V>(
  batchOf: (key: K) => string,
  cacheKey: (key: K) => string,
  load: (dataSource: DataSource, keys: K[]) => Promise<(V | Error)[]>,
): LoaderFactory<K, V> {
  return (dataSource) =>
    new DataLoader<K, V, string>(
      async (keys) => {
        const batches = new Map<string, number[]>();
        keys.forEach((key, i) => {
          const name = batchOf(key);
          const batch = batches.get(name);
          if (batch) batch.push(i);
          else batches.set(name, [i]);
        });
        const values = new Array<V | Error>(keys.length);
        await Promise.all(
          [...batches.values()].map(async (indexes) => {
            const loaded = await load(
              dataSource,
              indexes.map((i) => keys[i]),
            );
            indexes.forEach((keyIndex, j) => {
              values[keyIndex] = loaded[j];
            });
          }),
        );
        return values;
      },
      { cacheKeyFn: cacheKey },
    );
}
