import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Hydrator {
  /** The selectable columns, in the order of `entityRowJson`'s arrays. */
  columns: ColumnMetadata[];
  create(): ObjectLiteral;
}

// Per data source and entity: looking the metadata up costs more than hydrating a small row.
const hydrators = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Hydrator>>();

function hydratorOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): Hydrator {
  let byTarget = hydrators.get(dataSource);
  if (!byTarget) {
    byTarget = new Map();
    hydrators.set(dataSource, byTarget);
  }
  let hydrator = byTarget.get(target);
  if (!hydrator) {
    const metadata = dataSource.getMetadata(target);
    hydrator = { columns: metadata.columns.filter((c) => c.isSelect), create: () => metadata.create() };
    byTarget.set(target, hydrator);
  }
  return hydrator;
}

function hydrate(dataSource: DataSource, entity: ObjectLiteral, column: ColumnMetadata, value: unknown) {
  // The driver turns JSON's date strings into Dates as it does for text-format rows.
  column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(value, column));
}

/**
 * An entity from its column values keyed by column name (a raw row), typed as TypeORM's hydration
 * types them (dates, transformers) without its per-query machinery. Columns missing stay unset.
 */
export function entityFromColumns<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  values: Record<string, unknown>,
): T {
  const { columns, create } = hydratorOf(dataSource, target);
  const entity = create();
  for (const column of columns) {
    const value = values[column.databaseName];
    if (value !== undefined) hydrate(dataSource, entity, column, value);
  }
  return entity as T;
}

/**
 * SQL: the whole row of `alias` (an entity's table) as a JSON array of its column values, for one
 * statement that brings a page with its relations; `entityFromJsonRow` reads it. Positional, so
 * that the JSON carries no column names (a catalogue page has hundreds of such rows).
 */
export function entityRowJson(
  dataSource: DataSource,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
): string {
  const { columns } = hydratorOf(dataSource, target);
  return `json_build_array(${columns.map((c) => `${alias}."${c.databaseName}"`).join(', ')})`;
}

/** The entity of an `entityRowJson` value. */
export function entityFromJsonRow<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  values: readonly unknown[],
): T {
  const { columns, create } = hydratorOf(dataSource, target);
  const entity = create();
  for (const [i, column] of columns.entries()) hydrate(dataSource, entity, column, values[i]);
  return entity as T;
}
