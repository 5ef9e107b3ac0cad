import 'reflect-metadata';
import { Locale } from '@hub/shared';
import { DEFAULT_RETENTION } from '../../packages/api/src/config';
import { applyRetention, retentionRules } from '../../packages/api/src/modules/privacy';
import { purgeExpired } from '../../packages/api/src/modules/privacy/housekeeping';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);
const count = async (sql: string, values: unknown[] = []) =>
  Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, values))[0].n);

describe('retention: each kind of data is deleted once its period has passed, with the clock moved', () => {
  const start = new Date('2026-01-10T10:00:00Z');

  it('sessions, links, password requests and rate-limit rows', async () => {
    const user = await buildUser(t.dataSource);
    const q = (sql: string, values: unknown[]) => t.dataSource.query(sql, values);
    await q(
      `INSERT INTO session (id, user_id, created_at, last_seen_at, expires_at) VALUES
       ('retention-a', $1, $2, $2, $2::timestamptz + interval '30 days')`,
      [user.id, start],
    );
    await q(
      `INSERT INTO user_token (user_id, purpose, token_hash, expires_at, used_at, created_at)
       VALUES ($1, 'INVITATION', 'retention-token', $2::timestamptz + interval '7 days', $2, $2)`,
      [user.id, start],
    );
    await q(`INSERT INTO password_reset_request (email, created_at) VALUES ('retention@example.org', $1)`, [
      start,
    ]);
    await q(
      `INSERT INTO rate_limit_bucket (key, count, window_start) VALUES ('sign-in:ip:192.0.2.9', 3, $1)`,
      [start],
    );

    // Six days later the session is in use (idle limit 7 days), the link too recent, the rest due.
    const soon = await applyRetention(t.dataSource, DEFAULT_RETENTION, at(start, 6));
    expect(soon).toMatchObject({ session: 0, userToken: 0, passwordResetRequest: 1, rateLimit: 1 });
    expect(await count(`session WHERE id = 'retention-a'`)).toBe(1);
    // Eight days without use end the session; 31 days after a used link it goes.
    await applyRetention(t.dataSource, DEFAULT_RETENTION, at(start, 8));
    expect(await count(`session WHERE id = 'retention-a'`)).toBe(0);
    expect(await count(`user_token WHERE token_hash = 'retention-token'`)).toBe(1);
    await applyRetention(t.dataSource, DEFAULT_RETENTION, at(start, 31));
    expect(await count(`user_token WHERE token_hash = 'retention-token'`)).toBe(0);
  });

  it('delivered mails after the configured days after sending, undelivered ones after theirs', async () => {
    const q = (sql: string, values: unknown[]) => t.dataSource.query(sql, values);
    await q(
      `INSERT INTO outbox_message (recipient, subject, body, kind, created_at, sent_at) VALUES
       ('a@example.org', 'retention delivered', 'x', 'TEST', $1, $1),
       ('b@example.org', 'retention undelivered', 'x', 'TEST', $1, NULL)`,
      [start],
    );
    const settings = { ...DEFAULT_RETENTION, deliveredMailDays: 10, undeliveredMailDays: 20 };
    await applyRetention(t.dataSource, settings, at(start, 9));
    expect(await count(`outbox_message WHERE subject LIKE 'retention%'`)).toBe(2);
    await applyRetention(t.dataSource, settings, at(start, 11));
    expect(await count(`outbox_message WHERE subject LIKE 'retention%'`)).toBe(1);
    await applyRetention(t.dataSource, settings, at(start, 21));
    expect(await count(`outbox_message WHERE subject LIKE 'retention%'`)).toBe(0);
  });

  it('audit and domain events after the configured years, through the retention path only', async () => {
    const user = await buildUser(t.dataSource);
    const client = await t.as(user);
    await client.gql(`mutation { updateProfile(input: { position: "Alt" }) { userErrors { code } } }`);
    const written = await count(`audit_event WHERE entity_id = $1`, [user.id]);
    expect(written).toBe(1);
    const settings = { ...DEFAULT_RETENTION, auditYears: 2 };
    const now = new Date();
    await applyRetention(t.dataSource, settings, at(now, 365));
    expect(await count(`audit_event WHERE entity_id = $1`, [user.id])).toBe(1);
    const result = await applyRetention(t.dataSource, settings, at(now, 2 * 366));
    expect(result.auditEvent).toBeGreaterThanOrEqual(1);
    expect(await count(`audit_event WHERE entity_id = $1`, [user.id])).toBe(0);
    expect(await count(`domain_event WHERE subject_id = $1`, [user.id])).toBe(0);
    // Outside that path the trail stays append-only (a new event to try it on).
    // (a new session: the moved clock ended the old one)
    await (await t.as(user)).gql(
      `mutation { updateProfile(input: { position: "Neu" }) { userErrors { code } } }`,
    );
    await expect(t.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
  });

  it('read notifications after the configured days, unread ones and those a digest waits for stay', async () => {
    const person = await buildUser(t.dataSource);
    const insert = (readAt: Date | null, emailDue: string | null, emailedAt: Date | null) =>
      t.dataSource.query(
        `INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, link,
           created_at, read_at, email_due, emailed_at)
         VALUES ($1, 'FOLLOWER', 'STATUS_UPDATE', 'PROJECT', gen_random_uuid(), 'Pilot', '/projekte', $2, $2, $3, $4)`,
        [person.id, readAt, emailDue, emailedAt],
      );
    await insert(start, null, null); // read, no e-mail: goes
    await insert(start, 'DAILY', start); // read, digest sent: goes
    await insert(start, 'WEEKLY', null); // read, the weekly digest still waits for it: stays
    await t.dataSource.query(
      `INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, link, created_at)
       VALUES ($1, 'FOLLOWER', 'STATUS_UPDATE', 'PROJECT', gen_random_uuid(), 'Pilot', '/projekte', $2)`,
      [person.id, start],
    ); // unread: stays
    await t.dataSource.query('INSERT INTO notification_counter (user_id, total, unread) VALUES ($1, 4, 1)', [
      person.id,
    ]);
    const mine = () => count('notification WHERE recipient_id = $1', [person.id]);
    const days = DEFAULT_RETENTION.readNotificationDays;
    await applyRetention(t.dataSource, DEFAULT_RETENTION, at(start, days - 1));
    expect(await mine()).toBe(4);
    await applyRetention(t.dataSource, DEFAULT_RETENTION, at(start, days + 1));
    expect(await mine()).toBe(2);
    const [counter] = await t.dataSource.query(
      'SELECT total, unread FROM notification_counter WHERE user_id = $1',
      [person.id],
    );
    expect(counter).toEqual({ total: 2, unread: 1 });
  });

  it('the hourly housekeeping runs the same rules', async () => {
    await t.dataSource.query(
      `INSERT INTO rate_limit_bucket (key, count, window_start) VALUES ('sign-in:ip:192.0.2.10', 1, now() - interval '2 days')`,
    );
    await purgeExpired(t.dataSource);
    expect(await count(`rate_limit_bucket WHERE key = 'sign-in:ip:192.0.2.10'`)).toBe(0);
  });

  it('every rule has a documented kind and period in both languages; rules that keep data as long as the record say so', () => {
    for (const rule of retentionRules)
      for (const language of [Locale.DE, Locale.EN]) {
        expect(rule.kind[language].length).toBeGreaterThan(3);
        expect(rule.period(DEFAULT_RETENTION)[language].length).toBeGreaterThan(3);
      }
    expect(
      retentionRules.find((r) => r.key === 'auditEvent')?.period({ ...DEFAULT_RETENTION, auditYears: 7 }),
    ).toEqual({ DE: '7 Jahre (AUDIT_RETENTION_YEARS)', EN: '7 years (AUDIT_RETENTION_YEARS)' });
    expect(
      retentionRules.find((r) => r.key === 'outbox')?.period({ ...DEFAULT_RETENTION, deliveredMailDays: 1 })
        .EN,
    ).toMatch(/^delivered ones 1 day after sending/);
  });
});
