import { Role } from '@hub/shared';
import type { Context } from '../../graphql/context';
import { forbidden, unauthenticated } from '../../graphql/errors';
import type { User } from '../users/user.entity';

/** The signed-in person, or UNAUTHENTICATED. */
export function requireViewer(ctx: Pick<Context, 'viewer'>): User {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/** The signed-in person if they hold one of the roles; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(ctx: Pick<Context, 'viewer'>, ...roles: Role[]): User {
  const viewer = requireViewer(ctx);
  if (!roles.includes(viewer.role)) throw forbidden();
  return viewer;
}

export const isCoordinator = (viewer: User | null): viewer is User => viewer?.role === Role.COORDINATOR;
export const isOfficer = (viewer: User | null): viewer is User => viewer?.role === Role.OFFICER;
export const isMinistry = (viewer: User | null): viewer is User => viewer?.role === Role.MINISTRY;

/** Officers and coordinators: the members of the network, who may see each other's contact data. */
export const isNetworkMember = (viewer: User | null): viewer is User =>
  viewer?.role === Role.COORDINATOR || viewer?.role === Role.OFFICER;

/**
 * The viewer as SQL expressions (a bound parameter, or a column when one statement checks many
 * people at once): what the modules' read rules in SQL take, next to their `can…` in code.
 */
export interface ViewerSql {
  /** uuid */
  id: string;
  /** text: the Role value */
  role: string;
  /** uuid, NULL for coordinators and the ministry */
  municipalityId: string;
}
