import { Role } from '@hub/shared';
import type { Context } from '../../graphql/context';
import { forbidden, unauthenticated } from '../../graphql/errors';
import type { User } from '../users';

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
