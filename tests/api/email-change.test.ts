import { limits, Role, TokenPurpose } from '@hub/shared';
import { AuditEvent } from '../../packages/api/src/modules/audit/audit-event.entity';
import { UserToken } from '../../packages/api/src/modules/auth/user-token.entity';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid } from '../support/factories';

const UPDATE = `mutation($input: UpdateProfileInput!) {
  updateProfile(input: $input) { user { email name } userErrors { field code } }
}`;
const REVERT = `mutation($token: String!) {
  revertEmailChange(input: { token: $token }) { email userErrors { field code } }
}`;
const TOKEN_INFO = 'query($t: String!) { tokenInfo(token: $t) { purpose email } }';
const VIEWER = '{ viewer { id email } }';
const PASSWORD = 'richtig-langes-Passwort-1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const storedEmail = async (id: string) =>
  (await t.dataSource.getRepository(User).findOneByOrFail({ id })).email;
const mailsTo = (recipient: string) => t.dataSource.getRepository(OutboxMessage).findBy({ recipient });

/** The way-back token from the newest EMAIL_CHANGED mail to the address. */
async function revertTokenMailedTo(email: string): Promise<string> {
  await t.app.mail.idle();
  const mail = await t.dataSource.getRepository(OutboxMessage).findOneOrFail({
    where: { recipient: email, kind: 'EMAIL_CHANGED' },
    order: { createdAt: 'DESC' },
  });
  const link = mail.body.match(/https?:\/\/\S+\/e-mail-wiederherstellen\/(\S+)/);
  if (!link) throw new Error('no way-back link in the mail');
  return link[1];
}

describe('changing the sign-in address', () => {
  it('needs the current password: missing or wrong changes nothing and mails nobody', async () => {
    const me = await buildUser(t.dataSource, { password: PASSWORD });
    const client = await t.as(me);
    const missing = await client.gql(UPDATE, { input: { email: 'neu@example.org', name: 'Neu' } });
    expect(missing.data?.updateProfile.userErrors).toEqual([
      { field: 'currentPassword', code: 'PASSWORD_REQUIRED' },
    ]);
    const wrong = await client.gql(UPDATE, {
      input: { email: 'neu@example.org', currentPassword: 'falsch-falsch-falsch' },
    });
    expect(wrong.data?.updateProfile.userErrors).toEqual([
      { field: 'currentPassword', code: 'WRONG_PASSWORD' },
    ]);
    expect(await storedEmail(me.id)).toBe(me.email);
    expect(await t.dataSource.getRepository(User).findOneByOrFail({ id: me.id })).toMatchObject({
      name: me.name,
    });
    await t.app.mail.idle();
    expect(await mailsTo(me.email)).toEqual([]);
  });

  it('other fields change without the password', async () => {
    const me = await buildUser(t.dataSource);
    const result = await (await t.as(me)).gql(UPDATE, { input: { name: 'Anders', email: me.email } });
    expect(result.data?.updateProfile).toEqual({ user: { email: me.email, name: 'Anders' }, userErrors: [] });
  });

  it('counts wrong passwords like sign-in attempts', async () => {
    const me = await buildUser(t.dataSource, { password: PASSWORD });
    const client = await t.as(me);
    const attempt = (currentPassword: string) =>
      client.gql(UPDATE, { input: { email: 'versuch@example.org', currentPassword } });
    for (let i = 0; i < limits.signIn.perAccount; i++) {
      expect((await attempt('falsch-falsch-falsch')).data?.updateProfile.userErrors[0].code).toBe(
        'WRONG_PASSWORD',
      );
    }
    const locked = await attempt(PASSWORD);
    expect(locked.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(await storedEmail(me.id)).toBe(me.email);
  });

  it('with the password: changes it and mails the old address a way back that restores it and ends all sessions', async () => {
    const me = await buildUser(t.dataSource, { password: PASSWORD, name: 'Rita Rück' });
    const oldEmail = me.email;
    const client = await t.as(me);
    const other = await t.as(me);
    const changed = await client.gql(UPDATE, {
      input: { email: 'Rita.Neu@example.org', currentPassword: PASSWORD },
    });
    expect(changed.data?.updateProfile).toEqual({
      user: { email: 'rita.neu@example.org', name: 'Rita Rück' },
      userErrors: [],
    });
    const token = await revertTokenMailedTo(oldEmail);
    const [mail] = (await mailsTo(oldEmail)).filter((m) => m.kind === 'EMAIL_CHANGED');
    expect(mail.body).toContain('rita.neu@example.org');
    expect(await mailsTo('rita.neu@example.org')).toEqual([]);

    const info = await t.client().gql(TOKEN_INFO, { t: token });
    expect(info.data?.tokenInfo).toEqual({ purpose: 'EMAIL_CHANGE_REVERT', email: oldEmail });

    const reverted = await t.client().gql(REVERT, { token });
    expect(reverted.data?.revertEmailChange).toEqual({ email: oldEmail, userErrors: [] });
    expect(await storedEmail(me.id)).toBe(oldEmail);
    expect((await client.gql(VIEWER)).data?.viewer).toBeNull();
    expect((await other.gql(VIEWER)).data?.viewer).toBeNull();
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'user.revertEmailChange' })).toBe(
      1,
    );

    const again = await t.client().gql(REVERT, { token });
    expect(again.data?.revertEmailChange).toEqual({
      email: null,
      userErrors: [{ field: 'token', code: 'TOKEN_INVALID' }],
    });
  });

  it('the way back also voids links sent meanwhile, and a second change does not cancel it', async () => {
    const me = await buildUser(t.dataSource, { password: PASSWORD });
    const oldEmail = me.email;
    const client = await t.as(me);
    await client.gql(UPDATE, { input: { email: 'zwischen@example.org', currentPassword: PASSWORD } });
    const token = await revertTokenMailedTo(oldEmail);
    await client.gql(UPDATE, { input: { email: 'endgueltig@example.org', currentPassword: PASSWORD } });
    // A reset link to the new address, as someone who took over the account might ask for.
    await t
      .client({ ip: '10.44.0.1' })
      .gql(
        'mutation { requestPasswordReset(input: { email: "endgueltig@example.org" }) { userErrors { code } } }',
      );
    await t.app.mail.idle();
    expect(
      await t.dataSource
        .getRepository(UserToken)
        .countBy({ userId: me.id, purpose: TokenPurpose.PASSWORD_RESET }),
    ).toBe(1);

    const reverted = await t.client().gql(REVERT, { token });
    expect(reverted.data?.revertEmailChange.email).toBe(oldEmail);
    const open = await t.dataSource.getRepository(UserToken).find({ where: { userId: me.id } });
    expect(open.filter((token) => token.usedAt === null)).toEqual([]);
  });

  it('refuses expired links, and a way back to an address someone else has taken meanwhile', async () => {
    const me = await buildUser(t.dataSource, { password: PASSWORD });
    const oldEmail = me.email;
    const client = await t.as(me);
    await client.gql(UPDATE, { input: { email: 'weg-1@example.org', currentPassword: PASSWORD } });
    const token = await revertTokenMailedTo(oldEmail);
    await buildUser(t.dataSource, { email: oldEmail });
    const taken = await t.client().gql(REVERT, { token });
    expect(taken.data?.revertEmailChange.userErrors).toEqual([{ field: 'token', code: 'EMAIL_TAKEN' }]);
    expect(await storedEmail(me.id)).toBe('weg-1@example.org');

    const second = await buildUser(t.dataSource, { password: PASSWORD });
    await (await t.as(second)).gql(UPDATE, {
      input: { email: 'weg-2@example.org', currentPassword: PASSWORD },
    });
    const expiring = await revertTokenMailedTo(second.email);
    await t.dataSource
      .getRepository(UserToken)
      .update(
        { userId: second.id, purpose: TokenPurpose.EMAIL_CHANGE_REVERT },
        { expiresAt: new Date(Date.now() - 1000) },
      );
    const expired = await t.client().gql(REVERT, { token: expiring });
    expect(expired.data?.revertEmailChange.userErrors[0].code).toBe('TOKEN_INVALID');
    expect(await storedEmail(second.id)).toBe('weg-2@example.org');
  });

  it('a coordinator changing someone’s address confirms with their own password; the person is told', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR, password: PASSWORD });
    const person = await buildUser(t.dataSource, { name: 'Paula Person' });
    const client = await t.as(coordinator);
    const result = await client.gql(UPDATE, {
      input: { userId: gid('User', person.id), email: 'paula.neu@example.org', currentPassword: PASSWORD },
    });
    expect(result.data?.updateProfile.userErrors).toEqual([]);
    await revertTokenMailedTo(person.email);
    const [mail] = (await mailsTo(person.email)).filter((m) => m.kind === 'EMAIL_CHANGED');
    expect(mail.body).toContain(coordinator.name);
  });
});
