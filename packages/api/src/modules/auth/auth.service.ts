import { Locale, limits, Role, TokenPurpose, UserStatus } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { IsNull, MoreThan } from 'typeorm';
import type { Context } from '../../graphql/context';
import { rateLimited } from '../../graphql/errors';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { recordAudit } from '../audit/audit.service';
import { enqueueMail } from '../mail/mail-delivery';
import { Municipality } from '../municipalities/municipality.entity';
import { User } from '../users/user.entity';
import type { InviteUserInput } from './auth.inputs';
import { invitationMail, passwordResetMail } from './auth.mails';
import { hashPassword, verifyPassword } from './password';
import { RateLimiter } from './rate-limiter';
import { createSession, endAllSessions, newToken, sha256 } from './session.service';
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
  private readonly limiter: RateLimiter;

  constructor(private readonly ctx: Context) {
    this.limiter = new RateLimiter(ctx.dataSource);
  }

  /**
   * Checks the password and opens a session. Unknown e-mail, wrong password and inactive accounts
   * all give the same error, and failures count per account and per IP address.
   */
  async signIn(
    manager: EntityManager,
    emailInput: string,
    password: string,
  ): Promise<{ user: User; token: string }> {
    const email = normaliseEmail(emailInput);
    const window = limits.signIn.windowMinutes * 60;
    const accountKey = `sign-in:account:${email}`;
    const ipKey = `sign-in:ip:${this.ctx.ip}`;
    const [account, ip] = await Promise.all([
      this.limiter.peek(accountKey, window),
      this.limiter.peek(ipKey, window),
    ]);
    if (account.count >= limits.signIn.perAccount) throw rateLimited(account.retryAfterSeconds);
    if (ip.count >= limits.signIn.perIp) throw rateLimited(ip.retryAfterSeconds);

    const user = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const valid = await verifyPassword(user?.passwordHash ?? null, password);
    if (!user || !valid || user.status !== UserStatus.ACTIVE) {
      await Promise.all([this.limiter.hit(accountKey, window), this.limiter.hit(ipKey, window)]);
      fail('INVALID_CREDENTIALS', 'E-mail address or password is wrong.');
    }
    await this.limiter.reset(accountKey);
    const { token } = await createSession(manager, user.id);
    await recordAudit(manager, {
      actorId: user.id,
      action: 'auth.signIn',
      entityType: 'User',
      entityId: user.id,
      requestId: this.ctx.requestId,
    });
    return { user, token };
  }

  /** Creates an invited person and e-mails them a single-use link to set their password. */
  async invite(manager: EntityManager, inviter: User, input: InviteUserInput): Promise<User> {
    const email = normaliseEmail(input.email);
    let municipalityId: string | null = null;
    if (input.role === Role.OFFICER) {
      municipalityId = maybeIdOf(input.municipalityId, 'Municipality');
      const exists =
        municipalityId && (await manager.getRepository(Municipality).existsBy({ id: municipalityId }));
      if (!exists)
        fail('MUNICIPALITY_REQUIRED', 'Officers belong to a municipality: choose one.', 'municipalityId');
    } else if (input.municipalityId) {
      fail('MUNICIPALITY_NOT_ALLOWED', 'Only officers belong to a municipality.', 'municipalityId');
    }
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
    await recordAudit(manager, {
      actorId: inviter.id,
      action: 'user.invite',
      entityType: 'User',
      entityId: user.id,
      after: { role: user.role, municipalityId },
      requestId: this.ctx.requestId,
    });
    return user;
  }

  /** Sends a fresh invitation link; earlier ones stop working. */
  async sendInvitation(manager: EntityManager, inviter: User, user: User): Promise<void> {
    if (user.status !== UserStatus.INVITED) {
      fail('ALREADY_ACTIVE', 'This person has already accepted the invitation.', 'userId');
    }
    const token = await this.issueToken(
      manager,
      user,
      TokenPurpose.INVITATION,
      limits.invitationTtlHours,
      inviter.id,
    );
    await enqueueMail(
      manager,
      invitationMail(user, inviter, `${this.ctx.config.publicUrl}/einladung/${token}`),
    );
  }

  /** Mails a reset link when an active account has this address; says nothing either way. */
  async requestPasswordReset(manager: EntityManager, emailInput: string): Promise<void> {
    const email = normaliseEmail(emailInput);
    const window = limits.signIn.windowMinutes * 60;
    const [byIp, byAccount] = await Promise.all([
      this.limiter.hit(`reset:ip:${this.ctx.ip}`, window),
      this.limiter.hit(`reset:account:${email}`, window),
    ]);
    if (byIp.count > limits.signIn.perIp) throw rateLimited(byIp.retryAfterSeconds);
    // Over the per-account limit the request is silently dropped: the answer must not differ.
    if (byAccount.count > limits.signIn.perAccount) return;
    const user = await manager.getRepository(User).findOneBy({ email, status: UserStatus.ACTIVE });
    if (!user) return;
    const token = await this.issueToken(
      manager,
      user,
      TokenPurpose.PASSWORD_RESET,
      limits.passwordResetTtlHours,
      null,
    );
    await enqueueMail(
      manager,
      passwordResetMail(user, `${this.ctx.config.publicUrl}/passwort-zuruecksetzen/${token}`),
    );
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
    const { token } = await createSession(manager, user.id);
    await recordAudit(manager, {
      actorId: user.id,
      action: purpose === TokenPurpose.INVITATION ? 'user.acceptInvitation' : 'user.resetPassword',
      entityType: 'User',
      entityId: user.id,
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

  private async issueToken(
    manager: EntityManager,
    user: User,
    purpose: TokenPurpose,
    ttlHours: number,
    createdById: string | null,
  ): Promise<string> {
    // Only the newest link of a kind works.
    await manager.update(UserToken, { userId: user.id, purpose, usedAt: IsNull() }, { usedAt: new Date() });
    const token = newToken();
    await manager.insert(UserToken, {
      userId: user.id,
      purpose,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + ttlHours * HOUR),
      createdById,
    });
    return token;
  }
}
