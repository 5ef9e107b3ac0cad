import type { Role } from '@hub/shared';
import type { User } from '../modules/users';
import type { Context } from './context';
import { forbidden, unauthenticated } from './errors';

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
