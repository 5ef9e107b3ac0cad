import { Locale, limits } from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { RetentionSettings } from '../../config';
import type { Wording } from './personal-data.registry';

/**
 * How long each kind of data is kept (Speicherbegrenzung, Art. 5 Abs. 1 lit. e DSGVO). The
 * registry's entries name one of these rules; the processing record prints `period`, and
 * `applyRetention` runs every rule that deletes something. A new kind (e.g. read notifications)
 * adds one rule here and names it in its registry entry.
 */
export interface RetentionRule {
  key: string;
  /** What is kept. */
  kind: Wording;
  /** How long, with the configured figures. */
  period(settings: RetentionSettings): Wording;
  /** Deletes what is due at `now`; returns the number of rows deleted. Absent for data kept as long as its record. */
  apply?(manager: EntityManager, settings: RetentionSettings, now: Date): Promise<number>;
}

/** Runs one DELETE and returns how many rows it removed. */
async function deleted(manager: EntityManager, sql: string, parameters: unknown[]): Promise<number> {
  const [, count] = (await manager.query(sql, parameters)) as [unknown, number];
  return count;
}

const days = (n: number): Wording => ({
  [Locale.DE]: n === 1 ? '1 Tag' : `${n} Tage`,
  [Locale.EN]: n === 1 ? '1 day' : `${n} days`,
});

export const retentionRules: readonly RetentionRule[] = [
  {
    key: 'session',
    kind: { DE: 'Anmeldesitzungen', EN: 'Sign-in sessions' },
    period: () => ({
      DE: `bis zur Abmeldung, höchstens ${limits.sessionMaxHours / 24} Tage, nach ${limits.sessionIdleHours / 24} Tagen ohne Nutzung`,
      EN: `until signing out, at most ${limits.sessionMaxHours / 24} days, after ${limits.sessionIdleHours / 24} days without use`,
    }),
    apply: (m, _s, now) =>
      deleted(
        m,
        'DELETE FROM session WHERE expires_at < $1 OR last_seen_at < $1::timestamptz - make_interval(hours => $2)',
        [now, limits.sessionIdleHours],
      ),
  },
  {
    key: 'userToken',
    kind: { DE: 'Einladungs- und Passwort-Links', EN: 'Invitation and password links' },
    period: () => ({ DE: '30 Tage nach Nutzung oder Ablauf', EN: '30 days after use or expiry' }),
    apply: (m, _s, now) =>
      deleted(
        m,
        `DELETE FROM user_token WHERE (used_at IS NOT NULL OR expires_at < $1)
           AND created_at < $1::timestamptz - interval '30 days'`,
        [now],
      ),
  },
  {
    key: 'passwordResetRequest',
    kind: { DE: 'Anforderungen eines Passwort-Links', EN: 'Requests for a password link' },
    // Normally gone within a second; left over only if composing the mail kept failing.
    period: () => ({ DE: 'bis zum Versand, höchstens 1 Tag', EN: 'until sent, at most 1 day' }),
    apply: (m, _s, now) =>
      deleted(m, `DELETE FROM password_reset_request WHERE created_at < $1::timestamptz - interval '1 day'`, [
        now,
      ]),
  },
  {
    key: 'rateLimit',
    kind: { DE: 'Zähler gegen das Durchprobieren von Passwörtern', EN: 'Counters against password guessing' },
    period: () => ({ DE: '1 Tag', EN: '1 day' }),
    apply: (m, _s, now) =>
      deleted(m, `DELETE FROM rate_limit_bucket WHERE window_start < $1::timestamptz - interval '1 day'`, [
        now,
      ]),
  },
  {
    key: 'outbox',
    kind: { DE: 'E-Mails im Postausgang', EN: 'E-mails in the outbox' },
    period: (s) => ({
      DE: `zugestellte ${days(s.deliveredMailDays).DE} nach dem Versand, nicht zustellbare ${days(s.undeliveredMailDays).DE} nach dem Einstellen`,
      EN: `delivered ones ${days(s.deliveredMailDays).EN} after sending, undeliverable ones ${days(s.undeliveredMailDays).EN} after queueing`,
    }),
    apply: async (m, s, now) =>
      (await deleted(
        m,
        'DELETE FROM outbox_message WHERE sent_at < $1::timestamptz - make_interval(days => $2)',
        [now, s.deliveredMailDays],
      )) +
      (await deleted(
        m,
        'DELETE FROM outbox_message WHERE sent_at IS NULL AND created_at < $1::timestamptz - make_interval(days => $2)',
        [now, s.undeliveredMailDays],
      )),
  },
  {
    key: 'readNotification',
    kind: { DE: 'Gelesene Benachrichtigungen', EN: 'Read notifications' },
    period: (s) => ({
      DE: `${days(s.readNotificationDays).DE} nach dem Lesen (READ_NOTIFICATION_RETENTION_DAYS); ungelesene, solange das Konto besteht`,
      EN: `${days(s.readNotificationDays).EN} after reading (READ_NOTIFICATION_RETENTION_DAYS); unread ones as long as the account exists`,
    }),
    apply: async (m, s, now) => {
      // Only what no digest still waits for; the inbox counter row shrinks with it.
      const [row] = await m.query(
        `WITH gone AS (
           DELETE FROM notification
           WHERE read_at < $1::timestamptz - make_interval(days => $2)
             AND (email_due IS NULL OR emailed_at IS NOT NULL)
           RETURNING recipient_id
         ), counted AS (
           SELECT recipient_id, count(*)::int AS n FROM gone GROUP BY recipient_id
         ), shrunk AS (
           UPDATE notification_counter c SET total = GREATEST(c.total - counted.n, 0)
           FROM counted WHERE c.user_id = counted.recipient_id
         )
         SELECT COALESCE(sum(n), 0)::int AS n FROM counted`,
        [now, s.readNotificationDays],
      );
      return Number(row.n);
    },
  },
  {
    key: 'auditEvent',
    kind: { DE: 'Änderungsprotokoll', EN: 'Audit trail' },
    period: (s) => ({
      DE: `${s.auditYears} Jahre (AUDIT_RETENTION_YEARS)`,
      EN: `${s.auditYears} years (AUDIT_RETENTION_YEARS)`,
    }),
    apply: async (m, s, now) => {
      // The append-only trigger lets deletes through only on this path (see the migration PrivacyErasure).
      await m.query(`SET LOCAL hub.audit_maintenance = 'retention'`);
      return deleted(
        m,
        'DELETE FROM audit_event WHERE created_at < $1::timestamptz - make_interval(years => $2)',
        [now, s.auditYears],
      );
    },
  },
  {
    key: 'domainEvent',
    kind: {
      DE: 'Ereignisse für Benachrichtigungen und Auswertungen',
      EN: 'Events for notifications and statistics',
    },
    period: (s) => ({
      DE: `${s.auditYears} Jahre, wie das Änderungsprotokoll`,
      EN: `${s.auditYears} years, like the audit trail`,
    }),
    apply: async (m, s, now) => {
      const cutoff = [now, s.auditYears];
      await m.query(
        `DELETE FROM domain_event_consumption WHERE event_id IN (
           SELECT id FROM domain_event WHERE occurred_at < $1::timestamptz - make_interval(years => $2))`,
        cutoff,
      );
      return deleted(
        m,
        'DELETE FROM domain_event WHERE occurred_at < $1::timestamptz - make_interval(years => $2)',
        cutoff,
      );
    },
  },
  {
    key: 'whileAccount',
    kind: {
      DE: 'Konto, Kontaktdaten, Kalender-Abonnements, Projekt-Ansprechpersonen',
      EN: 'Account, contact details, calendar subscriptions, project contact persons',
    },
    period: () => ({
      DE: 'solange das Konto besteht; mit der Löschung der Person entfernt',
      EN: 'as long as the account exists; removed with the person’s erasure',
    }),
  },
  {
    key: 'sharedRecord',
    kind: {
      DE: 'Beiträge zu gemeinsamen Unterlagen (Protokolle, Sachstände, Mitgliedschaften, Aufgaben)',
      EN: 'Contributions to shared records (minutes, status updates, memberships, tasks)',
    },
    period: () => ({
      DE: 'solange die gemeinsame Unterlage besteht; nach der Löschung der Person nur noch unter einem Pseudonym',
      EN: 'as long as the shared record exists; after the person’s erasure only under a pseudonym',
    }),
  },
];

export const retentionRuleOf = (key: string): RetentionRule | undefined =>
  retentionRules.find((rule) => rule.key === key);

/** Rows deleted per rule key. */
export type RetentionResult = Record<string, number>;

/**
 * Deletes everything whose retention period has passed at `now`, one transaction per rule (a
 * failing rule does not hold up the others; its error propagates after the rest ran). Safe to run
 * from every API process at once: each statement deletes what is due, twice deleting nothing.
 */
export async function applyRetention(
  dataSource: DataSource,
  settings: RetentionSettings,
  now: Date,
): Promise<RetentionResult> {
  const result: RetentionResult = {};
  const failures: unknown[] = [];
  for (const rule of retentionRules) {
    const apply = rule.apply;
    if (!apply) continue;
    try {
      result[rule.key] = await dataSource.transaction((manager) => apply(manager, settings, now));
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length) throw failures[0];
  return result;
}
