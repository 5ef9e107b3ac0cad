import { limits, Role, TokenPurpose, UserStatus } from '@hub/shared';
import { AuditEvent } from '../../packages/api/src/modules/audit/audit-event.entity';
import { Session } from '../../packages/api/src/modules/auth/session.entity';
import { UserToken } from '../../packages/api/src/modules/auth/user-token.entity';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import { purgeExpired } from '../../packages/api/src/modules/privacy/housekeeping';
import { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { viewer { id name role email } userErrors { field message code } }
}`;
const VIEWER = '{ viewer { id name role email municipality { name } } }';
const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) { user { id name email role } userErrors { field message code } }
}`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) {
  acceptInvitation(input: $input) { viewer { id name role } userErrors { field code message } }
}`;
const PASSWORD = 'richtig-langes-Passwort-1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** The link of the newest outbox mail to the address. */
async function linkFromOutbox(email: string): Promise<string> {
  const mail = await t.dataSource.getRepository(OutboxMessage).findOneOrFail({
    where: { recipient: email },
    order: { createdAt: 'DESC' },
  });
  const match = mail.body.match(/https?:\/\/\S+/);
  if (!match) throw new Error('no link in the mail');
  return match[0];
}
const tokenOf = (link: string) => link.split('/').pop() as string;

describe('sign-in', () => {
  it('signs in with the right password, sets an httpOnly cookie and knows the viewer', async () => {
    const user = await buildUser(t.dataSource, { role: Role.COORDINATOR, password: PASSWORD });
    const client = t.client();
    const result = await client.gql(SIGN_IN, {
      input: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(result.data?.signIn.userErrors).toEqual([]);
    expect(result.data?.signIn.viewer).toMatchObject({ id: gid('User', user.id), role: 'COORDINATOR' });
    const setCookie = result.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/hub_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const viewer = await client.gql(VIEWER);
    expect(viewer.data?.viewer.name).toBe(user.name);
  });

  it('gives the same error for an unknown e-mail and a wrong password', async () => {
    const user = await buildUser(t.dataSource, { password: PASSWORD });
    const wrong = await t
      .client()
      .gql(SIGN_IN, { input: { email: user.email, password: 'falsch-falsch-falsch' } });
    const unknown = await t
      .client()
      .gql(SIGN_IN, { input: { email: 'niemand@example.org', password: PASSWORD } });
    expect(wrong.data?.signIn.userErrors).toEqual(unknown.data?.signIn.userErrors);
    expect(wrong.data?.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    expect(wrong.data?.signIn.viewer).toBeNull();
  });

  it('does not let deactivated or invited people in', async () => {
    const deactivated = await buildUser(t.dataSource, { password: PASSWORD, status: UserStatus.DEACTIVATED });
    const result = await t.client().gql(SIGN_IN, { input: { email: deactivated.email, password: PASSWORD } });
    expect(result.data?.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after too many failures and says so clearly', async () => {
    const user = await buildUser(t.dataSource, { password: PASSWORD });
    for (let i = 0; i < limits.signIn.perAccount; i++) {
      const r = await t
        .client({ ip: `10.0.0.${i}` })
        .gql(SIGN_IN, { input: { email: user.email, password: 'falsch-falsch-falsch' } });
      expect(r.data?.signIn.userErrors[0].code).toBe('INVALID_CREDENTIALS');
    }
    // Even the right password is refused while the account is locked, from any address.
    const locked = await t
      .client({ ip: '10.0.1.1' })
      .gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    expect(locked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(locked.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('limits failures per IP address across accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < limits.signIn.perIp; i++) {
      await t
        .client({ ip })
        .gql(SIGN_IN, { input: { email: `x${i}@example.org`, password: 'falsch-falsch-falsch' } });
    }
    const user = await buildUser(t.dataSource, { password: PASSWORD });
    const blocked = await t.client({ ip }).gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    expect(blocked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const elsewhere = await t
      .client({ ip: '10.9.9.10' })
      .gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    expect(elsewhere.data?.signIn.viewer).not.toBeNull();
  });

  it('signs out this session, or every session', async () => {
    const user = await buildUser(t.dataSource);
    const a = await t.as(user);
    const b = await t.as(user);
    await a.gql('mutation { signOut { success } }');
    expect((await a.gql(VIEWER)).data?.viewer).toBeNull();
    expect((await b.gql(VIEWER)).data?.viewer).not.toBeNull();
    const c = await t.as(user);
    await c.gql('mutation { signOut(input: { everywhere: true }) { success } }');
    expect((await b.gql(VIEWER)).data?.viewer).toBeNull();
    expect(await t.dataSource.getRepository(Session).countBy({ userId: user.id })).toBe(0);
  });

  it('ends sessions that are past their expiry or idle too long', async () => {
    const user = await buildUser(t.dataSource);
    const expired = await t.as(user);
    const idle = await t.as(user);
    const sessions = await t.dataSource.getRepository(Session).findBy({ userId: user.id });
    await t.dataSource
      .getRepository(Session)
      .update(sessions[0].id, { expiresAt: new Date(Date.now() - 1000) });
    await t.dataSource.getRepository(Session).update(sessions[1].id, {
      lastSeenAt: new Date(Date.now() - (limits.sessionIdleHours + 1) * 3600_000),
    });
    expect((await expired.gql(VIEWER)).data?.viewer).toBeNull();
    expect((await idle.gql(VIEWER)).data?.viewer).toBeNull();
  });

  it('rejects bad input with BAD_USER_INPUT without echoing it', async () => {
    const long = 'x'.repeat(300);
    const result = await t.client().gql(SIGN_IN, { input: { email: long, password: 'y' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(result.errors)).not.toContain(long);
  });
});

describe('invitations', () => {
  it('a coordinator invites an officer, who sets a password through the outbox link and is signed in', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const trier = await municipality(t.dataSource, 'Trier', 'KREISFREIE_STADT' as never);
    const client = await t.as(coordinator);
    const email = 'neu.digital@trier.example';
    const invited = await client.gql(INVITE, {
      input: { email, name: 'Nora Neu', role: 'OFFICER', municipalityId: gid('Municipality', trier.id) },
    });
    expect(invited.data?.inviteUser.userErrors).toEqual([]);
    expect(invited.data?.inviteUser.user).toMatchObject({ name: 'Nora Neu', role: 'OFFICER', email });
    await t.app.mail.idle();

    const token = tokenOf(await linkFromOutbox(email));
    const info = await t
      .client()
      .gql('query($t: String!) { tokenInfo(token: $t) { purpose email name } }', { t: token });
    expect(info.data?.tokenInfo).toEqual({ purpose: 'INVITATION', email, name: 'Nora Neu' });

    const stranger = t.client();
    const tooShort = await stranger.gql(ACCEPT, { input: { token, password: 'kurz' } });
    expect(tooShort.data?.acceptInvitation.userErrors[0]).toMatchObject({
      code: 'PASSWORD_TOO_SHORT',
      field: 'password',
    });

    const accepted = await stranger.gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(accepted.data?.acceptInvitation.userErrors).toEqual([]);
    expect((await stranger.gql(VIEWER)).data?.viewer).toMatchObject({
      name: 'Nora Neu',
      municipality: { name: 'Trier' },
    });

    // Single use.
    const again = await t.client().gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(again.data?.acceptInvitation.userErrors[0].code).toBe('TOKEN_INVALID');
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'user.invite' })).toBeGreaterThan(
      0,
    );
  });

  it('refuses expired invitation links', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const client = await t.as(coordinator);
    const email = 'spaet@example.org';
    await client.gql(INVITE, { input: { email, name: 'Sam Spät', role: 'MINISTRY' } });
    const token = tokenOf(await linkFromOutbox(email));
    const user = await t.dataSource.getRepository(User).findOneByOrFail({ email });
    await t.dataSource
      .getRepository(UserToken)
      .update(
        { userId: user.id, purpose: TokenPurpose.INVITATION },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    const result = await t.client().gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(result.data?.acceptInvitation.userErrors[0].code).toBe('TOKEN_INVALID');
    expect(
      (await t.client().gql('query($t: String!) { tokenInfo(token: $t) { email } }', { t: token })).data
        ?.tokenInfo,
    ).toBeNull();
  });

  it('only coordinators invite; bad invitations write nothing', async () => {
    const officer = await buildUser(t.dataSource);
    const denied = await (await t.as(officer)).gql(INVITE, {
      input: { email: 'a@example.org', name: 'A', role: 'OFFICER' },
    });
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t
      .client()
      .gql(INVITE, { input: { email: 'a@example.org', name: 'A', role: 'OFFICER' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const client = await t.as(coordinator);
    const users = await t.dataSource.getRepository(User).count();
    const mails = await t.dataSource.getRepository(OutboxMessage).count();
    const noMunicipality = await client.gql(INVITE, {
      input: { email: 'b@example.org', name: 'B', role: 'OFFICER' },
    });
    expect(noMunicipality.data?.inviteUser.userErrors[0]).toMatchObject({
      code: 'MUNICIPALITY_REQUIRED',
      field: 'municipalityId',
    });
    const taken = await client.gql(INVITE, { input: { email: officer.email, name: 'C', role: 'MINISTRY' } });
    expect(taken.data?.inviteUser.userErrors[0].code).toBe('EMAIL_TAKEN');
    const badEmail = await client.gql(INVITE, {
      input: { email: 'not-an-email', name: 'D', role: 'MINISTRY' },
    });
    expect(badEmail.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await client.gql(INVITE, {
      input: { email: 'e@example.org', name: 'E', role: 'OFFICER', municipalityId: 'nonsense' },
    });
    expect(badId.data?.inviteUser.userErrors[0].code).toBe('MUNICIPALITY_REQUIRED');
    expect(await t.dataSource.getRepository(User).count()).toBe(users);
    expect(await t.dataSource.getRepository(OutboxMessage).count()).toBe(mails);
  });
});

describe('password reset', () => {
  const REQUEST =
    'mutation($e: String!) { requestPasswordReset(input: { email: $e }) { userErrors { code } } }';
  const RESET = `mutation($input: ResetPasswordInput!) {
    resetPassword(input: $input) { viewer { id } userErrors { code } }
  }`;

  it('mails a single-use link that sets a new password and ends the old sessions', async () => {
    const user = await buildUser(t.dataSource, { password: PASSWORD });
    const old = await t.as(user);
    const mailsBefore = await t.dataSource.getRepository(OutboxMessage).countBy({ recipient: user.email });
    const known = await t.client().gql(REQUEST, { e: user.email });
    const unknown = await t.client().gql(REQUEST, { e: 'gibt-es-nicht@example.org' });
    expect(known.data).toEqual(unknown.data);
    // The link is composed after the answer, off the request path.
    await t.app.mail.idle();
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ recipient: user.email })).toBe(
      mailsBefore + 1,
    );

    const token = tokenOf(await linkFromOutbox(user.email));
    const client = t.client();
    const reset = await client.gql(RESET, { input: { token, password: 'ein-neues-Passwort-2' } });
    expect(reset.data?.resetPassword.userErrors).toEqual([]);
    expect((await old.gql(VIEWER)).data?.viewer).toBeNull();
    expect((await client.gql(VIEWER)).data?.viewer.id).toBe(gid('User', user.id));
    const signIn = await t
      .client()
      .gql(SIGN_IN, { input: { email: user.email, password: 'ein-neues-Passwort-2' } });
    expect(signIn.data?.signIn.viewer).not.toBeNull();
    const reuse = await t.client().gql(RESET, { input: { token, password: 'noch-ein-Passwort-3' } });
    expect(reuse.data?.resetPassword.userErrors[0].code).toBe('TOKEN_INVALID');
  });

  it('an invitation token cannot reset a password', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    await (await t.as(coordinator)).gql(INVITE, {
      input: { email: 'falsch@example.org', name: 'F', role: 'MINISTRY' },
    });
    const token = tokenOf(await linkFromOutbox('falsch@example.org'));
    const result = await t.client().gql(RESET, { input: { token, password: PASSWORD } });
    expect(result.data?.resetPassword.userErrors[0].code).toBe('TOKEN_INVALID');
  });
});

describe('housekeeping', () => {
  it('deletes ended sessions and spent links, keeps live ones', async () => {
    const user = await buildUser(t.dataSource);
    const live = await t.as(user);
    await t.as(user);
    const sessions = await t.dataSource.getRepository(Session).findBy({ userId: user.id });
    await t.dataSource
      .getRepository(Session)
      .update(sessions[1].id, { expiresAt: new Date(Date.now() - 1000) });
    await purgeExpired(t.dataSource);
    expect(await t.dataSource.getRepository(Session).countBy({ userId: user.id })).toBe(1);
    expect((await live.gql(VIEWER)).data?.viewer).not.toBeNull();
  });
});
