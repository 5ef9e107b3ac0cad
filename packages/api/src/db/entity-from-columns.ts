import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

type Hydrate = (values: Record<string, unknown>) => ObjectLiteral;

// Per data source and entity: looking the metadata up costs more than hydrating a small row.
const hydrators = new WeakMap<DataSource, Map<EntityTarget<ObjectLiteral>, Hydrate>>();

function hydratorOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): Hydrate {
  let byTarget = hydrators.get(dataSource);
  if (!byTarget) {
    byTarget = new Map();
    hydrators.set(dataSource, byTarget);
  }
  let hydrate = byTarget.get(target);
  if (!hydrate) {
    const metadata = dataSource.getMetadata(target);
    const { driver } = dataSource;
    hydrate = (values) => {
      const entity = metadata.create() as ObjectLiteral;
      for (const column of metadata.columns) {
        const value = values[column.databaseName];
        // The driver turns JSON's date strings into Dates as it does for text-format rows.
        if (value !== undefined) column.setEntityValue(entity, driver.prepareHydratedValue(value, column));
      }
      return entity;
    };
    byTarget.set(target, hydrate);
  }
  return hydrate;
}

/**
 * An entity from its column values keyed by column name: a raw row, or a row PostgreSQL built as
 * JSON (`to_json(alias)`). Typed as TypeORM's hydration types them (dates, transformers), without
 * its per-query machinery, so that one statement can bring a page with its relations and prime
 * the request's loaders. Columns missing from `values` stay unset.
 */
export function entityFromColumns<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  values: Record<string, unknown>,
): T {
  return hydratorOf(dataSource, target)(values) as T;
}
