import { Role } from '@hub/shared';
import type { User } from './user.entity';

/*
 * The roles as questions about a person who may be signed out (null). Policies build on these;
 * they live with the users module, which owns the role. Each narrows to a user OF THAT ROLE, so
 * that a false answer keeps `User | null` (a plain `is User` would narrow it to null).
 */
type WithRole<R extends Role> = User & { role: R };

export const isCoordinator = (person: User | null): person is WithRole<Role.COORDINATOR> =>
  person?.role === Role.COORDINATOR;
export const isOfficer = (person: User | null): person is WithRole<Role.OFFICER> =>
  person?.role === Role.OFFICER;
export const isMinistry = (person: User | null): person is WithRole<Role.MINISTRY> =>
  person?.role === Role.MINISTRY;

/** Officers and coordinators: the members of the network, who may see each other's contact data. */
export const isNetworkMember = (person: User | null): person is WithRole<Role.COORDINATOR | Role.OFFICER> =>
  person?.role === Role.COORDINATOR || person?.role === Role.OFFICER;
