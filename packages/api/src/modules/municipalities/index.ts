/** The municipalities module's public face (what other modules may use). */
export { Municipality } from './municipality.entity';
export { municipalityById } from './municipality.loaders';
