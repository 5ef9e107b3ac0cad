/** The users module's public face (what other modules may use). */
export { User } from './user.entity';
export { officersByMunicipalityId, userById } from './user.loaders';
