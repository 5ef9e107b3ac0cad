import { limits, Role } from '@hub/shared';
import type { QueryRunner } from 'typeorm';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import type { GraphQLResult, TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';

const SIGN_IN = `mutation($input: SignInInput!) {
  signIn(input: $input) { viewer { id } userErrors { code } }
}`;
const REQUEST_RESET = `mutation($e: String!) {
  requestPasswordReset(input: { email: $e }) { userErrors { code } }
}`;
const SET_LOCALE = 'mutation($l: Locale!) { setLocale(input: { locale: $l }) { userErrors { code } } }';
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) {
  updateProfile(input: $input) { user { name } userErrors { code } }
}`;
const INVITE = `mutation($input: InviteUserInput!) {
  inviteUser(input: $input) { user { id } userErrors { code } }
}`;
const SIGN_OUT = 'mutation { signOut { success } }';
const PASSWORD = 'richtig-langes-Passwort-1';
const WRONG = 'falsch-falsch-falsch';

let ipSequence = 0;
/** A fresh client address, so that the per-IP limits stay out of the way where they are not tested. */
const freshIp = () => `10.${Math.floor(++ipSequence / 250) % 250}.${ipSequence % 250}.7`;

/** What a sign-in came to: a session, the credentials error, or the rate limit. */
function outcomeOf(result: GraphQLResult): 'signed-in' | 'invalid' | 'rate-limited' | string {
  const code = result.errors?.[0]?.extensions?.code;
  if (code) return code === 'RATE_LIMITED' ? 'rate-limited' : String(code);
  if (result.data?.signIn.viewer) return 'signed-in';
  return result.data?.signIn.userErrors[0]?.code === 'INVALID_CREDENTIALS' ? 'invalid' : 'unexpected';
}

// Before the fix, a sign-in held a pool connection in its transaction and asked the pool for a
// second one: as many sign-ins as connections waited for each other forever.
describe.each([2, 10])('with a pool of %i connections', (poolSize) => {
  let t: TestApp;
  beforeAll(async () => {
    // A short acquire timeout: a request that cannot get a connection fails the test quickly.
    t = await startTestApp({}, { poolSize, acquireTimeoutMs: 5000 });
  });
  afterAll(() => t.close());

  it('answers 50 concurrent sign-ins, right and wrong, and stays ready', async () => {
    // Two real password hashes only: argon2 is slow on purpose.
    const people = [
      await buildUser(t.dataSource, { password: PASSWORD }),
      await buildUser(t.dataSource, { password: PASSWORD }),
    ];
    const attempts = Array.from({ length: 50 }, (_, i) => {
      const kind = i % 5;
      // Right passwords, wrong passwords, unknown addresses.
      const email = kind === 4 ? `unbekannt-${i}@example.org` : people[i % 2].email;
      const password = kind < 2 ? PASSWORD : WRONG;
      return t.client({ ip: freshIp() }).gql(SIGN_IN, { input: { email, password } });
    });
    const results = await Promise.all(attempts);
    const outcomes = results.map(outcomeOf);
    expect(outcomes.filter((o) => !['signed-in', 'invalid', 'rate-limited'].includes(o))).toEqual([]);
    outcomes.forEach((outcome, i) => {
      if (i % 5 === 4) expect(outcome).toBe('invalid');
    });
    expect(outcomes.filter((o) => o === 'signed-in').length).toBeGreaterThan(0);

    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(200);
  });

  it('answers 50 concurrent mutations of other kinds', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const inviter = await t.as(coordinator);
    const officers = await Promise.all(Array.from({ length: 10 }, () => buildUser(t.dataSource)));
    const clients = await Promise.all(officers.map((officer) => t.as(officer)));
    const leaving = await Promise.all(officers.map((officer) => t.as(officer)));
    const work: Promise<GraphQLResult>[] = [
      ...officers.map((officer) => t.client({ ip: freshIp() }).gql(REQUEST_RESET, { e: officer.email })),
      ...clients.map((client) => client.gql(SET_LOCALE, { l: 'EN' })),
      ...clients.map((client, i) => client.gql(UPDATE_PROFILE, { input: { name: `Neu ${i}` } })),
      ...officers.map((_, i) =>
        inviter.gql(INVITE, {
          input: { email: `neu-${poolSize}-${i}@example.org`, name: `Neu ${i}`, role: 'MINISTRY' },
        }),
      ),
      ...leaving.map((client) => client.gql(SIGN_OUT)),
    ];
    const results = await Promise.all(work);
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const userErrors = results.flatMap((r) =>
      Object.values(r.data ?? {}).flatMap(
        (payload) => (payload as { userErrors?: unknown[] }).userErrors ?? [],
      ),
    );
    expect(userErrors).toEqual([]);
    await t.app.mail.idle();
    // Every reset request became a mail, composed after the answers.
    const resetMails = await t.dataSource.getRepository(OutboxMessage).countBy({ kind: 'PASSWORD_RESET' });
    expect(resetMails).toBe(officers.length);
  });

  it('/readyz says 503 at once when every connection is taken, and ready again after', async () => {
    const runners: QueryRunner[] = [];
    try {
      for (let i = 0; i < poolSize; i++) {
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        runners.push(runner);
      }
      const busy = await fetch(`${t.url}/readyz`);
      expect(busy.status).toBe(503);
      expect(await busy.json()).toEqual({ status: 'database busy or unreachable' });
      // Liveness is about the process, not the database.
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    } finally {
      await Promise.all(runners.map((runner) => runner.release()));
    }
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
});

describe('database timeouts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { statementTimeoutMs: 300, idleInTransactionTimeoutMs: 2000 });
  });
  afterAll(() => t.close());

  it('every connection carries the statement and idle-in-transaction timeouts', async () => {
    const [settings] = await t.dataSource.query(
      "SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle",
    );
    expect(settings).toEqual({ statement: '300ms', idle: '2s' });
    await expect(t.dataSource.query('SELECT pg_sleep(1)')).rejects.toThrow(/statement timeout/);
  });
});

describe('sign-in limits under parallel guesses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('checks at most the per-account limit of parallel guesses', async () => {
    const user = await buildUser(t.dataSource, { password: PASSWORD });
    const guesses = 9;
    const results = await Promise.all(
      Array.from({ length: guesses }, () =>
        t.client({ ip: freshIp() }).gql(SIGN_IN, { input: { email: user.email, password: WRONG } }),
      ),
    );
    const outcomes = results.map(outcomeOf);
    // Each "invalid" answer is a password that was checked.
    expect(outcomes.filter((o) => o === 'invalid')).toHaveLength(limits.signIn.perAccount);
    expect(outcomes.filter((o) => o === 'rate-limited')).toHaveLength(guesses - limits.signIn.perAccount);
    const locked = await t
      .client({ ip: freshIp() })
      .gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
    expect(outcomeOf(locked)).toBe('rate-limited');
  });

  it('a successful sign-in clears the account’s failures', async () => {
    const user = await buildUser(t.dataSource, { password: PASSWORD });
    const signIn = (password: string) =>
      t.client({ ip: freshIp() }).gql(SIGN_IN, { input: { email: user.email, password } });
    for (let i = 0; i < limits.signIn.perAccount - 1; i++)
      expect(outcomeOf(await signIn(WRONG))).toBe('invalid');
    expect(outcomeOf(await signIn(PASSWORD))).toBe('signed-in');
    for (let i = 0; i < limits.signIn.perAccount; i++) expect(outcomeOf(await signIn(WRONG))).toBe('invalid');
    expect(outcomeOf(await signIn(PASSWORD))).toBe('rate-limited');
  });

  it('successful sign-ins from one address (an office behind one gateway) do not use up its limit', async () => {
    const user = await buildUser(t.dataSource, { password: PASSWORD });
    const office = '10.200.0.1';
    for (let i = 0; i <= limits.signIn.perIp; i++) {
      const result = await t
        .client({ ip: office })
        .gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
      expect(outcomeOf(result)).toBe('signed-in');
    }
  });
});

describe('password reset requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('does the same work and gives the same answer for known and unknown addresses', async () => {
    const user = await buildUser(t.dataSource);
    const known = await t.client({ ip: freshIp() }).gql(REQUEST_RESET, { e: user.email });
    const unknown = await t.client({ ip: freshIp() }).gql(REQUEST_RESET, { e: 'niemand@example.org' });
    expect(known.status).toBe(unknown.status);
    expect(known.data).toEqual({ requestPasswordReset: { userErrors: [] } });
    expect(unknown.data).toEqual(known.data);
    // The same statements, and none of them looks at the account: that happens after the answer.
    expect(known.statements).toEqual(unknown.statements);
    expect(known.statements.join('\n')).not.toMatch(/app_user|user_token|outbox_message/);

    await t.app.mail.idle();
    const mails = await t.dataSource.getRepository(OutboxMessage).findBy({ kind: 'PASSWORD_RESET' });
    expect(mails.map((m) => m.recipient)).toEqual([user.email]);
  });
});
