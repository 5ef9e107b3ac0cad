import type { AccountSecurity } from '../users';
import { InviteUserInput } from './auth.inputs';
import { AuthService } from './auth.service';
import { endAllSessions } from './session.service';

/** Sign-in's side of the people administration (see `AccountSecurity` in the users module). */
export const authAccountSecurity: AccountSecurity = {
  countPasswordConfirmation: (ctx, userId) => new AuthService(ctx).countPasswordConfirmation(userId),
  confirmPassword: (ctx, manager, userId, password) =>
    new AuthService(ctx).confirmPassword(manager, userId, password),
  noticeEmailChange: (ctx, manager, person, previousEmail, changedBy) =>
    new AuthService(ctx).noticeEmailChange(manager, person, previousEmail, changedBy),
  endAllSessions,
  invite: (ctx, manager, inviter, request) =>
    new AuthService(ctx).invite(manager, inviter, Object.assign(new InviteUserInput(), request)),
};
