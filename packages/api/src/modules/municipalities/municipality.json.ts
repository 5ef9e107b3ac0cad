import type { DataSource } from 'typeorm';
import { entityFromJsonRow, entityRowJson } from '../../db/entity-from-columns';
import type { Loaders } from '../../graphql/loaders';
import { Municipality } from './municipality.entity';
import { municipalityById } from './municipality.loaders';

/**
 * SQL for another module's statement: the municipalities whose IDs the subquery `idsSql` gives,
 * and their districts, as one JSON array of rows (each once); `primeMunicipalities` reads it.
 */
export function municipalitiesJson(dataSource: DataSource, idsSql: string): string {
  return `(SELECT json_agg(${entityRowJson(dataSource, Municipality, 'jm')}) FROM municipality jm
            WHERE jm.id IN (${idsSql})
               OR jm.id IN (SELECT jd.district_id FROM municipality jd WHERE jd.id IN (${idsSql})))`;
}

/** Primes the request's `municipalityById` with a `municipalitiesJson` value: their fields send no statement. */
export function primeMunicipalities(
  dataSource: DataSource,
  loaders: Loaders,
  rows: readonly (readonly unknown[])[] | null,
): void {
  for (const row of rows ?? []) {
    const municipality = entityFromJsonRow(dataSource, Municipality, row);
    loaders.prime(municipalityById, municipality.id, municipality);
  }
}
