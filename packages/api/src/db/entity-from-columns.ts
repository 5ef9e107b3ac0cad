import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface Hydrator {
  /** The selectable columns, in the order of `entityRowJson`'s arrays. */
  columns: ColumnMetadata[];
  /** Per column (same order): sets its value on an entity as TypeORM's hydration would. */
  setters: ((entity: ObjectLiteral, value: unknown) => void)[];
  /** Per prefix of a raw row's keys: the key of each column (same order). */
  keys: Map<string, string[]>;
  /** `entitiesWhereAny`'s statements, by column and order. */
  statements: Map<string, string>;
  create(): ObjectLiteral;
}

/** Column types TypeORM's hydration keeps as the driver hands them over (enums: of strings only). */
const AS_THEY_COME = new Set<unknown>(['varchar', 'uuid', 'text', 'integer', 'int', 'boolean', 'citext']);

function keptAsItComes(column: ColumnMetadata): boolean {
  if (column.transformer || column.embeddedMetadata || column.isArray) return false;
  // TypeORM turns an enum value that reads as a number of a numeric enum into that number.
  if (column.type === 'enum') return (column.enum ?? []).every((value) => typeof value === 'string');
  return AS_THEY_COME.has(column.type);
}

/**
 * How a column's value is set: directly when TypeORM's hydration would neither convert it (no
 * transformer, a type the driver hands over as it is) nor place it below an embedded object; else
 * through TypeORM's own conversion (dates, bigints, transformers). Decided once per column: asking
 * the driver per value is a chain of type comparisons, for thousands of values per catalogue page.
 */
function setterOf(dataSource: DataSource, column: ColumnMetadata): Hydrator['setters'][number] {
  const { propertyName } = column;
  if (keptAsItComes(column))
    return (entity, value) => {
      entity[propertyName] = value;
    };
  if (TIMESTAMPS.has(column.type))
    return (entity, value) =>
      hydrate(
        dataSource,
        entity,
        column,
        typeof value === 'string' ? (INFINITE.get(value) ?? timestampOf(value)) : value,
      );
  return (entity, value) => hydrate(dataSource, entity, column, value);
}

const TIMESTAMPS = new Set<unknown>(['timestamptz', 'timestamp', 'timestamp with time zone', Date]);
/** JSON carries ±infinity timestamps as text, which the driver reads as ±Infinity (as a Date it would be invalid). */
const INFINITE = new Map([
  ['infinity', Number.POSITIVE_INFINITY],
  ['-infinity', Number.NEGATIVE_INFINITY],
]);

/**
 * The times of timestamps read from JSON before, by their text, a bounded number: a catalogue page
 * brings the same municipalities and participants again and again, and parsing a date's text costs
 * more than the rest of its hydration. Each entity still gets a Date of its own.
 */
const parsedTimestamps = new Map<string, number>();
const MAX_PARSED_TIMESTAMPS = 10_000;

/** A JSON timestamp's Date, as TypeORM's hydration makes it (`new Date(text)`). */
function timestampOf(text: string): Date {
  let time = parsedTimestamps.get(text);
  if (time === undefined) {
    time = new Date(text).getTime();
    if (parsedTimestamps.size >= MAX_PARSED_TIMESTAMPS) parsedTimestamps.clear();
    parsedTimestamps.set(text, time);
  }
  return new Date(time);
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
    const columns = metadata.columns.filter((c) => c.isSelect);
    hydrator = {
      columns,
      setters: columns.map((column) => setterOf(dataSource, column)),
      keys: new Map(),
      statements: new Map(),
      create: () => metadata.create(),
    };
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
 * With a `prefix`, the row's keys are the column names behind it (`s_id` for a join's `s.id`).
 */
export function entityFromColumns<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  values: Record<string, unknown>,
  prefix = '',
): T {
  const hydrator = hydratorOf(dataSource, target);
  const { setters, create } = hydrator;
  let keys = hydrator.keys.get(prefix);
  if (!keys) {
    keys = hydrator.columns.map((column) => `${prefix}${column.databaseName}`);
    hydrator.keys.set(prefix, keys);
  }
  const entity = create();
  for (let i = 0; i < keys.length; i++) {
    const value = values[keys[i]];
    if (value !== undefined) setters[i](entity, value);
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
  return `json_build_array(${columns.map((c) => `${alias}."${c.databaseName}"${AS_TEXT_IN_JSON.has(c.type) ? '::text' : ''}`).join(', ')})`;
}

/**
 * Column types the driver reads as strings (their values may exceed what a JavaScript number holds
 * exactly) but JSON would carry as numbers: sent as text, so that both paths hydrate the same.
 */
const AS_TEXT_IN_JSON = new Set<unknown>(['bigint', 'int8', 'numeric', 'decimal']);

/** The entity of an `entityRowJson` value. */
export function entityFromJsonRow<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  values: readonly unknown[],
): T {
  const { setters, create } = hydratorOf(dataSource, target);
  const entity = create();
  for (let i = 0; i < setters.length; i++) setters[i](entity, values[i]);
  return entity as T;
}

/**
 * The entities of `target` whose `property` (a column's property or database name) is one of
 * `keys`, hydrated as `entityFromColumns` does, in `orderBy` (likewise, ascending) if given;
 * soft-deleted rows are left out, as TypeORM's query builder does. What a loader's batch reads: the
 * statement's text is built once per entity, column and order, not by a query builder per batch,
 * and the rows skip TypeORM's hydration (per row, per column: its alias lookups and type checks).
 */
export async function entitiesWhereAny<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  property: string,
  keys: readonly unknown[],
  orderBy?: string,
): Promise<T[]> {
  const hydrator = hydratorOf(dataSource, target);
  const statementKey = `${property} ${orderBy ?? ''}`;
  let text = hydrator.statements.get(statementKey);
  if (text === undefined) {
    const metadata = dataSource.getMetadata(target);
    const column = (name: string) => {
      const found = metadata.findColumnWithPropertyName(name) ?? metadata.findColumnWithDatabaseName(name);
      if (!found) throw new Error(`${metadata.name} has no column ${name}`);
      return `e."${found.databaseName}"`;
    };
    const deleted = metadata.deleteDateColumn
      ? ` AND e."${metadata.deleteDateColumn.databaseName}" IS NULL`
      : '';
    text = `SELECT ${hydrator.columns.map((c) => `e."${c.databaseName}"`).join(', ')}
      FROM ${dataSource.driver.escape(metadata.tableName)} e
      WHERE ${column(property)} = ANY($1)${deleted}${orderBy ? ` ORDER BY ${column(orderBy)}` : ''}`;
    hydrator.statements.set(statementKey, text);
  }
  const rows: Record<string, unknown>[] = await dataSource.query(text, [keys]);
  return rows.map((row) => entityFromColumns(dataSource, target, row));
}
