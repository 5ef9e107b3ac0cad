import type { EntityManager } from 'typeorm';
import { type MunicipalityRecord, readMunicipalities } from './gemeindeverzeichnis';

// Rows per statement; each statement sends one array per column, so this only bounds its size.
const CHUNK_SIZE = 1000;

const UPSERT = `
  INSERT INTO municipality (ars, ags, name, kind, is_town, population, area_km2, postcode, latitude, longitude)
  SELECT * FROM unnest(
    $1::varchar[], $2::varchar[], $3::varchar[], $4::municipality_kind[], $5::boolean[],
    $6::integer[], $7::numeric[], $8::varchar[], $9::double precision[], $10::double precision[]
  )
  ON CONFLICT (ars) DO UPDATE SET
    ags = EXCLUDED.ags, name = EXCLUDED.name, kind = EXCLUDED.kind, is_town = EXCLUDED.is_town,
    population = EXCLUDED.population, area_km2 = EXCLUDED.area_km2, postcode = EXCLUDED.postcode,
    latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, updated_at = now()
  WHERE (municipality.ags, municipality.name, municipality.kind, municipality.is_town,
         municipality.population, municipality.area_km2, municipality.postcode,
         municipality.latitude, municipality.longitude)
    IS DISTINCT FROM (EXCLUDED.ags, EXCLUDED.name, EXCLUDED.kind, EXCLUDED.is_town,
         EXCLUDED.population, EXCLUDED.area_km2, EXCLUDED.postcode,
         EXCLUDED.latitude, EXCLUDED.longitude)
  RETURNING ars, (xmax = 0) AS inserted`;

// Parents are linked by ARS once every row exists; only rows whose links change are touched.
const LINK_PARENTS = `
  WITH wanted AS (
    SELECT v.ars, p.id AS parent_id, d.id AS district_id
      FROM unnest($1::varchar[], $2::varchar[], $3::varchar[]) AS v(ars, parent_ars, district_ars)
      LEFT JOIN municipality p ON p.ars = v.parent_ars
      LEFT JOIN municipality d ON d.ars = v.district_ars
  ), changed AS (
    UPDATE municipality m
       SET parent_id = wanted.parent_id, district_id = wanted.district_id, updated_at = now()
      FROM wanted
     WHERE m.ars = wanted.ars
       AND (m.parent_id, m.district_id) IS DISTINCT FROM (wanted.parent_id, wanted.district_id)
    RETURNING m.ars
  )
  SELECT ars FROM changed`;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/**
 * Loads the municipality directory from the Gemeindeverzeichnis shipped in packages/api/data:
 * inserts new units and updates changed ones (matched by ARS), inside the caller's transaction.
 * Idempotent: a second run changes nothing and reports zero. Units missing from a newer register
 * are kept, since memberships and users may refer to them.
 */
export async function loadMunicipalities(
  manager: EntityManager,
  records: MunicipalityRecord[] = readMunicipalities(),
): Promise<{ inserted: number; updated: number }> {
  const inserted = new Set<string>();
  const updated = new Set<string>();
  for (const chunk of chunks(records, CHUNK_SIZE)) {
    const rows: { ars: string; inserted: boolean }[] = await manager.query(UPSERT, [
      chunk.map((m) => m.ars),
      chunk.map((m) => m.ags),
      chunk.map((m) => m.name),
      chunk.map((m) => m.kind),
      chunk.map((m) => m.isTown),
      chunk.map((m) => m.population),
      chunk.map((m) => m.areaKm2),
      chunk.map((m) => m.postcode),
      chunk.map((m) => m.latitude),
      chunk.map((m) => m.longitude),
    ]);
    for (const row of rows) (row.inserted ? inserted : updated).add(row.ars);
  }
  for (const chunk of chunks(records, CHUNK_SIZE)) {
    const rows: { ars: string }[] = await manager.query(LINK_PARENTS, [
      chunk.map((m) => m.ars),
      chunk.map((m) => m.parentArs),
      chunk.map((m) => m.districtArs),
    ]);
    for (const row of rows) if (!inserted.has(row.ars)) updated.add(row.ars);
  }
  return { inserted: inserted.size, updated: updated.size };
}
