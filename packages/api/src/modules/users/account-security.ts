import type { Locale, Role } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import type { User } from './user.entity';

/** An invitation as the people administration asks for it (the shape of `InviteUserInput`). */
export interface InvitationRequest {
  email: string;
  name: string;
  role: Role;
  /** Global ID; required for officers. */
  municipalityId?: string | null;
  position?: string | null;
  locale?: Locale | null;
}

/**
 * What the people administration needs of sign-in (passwords, sessions, invitation mails). The auth
 * module builds on people and provides this with `registerAccountSecurity`, so that the users module
 * never imports auth: the dependency runs one way.
 */
export interface AccountSecurity {
  /** Counts a password confirmation like a sign-in attempt, before the mutation's transaction. */
  countPasswordConfirmation(ctx: Context, userId: string): Promise<void>;
  /** Checks the person's current password inside a mutation; missing or wrong is a userError. */
  confirmPassword(
    ctx: Context,
    manager: EntityManager,
    userId: string,
    password: string | null | undefined,
  ): Promise<void>;
  /** Tells the old address that the login e-mail changed, with a link that restores it. */
  noticeEmailChange(
    ctx: Context,
    manager: EntityManager,
    person: User,
    previousEmail: string,
    changedBy: User,
  ): Promise<void>;
  /** Signs the person out everywhere. */
  endAllSessions(manager: EntityManager, userId: string): Promise<void>;
  /** Creates an invited person and e-mails them the link to set their password. */
  invite(ctx: Context, manager: EntityManager, inviter: User, request: InvitationRequest): Promise<User>;
}

let registered: AccountSecurity | null = null;

/** Called once by the auth module when the schema is built. */
export function registerAccountSecurity(security: AccountSecurity): void {
  registered = security;
}

/** The registered account security; a programming error when the auth module was not loaded. */
export function accountSecurity(): AccountSecurity {
  if (!registered) throw new Error('No account security registered: the auth module registers it.');
  return registered;
}
