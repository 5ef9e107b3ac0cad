import { byIdLoader } from '../../graphql/loaders';
import { User } from './user.entity';

export const userById = byIdLoader(User);
