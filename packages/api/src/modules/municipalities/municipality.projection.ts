import type { ProjectedField, ProjectedType } from '../../graphql/sql-projection';
import { Municipality } from './municipality.entity';

/**
 * A municipality answered in SQL (see graphql/sql-projection.ts): its plain column fields, and
 * its parent and district as the resolvers read them (municipality.resolver.ts).
 */
export const municipalityProjection: ProjectedType = {
  name: 'Municipality',
  entity: Municipality,
  fields: {
    parent: municipalityReferencedBy('parent_id'),
    district: municipalityReferencedBy('district_id'),
  },
};

/**
 * A field giving the municipality a row refers to by `column` (e.g. `lead_municipality_id`), as
 * `municipalityById` loads it, answered in SQL.
 */
export function municipalityReferencedBy(column: string): ProjectedField {
  return {
    object: () => municipalityProjection,
    from: (row, m) => `municipality ${m} WHERE ${m}.id = ${row}.${column}`,
  };
}
