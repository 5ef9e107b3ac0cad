import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

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
  const metadata = dataSource.getMetadata(target);
  const entity = metadata.create() as T;
  for (const column of metadata.columns) {
    if (!(column.databaseName in values)) continue;
    // The driver turns JSON's date strings into Dates as it does for text-format rows.
    column.setEntityValue(
      entity,
      dataSource.driver.prepareHydratedValue(values[column.databaseName], column),
    );
  }
  return entity;
}
