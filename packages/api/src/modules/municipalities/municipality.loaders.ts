import { byIdLoader } from '../../graphql/loaders';
import { Municipality } from './municipality.entity';

export const municipalityById = byIdLoader(Municipality);
