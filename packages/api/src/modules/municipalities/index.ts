/*
 * The municipalities module's public face (the directory of Rheinland-Pfalz): what other modules
 * may use. Its table and the rest of this folder are the module's own business.
 */

export { municipalityNames } from './municipality.audience';
export { Municipality } from './municipality.entity';
export { MunicipalityFilter, MunicipalitySort } from './municipality.inputs';
export { municipalitiesJson, primeMunicipalities } from './municipality.json';
export { mapPositionByMunicipalityId, municipalityById } from './municipality.loaders';
export { municipalityReferencedBy } from './municipality.projection';
export { MunicipalityConnection } from './municipality.resolver';
export {
  type DirectoryColumn,
  MunicipalityDirectory,
  municipalityExists,
} from './municipality.service';
