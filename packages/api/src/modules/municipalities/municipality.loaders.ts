import { MunicipalityKind } from '@hub/shared';
import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader, groupedLoader } from '../../graphql/loaders';
import { Municipality } from './municipality.entity';

export const municipalityById = byIdLoader(Municipality);

/** The units directly below one (the Gemeinden of a Verbandsgemeinde, the Verbandsgemeinden of a Kreis). */
export const municipalitiesByParentId = groupedLoader(
  Municipality,
  'parent_id',
  (m) => m.parentId as string,
  'name',
);

const ASSOCIATIONS = [MunicipalityKind.LANDKREIS, MunicipalityKind.VERBANDSGEMEINDE];

/**
 * A position for the map: a Gemeinde's own coordinates; for a Landkreis or Verbandsgemeinde,
 * which the register gives none, the mean of its Gemeinden's. One statement per batch.
 */
export const mapPositionByMunicipalityId: LoaderFactory<
  string,
  { latitude: number; longitude: number } | null
> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows: { id: string; latitude: number | null; longitude: number | null }[] = await dataSource.query(
      `SELECT m.id,
              COALESCE(m.latitude, avg(g.latitude)) AS latitude,
              COALESCE(m.longitude, avg(g.longitude)) AS longitude
         FROM municipality m
         LEFT JOIN municipality g
           ON m.kind = ANY($2::municipality_kind[])
          AND (g.parent_id = m.id OR g.district_id = m.id)
          AND g.latitude IS NOT NULL
        WHERE m.id = ANY($1)
        GROUP BY m.id`,
      [[...ids], ASSOCIATIONS],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row && row.latitude !== null && row.longitude !== null
        ? { latitude: Number(row.latitude), longitude: Number(row.longitude) }
        : null;
    });
  });
