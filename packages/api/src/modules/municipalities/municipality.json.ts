import type { DataSource } from 'typeorm';
import { entityFromColumns } from '../../db/entity-from-columns';
import type { Loaders } from '../../graphql/loaders';
import { Municipality } from './municipality.entity';
import { municipalityById } from './municipality.loaders';

/**
 * SQL for another module's statement: the municipality whose ID is the expression `idSql`, with
 * its district, as a JSON array of their rows (`[municipality, district or null]`, null when none).
 */
export function municipalityWithDistrictJson(idSql: string): string {
  return `(SELECT json_build_array(to_json(jm), to_json(jd)) FROM municipality jm
            LEFT JOIN municipality jd ON jd.id = jm.district_id WHERE jm.id = ${idSql})`;
}

/**
 * The municipality of a `municipalityWithDistrictJson` value; it and its district are primed into
 * the request's `municipalityById`, so that their fields (`district`, …) send no statement.
 */
export function primeMunicipalityWithDistrict(
  dataSource: DataSource,
  loaders: Loaders,
  json: readonly (Record<string, unknown> | null)[] | null,
): Municipality | null {
  if (!json) return null;
  const loader = loaders.get(municipalityById);
  const [municipality, district] = json.map((row) =>
    row ? entityFromColumns(dataSource, Municipality, row) : null,
  );
  if (district) loader.prime(district.id, district);
  if (municipality) loader.prime(municipality.id, municipality);
  return municipality;
}
