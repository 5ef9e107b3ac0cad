import type { ProjectedType } from '../../graphql/sql-projection';
import { Municipality } from './municipality.entity';

/**
 * A municipality answered in SQL (see graphql/sql-projection.ts): its plain column fields, and
 * its parent and district as the resolvers read them (municipality.resolver.ts).
 */
export const municipalityProjection: ProjectedType = {
  name: 'Municipality',
  entity: Municipality,
  fields: {
    parent: {
      object: () => municipalityProjection,
      from: (municipality, parent) => `municipality ${parent} WHERE ${parent}.id = ${municipality}.parent_id`,
    },
    district: {
      object: () => municipalityProjection,
      from: (municipality, district) =>
        `municipality ${district} WHERE ${district}.id = ${municipality}.district_id`,
    },
  },
};
