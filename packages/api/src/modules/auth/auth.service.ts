import { Locale, limits, TokenPurpose, UserStatus } from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull, MoreThan } from 'typeorm';
import type { Context, MutationOutcome } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { rateLimited } from '../../graphql/errors';
import { fail, userError } from '../../graphql/user-error';
import { emitDomainEvent } from '../events';
import { enqueueMail } from '../mail';
import { municipalityForRole, User } from '../users';
import type { InviteUserInput } from './auth.inputs';
import { emailChangedMail, invitationMail, passwordResetMail } from './auth.mails';
import { hashPassword, verifyPassword } from './password';
import { PasswordResetRequest } from './password-reset-request.entity';
import { RateLimiter } from './rate-limiter';
import { coarseClient, createSession, endAllSessions, newToken, sha256 } from './session.service';
import { UserToken } from './user-token.entity';

const HOUR = 3600_000;
const normaliseEmail = (email: string) => email.trim().toLowerCase();

function checkPassword(password: string): void {
  if (password.length < limits.password.minLength) {
    fail(
      'PASSWORD_TOO_SHORT',
      `The password needs at least ${limits.password.minLength} characters.`,
      'password',
    );
  }
}

/** Sign-in, invitations and password resets. */
export class AuthService {
  constructor(private readonly ctx: Context) {}

  /**
   * Checks the password and opens a session. Unknown e-mail, wrong password and inactive accounts
   * all give the same error. Every attempt is counted per account and per IP address before the
   * password is checked, so parallel guesses cannot all slip under the limit; a success takes its
   * count back. Only the session is written in a transaction, and the password check (slow on
   * purpose) holds no pool connection.
   */
  async signIn(
    emailInput: string,
    password: string,
  ): Promise<MutationOutcome<{ user: User; token: string }>> {
    const email = normaliseEmail(emailInput);
    const window = limits.signIn.windowMinutes * 60;
    const accountKey = `sign-in:account:${email}`;
    const ipKey = `sign-in:ip:${this.ctx.ip}`;
    const limiter = new RateLimiter(this.ctx.dataSource);
    const [account, ip] = await Promise.all([limiter.hit(accountKey, window), limiter.hit(ipKey, window)]);
    if (account.count > limits.signIn.perAccount) throw rateLimited(account.retryAfterSeconds);
    if (ip.count > limits.signIn.perIp) throw rateLimited(ip.retryAfterSeconds);

    const user = await this.ctx.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || user.status !== UserStatus.ACTIVE) {
      return {
        result: null,
        userErrors: [userError('INVALID_CREDENTIALS', 'E-mail address or password is wrong.')],
      };
    }
    return inTransaction(this.ctx, async (manager) => {
      const counters = new RateLimiter(manager);
      await counters.reset(accountKey);
      await counters.forgive(ipKey);
      const { token } = await createSession(manager, user.id, coarseClient(this.ctx.userAgent));
      await emitDomainEvent(manager, {
        actorId: user.id,
        type: 'auth.signIn',
        subjectType: 'User',
        subjectId: user.id,
        payload: null,
        requestId: this.ctx.requestId,
      });
      return { user, token };
    });
  }

  /** Creates an invited person and e-mails them a single-use link to set their password. */
  async invite(manager: EntityManager, inviter: User, input: InviteUserInput): Promise<User> {
    const email = normaliseEmail(input.email);
    const municipalityId = await municipalityForRole(manager, input.role, input.municipalityId);
    if (await manager.getRepository(User).existsBy({ email })) {
      fail('EMAIL_TAKEN', 'A person with this e-mail address already exists.', 'email');
    }
    const user = manager.create(User, {
      email,
      name: input.name.trim(),
      role: input.role,
      municipalityId,
      position: input.position?.trim() || null,
      locale: input.locale ?? Locale.DE,
      status: UserStatus.INVITED,
    });
    await manager.insert(User, user);
    await this.sendInvitation(manager, inviter, user);
    await emitDomainEvent(manager, {
      actorId: inviter.id,
      type: 'user.invite',
      subjectType: 'User',
      subjectId: user.id,
      payload: { role: user.role, municipalityId },
      requestId: this.ctx.requestId,
    });
    return user;
  }

  /** Sends a fresh invitation link; earlier ones stop working. */
  async sendInvitation(manager: EntityManager, inviter: User, user: User): Promise<void> {
    if (user.status !== UserStatus.INVITED) {
      fail('ALREADY_ACTIVE', 'This person has already accepted the invitation.', 'userId');
    }
    const token = await issueUserToken(manager, {
      userId: user.id,
      purpose: TokenPurpose.INVITATION,
      ttlHours: limits.invitationTtlHours,
      createdById: inviter.id,
    });
    await enqueueMail(
      manager,
      invitationMail(user, inviter, `${this.ctx.config.publicUrl}/einladung/${token}`),
    );
  }

  /**
   * Queues a reset for the address and says nothing either way. The request does the same work
   * for every address; whether an active account has it is found out later, off the request path
   * (`composePasswordResetMails`), so that neither the answer nor its timing tells.
   */
  async requestPasswordReset(emailInput: string): Promise<MutationOutcome<void>> {
    const email = normaliseEmail(emailInput);
    const window = limits.signIn.windowMinutes * 60;
    // Counted before the transaction, on a connection of its own: a rolled-back request still counts.
    const limiter = new RateLimiter(this.ctx.dataSource);
    const [byIp, byAccount] = await Promise.all([
      limiter.hit(`reset:ip:${this.ctx.ip}`, window),
      limiter.hit(`reset:account:${email}`, window),
    ]);
    if (byIp.count > limits.signIn.perIp) throw rateLimited(byIp.retryAfterSeconds);
    // Over the per-account limit the request is silently dropped: the answer must not differ.
    if (byAccount.count > limits.signIn.perAccount) return { result: undefined, userErrors: [] };
    return inTransaction(this.ctx, async (manager) => {
      await manager.insert(PasswordResetRequest, { email });
    });
  }

  /**
   * Counts a check of a signed-in person's own password (asked again before a sensitive change)
   * like a sign-in attempt: before the mutation's transaction, so that wrong guesses stay counted.
   */
  async countPasswordConfirmation(userId: string): Promise<void> {
    const state = await new RateLimiter(this.ctx.dataSource).hit(
      passwordConfirmationKey(userId),
      limits.signIn.windowMinutes * 60,
    );
    if (state.count > limits.signIn.perAccount) throw rateLimited(state.retryAfterSeconds);
  }

  /** Checks the person's current password inside a mutation; missing or wrong is a userError. */
  async confirmPassword(
    manager: EntityManager,
    userId: string,
    password: string | null | undefined,
  ): Promise<void> {
    if (!password) fail('PASSWORD_REQUIRED', 'Enter your current password to confirm.', 'currentPassword');
    const stored = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :userId', { userId })
      .getOneOrFail();
    if (!(await verifyPassword(stored.passwordHash, password))) {
      fail('WRONG_PASSWORD', 'The current password is wrong.', 'currentPassword');
    }
    await new RateLimiter(manager).reset(passwordConfirmationKey(userId));
  }

  /**
   * Tells the old address that the login e-mail changed, with a single-use link that restores it.
   * Earlier links stay valid: a second change must not cancel the first one's way back.
   */
  async noticeEmailChange(
    manager: EntityManager,
    person: User,
    previousEmail: string,
    changedBy: User,
  ): Promise<void> {
    const token = await issueUserToken(manager, {
      userId: person.id,
      purpose: TokenPurpose.EMAIL_CHANGE_REVERT,
      ttlHours: limits.emailChangeRevertTtlHours,
      createdById: changedBy.id,
      previousEmail,
      replacesEarlier: false,
    });
    await enqueueMail(
      manager,
      emailChangedMail(
        person,
        previousEmail,
        changedBy,
        `${this.ctx.config.publicUrl}/e-mail-wiederherstellen/${token}`,
      ),
    );
  }

  /**
   * Redeems an EMAIL_CHANGE_REVERT link: the old address is the login again, every session ends
   * and every other open link of the person stops working (e.g. a reset sent to the new address).
   */
  async revertEmailChange(manager: EntityManager, tokenValue: string): Promise<User> {
    const stored = await this.findValidToken(manager, tokenValue, TokenPurpose.EMAIL_CHANGE_REVERT, true);
    if (!stored?.previousEmail) {
      fail('TOKEN_INVALID', 'This link is invalid, expired or has been used already.', 'token');
    }
    const email = stored.previousEmail;
    const user = await manager.getRepository(User).findOneByOrFail({ id: stored.userId });
    const taken = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.email = :email AND u.id <> :id', { email, id: user.id })
      .getExists();
    if (taken) fail('EMAIL_TAKEN', 'Another person has this e-mail address now.', 'token');
    const before = { email: user.email };
    await manager.update(UserToken, { userId: user.id, usedAt: IsNull() }, { usedAt: new Date() });
    await manager.update(User, user.id, { email });
    user.email = email;
    await endAllSessions(manager, user.id);
    await emitDomainEvent(manager, {
      actorId: null,
      type: 'user.revertEmailChange',
      subjectType: 'User',
      subjectId: user.id,
      before,
      payload: { email },
      requestId: this.ctx.requestId,
    });
    return user;
  }

  /** Redeems an invitation or reset token: sets the password and opens a session. */
  async redeem(
    manager: EntityManager,
    purpose: TokenPurpose,
    tokenValue: string,
    password: string,
  ): Promise<{ user: User; token: string }> {
    const stored = await this.findValidToken(manager, tokenValue, purpose, true);
    if (!stored) fail('TOKEN_INVALID', 'This link is invalid, expired or has been used already.', 'token');
    checkPassword(password);
    const user = await manager.getRepository(User).findOneByOrFail({ id: stored.userId });
    const expectedStatus = purpose === TokenPurpose.INVITATION ? UserStatus.INVITED : UserStatus.ACTIVE;
    if (user.status !== expectedStatus) fail('TOKEN_INVALID', 'This link is no longer valid.', 'token');
    await manager.update(UserToken, stored.id, { usedAt: new Date() });
    await manager.update(User, user.id, {
      passwordHash: await hashPassword(password),
      status: UserStatus.ACTIVE,
    });
    // A new password ends the sessions opened with the old one.
    await endAllSessions(manager, user.id);
    user.status = UserStatus.ACTIVE;
    const { token } = await createSession(manager, user.id, coarseClient(this.ctx.userAgent));
    await emitDomainEvent(manager, {
      actorId: user.id,
      type: purpose === TokenPurpose.INVITATION ? 'user.acceptInvitation' : 'user.resetPassword',
      subjectType: 'User',
      subjectId: user.id,
      payload: null,
      requestId: this.ctx.requestId,
    });
    return { user, token };
  }

  async findValidToken(
    manager: EntityManager,
    tokenValue: string,
    purpose: TokenPurpose | null,
    lock = false,
  ): Promise<UserToken | null> {
    if (!tokenValue || tokenValue.length > 200) return null;
    return manager.getRepository(UserToken).findOne({
      where: {
        tokenHash: sha256(tokenValue),
        usedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
        ...(purpose ? { purpose } : {}),
      },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }
}

const passwordConfirmationKey = (userId: string) => `password-confirmation:${userId}`;

/** Issues a single-use link token; unless told otherwise, only the newest of a kind per person works. */
export async function issueUserToken(
  manager: EntityManager,
  options: {
    userId: string;
    purpose: TokenPurpose;
    ttlHours: number;
    createdById: string | null;
    previousEmail?: string;
    replacesEarlier?: boolean;
  },
): Promise<string> {
  const { userId, purpose } = options;
  if (options.replacesEarlier ?? true) {
    await manager.update(UserToken, { userId, purpose, usedAt: IsNull() }, { usedAt: new Date() });
  }
  const token = newToken();
  await manager.insert(UserToken, {
    userId,
    purpose,
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + options.ttlHours * HOUR),
    createdById: options.createdById,
    previousEmail: options.previousEmail ?? null,
  });
  return token;
}

/**
 * Turns queued reset requests into reset mails for the addresses of active accounts (and into
 * nothing for the others). Runs at the start of each mail delivery run, in one transaction;
 * SKIP LOCKED lets several API processes share the queue.
 */
export async function composePasswordResetMails(dataSource: DataSource, publicUrl: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const [requests] = (await manager.query(
      `DELETE FROM password_reset_request
        WHERE id IN (SELECT id FROM password_reset_request ORDER BY created_at LIMIT 100 FOR UPDATE SKIP LOCKED)
        RETURNING email`,
    )) as [{ email: string }[], number];
    if (!requests.length) return;
    const emails = [...new Set(requests.map((r) => r.email))];
    const users = await manager.getRepository(User).findBy({ email: In(emails), status: UserStatus.ACTIVE });
    for (const user of users) {
      const token = await issueUserToken(manager, {
        userId: user.id,
        purpose: TokenPurpose.PASSWORD_RESET,
        ttlHours: limits.passwordResetTtlHours,
        createdById: null,
      });
      await enqueueMail(manager, passwordResetMail(user, `${publicUrl}/passwort-zuruecksetzen/${token}`));
    }
  });
}
