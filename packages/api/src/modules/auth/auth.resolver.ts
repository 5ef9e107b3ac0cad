import { limits, Role, TokenPurpose } from '@hub/shared';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { idOf } from '../../graphql/relay';
import { requireRole, requireViewer } from '../../graphql/viewer';
import { User, userPolicy } from '../users';
import {
  AcceptInvitationInput,
  InviteUserInput,
  InviteUserPayload,
  RequestPasswordResetInput,
  RequestPasswordResetPayload,
  ResendInvitationInput,
  ResetPasswordInput,
  RevertEmailChangeInput,
  RevertEmailChangePayload,
  SetLocaleInput,
  SignInInput,
  SignOutInput,
  SignOutPayload,
  TokenInfo,
  ViewerPayload,
} from './auth.inputs';
import { AuthService } from './auth.service';
import { endAllSessions, endSession, SESSION_COOKIE } from './session.service';

function setSessionCookie(ctx: Context, token: string): void {
  ctx.response?.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    maxAge: limits.sessionMaxHours * 3600_000,
  });
}

function clearSessionCookie(ctx: Context): void {
  ctx.response?.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
  });
}

/** Thin: reads the input, authorizes, calls AuthService, shapes the payload. */
@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in person, or null.' })
  viewer(@Ctx() ctx: Context): User | null {
    return ctx.viewer;
  }

  @Query(() => TokenInfo, {
    nullable: true,
    description: 'What an invitation or reset link is for; null when invalid, expired or used.',
  })
  async tokenInfo(@Arg('token', () => String) token: string, @Ctx() ctx: Context): Promise<TokenInfo | null> {
    const stored = await new AuthService(ctx).findValidToken(ctx.dataSource.manager, token, null);
    if (!stored) return null;
    const user = await ctx.dataSource.getRepository(User).findOneByOrFail({ id: stored.userId });
    return Object.assign(new TokenInfo(), {
      purpose: stored.purpose,
      // A way-back link is about the address it restores.
      email: stored.previousEmail ?? user.email,
      name: stored.purpose === TokenPurpose.INVITATION ? user.name : null,
      expiresAt: stored.expiresAt,
    });
  }

  @Mutation(() => ViewerPayload)
  async signIn(
    @Arg('input', () => SignInInput) input: SignInInput,
    @Ctx() ctx: Context,
  ): Promise<ViewerPayload> {
    const { result, userErrors } = await new AuthService(ctx).signIn(input.email, input.password);
    if (result) setSessionCookie(ctx, result.token);
    return { viewer: result?.user ?? null, userErrors };
  }

  @Mutation(() => SignOutPayload)
  async signOut(
    @Arg('input', () => SignOutInput, { nullable: true }) input: SignOutInput | null,
    @Ctx() ctx: Context,
  ): Promise<SignOutPayload> {
    const viewer = ctx.viewer;
    const token = ctx.sessionToken;
    await inTransaction(ctx, async (m) => {
      if (viewer && input?.everywhere) await endAllSessions(m, viewer.id);
      else if (token) await endSession(m, token);
    });
    clearSessionCookie(ctx);
    return { success: true };
  }

  @Mutation(() => InviteUserPayload, { description: 'Coordinators invite a person by e-mail.' })
  async inviteUser(
    @Arg('input', () => InviteUserInput) input: InviteUserInput,
    @Ctx() ctx: Context,
  ): Promise<InviteUserPayload> {
    const inviter = requireViewer(ctx);
    if (!userPolicy.can(inviter, 'invite')) throw forbidden();
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new AuthService(ctx).invite(m, inviter, input),
    );
    return { user: result, userErrors };
  }

  @Mutation(() => InviteUserPayload, {
    description: 'Sends a new invitation link; older links stop working.',
  })
  async resendInvitation(
    @Arg('input', () => ResendInvitationInput) input: ResendInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<InviteUserPayload> {
    const inviter = requireRole(ctx, Role.COORDINATOR);
    const userId = idOf(input.userId, 'User', 'userId');
    const { result, userErrors } = await inTransaction(ctx, async (m) => {
      const user = await m.getRepository(User).findOneBy({ id: userId });
      if (!user) return null;
      await new AuthService(ctx).sendInvitation(m, inviter, user);
      return user;
    });
    return { user: result, userErrors };
  }

  @Mutation(() => ViewerPayload, { description: 'Sets the password of an invited person and signs them in.' })
  async acceptInvitation(
    @Arg('input', () => AcceptInvitationInput) input: AcceptInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<ViewerPayload> {
    return this.redeem(ctx, TokenPurpose.INVITATION, input);
  }

  @Mutation(() => RequestPasswordResetPayload, {
    description:
      'Mails a reset link if the address belongs to an active account; the answer is the same either way.',
  })
  async requestPasswordReset(
    @Arg('input', () => RequestPasswordResetInput) input: RequestPasswordResetInput,
    @Ctx() ctx: Context,
  ): Promise<RequestPasswordResetPayload> {
    const { userErrors } = await new AuthService(ctx).requestPasswordReset(input.email);
    return { userErrors };
  }

  @Mutation(() => ViewerPayload)
  async resetPassword(
    @Arg('input', () => ResetPasswordInput) input: ResetPasswordInput,
    @Ctx() ctx: Context,
  ): Promise<ViewerPayload> {
    return this.redeem(ctx, TokenPurpose.PASSWORD_RESET, input);
  }

  @Mutation(() => RevertEmailChangePayload, {
    description:
      'Restores the previous sign-in address through the link mailed to it after a change; ends every session.',
  })
  async revertEmailChange(
    @Arg('input', () => RevertEmailChangeInput) input: RevertEmailChangeInput,
    @Ctx() ctx: Context,
  ): Promise<RevertEmailChangePayload> {
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new AuthService(ctx).revertEmailChange(m, input.token),
    );
    if (result && ctx.viewer?.id === result.id) clearSessionCookie(ctx);
    return { email: result?.email ?? null, userErrors };
  }

  @Mutation(() => ViewerPayload)
  async setLocale(
    @Arg('input', () => SetLocaleInput) input: SetLocaleInput,
    @Ctx() ctx: Context,
  ): Promise<ViewerPayload> {
    const viewer = requireViewer(ctx);
    const { userErrors } = await inTransaction(ctx, (m) =>
      m.update(User, viewer.id, { locale: input.locale }),
    );
    viewer.locale = input.locale;
    return { viewer, userErrors };
  }

  private async redeem(
    ctx: Context,
    purpose: TokenPurpose,
    input: AcceptInvitationInput,
  ): Promise<ViewerPayload> {
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new AuthService(ctx).redeem(m, purpose, input.token, input.password),
    );
    if (result) setSessionCookie(ctx, result.token);
    return { viewer: result?.user ?? null, userErrors };
  }
}
