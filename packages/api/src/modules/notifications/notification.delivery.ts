import { randomBytes } from 'node:crypto';
import type { NotificationType } from '@hub/shared';
import {
  DEFAULT_EMAIL_FREQUENCY,
  EmailFrequency,
  FollowState,
  initiativeLimits,
  NOTIFICATION_TYPE_OF_KIND,
  NotificationKind,
} from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { notifyLiveTopics } from '../../live/live-notify';
import type { TakenDomainEvent } from '../events';
import { takeDomainEvents } from '../events';
import { openRoundsWithDeadlineBetween } from '../initiatives';
import { enqueueMails } from '../mail';
import { openActionItemsDueOn } from '../meetings';
import { activeMemberMunicipalityIds } from '../network';
import { activeOfficerIds, activeRecipients, displayNames } from '../users';
import type { NotificationDraft } from './notification.audiences';
import { actionItemText, draftsFor, subjectLink } from './notification.audiences';
import type { MailedNotification } from './notification.mails';
import { digestMail, immediateMail } from './notification.mails';
import { inboxTopic } from './notification.topics';

/** The consumer name under which notifications take domain events. */
export const NOTIFICATIONS_CONSUMER = 'notifications';

/** Events taken per transaction: a burst is worked off in several short transactions. */
const EVENTS_PER_TAKE = 200;

/** Subjects that can be followed, muted or unfollowed (meetings and reports are only addressed). */
const FOLLOWABLE = new Set(['PROJECT', 'WORKING_GROUP', 'MUNICIPALITY', 'THREAD']);

let cachedSecret: { dataSource: object; secret: string } | null = null;

/** The secret that signs unsubscribe links, made on first use and shared through the database. */
export async function signingSecret(manager: EntityManager): Promise<string> {
  if (cachedSecret?.dataSource === manager.connection) return cachedSecret.secret;
  await manager.query(
    `INSERT INTO notification_signing_key (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`,
    [randomBytes(32).toString('base64url')],
  );
  const [row]: { secret: string }[] = await manager.query(
    `SELECT secret FROM notification_signing_key WHERE id = 1`,
  );
  cachedSecret = { dataSource: manager.connection, secret: row.secret };
  return row.secret;
}

/** The person's e-mail choice per type: their own where they made one, the default otherwise. */
export async function emailChoices(
  manager: EntityManager,
  userIds: string[],
): Promise<Map<string, Map<NotificationType, EmailFrequency>>> {
  const rows: { user_id: string; type: NotificationType; email: EmailFrequency }[] = userIds.length
    ? await manager.query(
        `SELECT user_id, type, email FROM notification_preference WHERE user_id = ANY($1::uuid[])`,
        [userIds],
      )
    : [];
  const choices = new Map<string, Map<NotificationType, EmailFrequency>>();
  for (const id of userIds)
    choices.set(id, new Map(Object.entries(DEFAULT_EMAIL_FREQUENCY) as [NotificationType, EmailFrequency][]));
  for (const row of rows) choices.get(row.user_id)?.set(row.type, row.email);
  return choices;
}

interface Written extends MailedNotification {
  recipientId: string;
  emailDue: EmailFrequency | null;
}

/**
 * Writes the drafts of one event (or of a reminder run) as notifications: each person once (the
 * first draft naming them wins), never the actor, nobody who muted the subject, no follower draft
 * to someone who unfollowed; e-mails those who chose IMMEDIATELY in the same transaction.
 */
export async function writeNotifications(
  manager: EntityManager,
  drafts: NotificationDraft[],
  context: {
    actorId: string | null;
    eventId: string | null;
    /** When it happened (the event's time); now for a reminder run. */
    occurredAt: Date;
    publicUrl: string;
  },
): Promise<number> {
  const chosen = new Map<string, NotificationDraft>();
  for (const draft of drafts) {
    for (const id of draft.recipientIds) {
      if (id !== context.actorId && !chosen.has(id)) chosen.set(id, draft);
    }
  }
  if (!chosen.size) return 0;
  const ids = [...chosen.keys()];
  const follows: { user_id: string; subject_type: string; subject_id: string; state: FollowState }[] =
    await manager.query(
      `SELECT user_id, subject_type, subject_id, state FROM follow
        WHERE user_id = ANY($1::uuid[]) AND subject_id = ANY($2::uuid[]) AND state <> $3`,
      [ids, [...new Set(drafts.map((d) => d.subject.id))], FollowState.FOLLOWING],
    );
  const stateOf = new Map(follows.map((f) => [`${f.user_id}:${f.subject_type}:${f.subject_id}`, f.state]));
  const recipients = await activeRecipients(manager, ids);
  const choices = await emailChoices(manager, ids);
  const actorName = context.actorId
    ? ((await displayNames(manager, [context.actorId])).get(context.actorId) ?? null)
    : null;
  const rows: Written[] = [];
  const onceKeys: (string | null)[] = [];
  for (const recipient of recipients) {
    const draft = chosen.get(recipient.id) as NotificationDraft;
    if (FOLLOWABLE.has(draft.subject.type)) {
      const state = stateOf.get(`${recipient.id}:${draft.subject.type}:${draft.subject.id}`);
      if (state === FollowState.MUTED) continue;
      if (state === FollowState.NOT_FOLLOWING && draft.via === 'follower') continue;
    }
    const type = NOTIFICATION_TYPE_OF_KIND[draft.kind];
    const email = choices.get(recipient.id)?.get(type) ?? DEFAULT_EMAIL_FREQUENCY[type];
    rows.push({
      recipientId: recipient.id,
      kind: draft.kind,
      type,
      subjectType: draft.subject.type,
      subjectId: draft.subject.id,
      subjectTitle: draft.subject.title.slice(0, 300),
      actorName,
      excerpt: draft.excerpt ?? null,
      link: draft.link ?? subjectLink(draft.subject.type, draft.subject.id),
      createdAt: context.occurredAt,
      emailDue: email === EmailFrequency.NEVER ? null : email,
    });
    onceKeys.push(draft.onceKey ?? null);
  }
  if (!rows.length) return 0;
  // One statement writes the notifications and moves each person's counts along.
  const inserted: { recipient_id: string }[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, actor_id,
                                 actor_name, excerpt, link, event_id, once_key, email_due, emailed_at, created_at)
       SELECT n.recipient_id, n.kind, n.type, n.subject_type, n.subject_id, n.subject_title, $2, n.actor_name,
              n.excerpt, n.link, $3, n.once_key, n.email_due,
              CASE WHEN n.email_due = 'IMMEDIATELY' THEN now() END, $4
         FROM jsonb_to_recordset($1::jsonb) AS n(recipient_id uuid, kind varchar, type varchar, subject_type varchar,
              subject_id uuid, subject_title varchar, actor_name varchar, excerpt text, link varchar,
              once_key varchar, email_due varchar)
       ON CONFLICT (recipient_id, once_key) WHERE once_key IS NOT NULL DO NOTHING
       RETURNING recipient_id
     ), counted AS (
       INSERT INTO notification_counter AS c (user_id, total, unread)
       SELECT recipient_id, count(*), count(*) FROM inserted GROUP BY recipient_id
       ON CONFLICT (user_id) DO UPDATE SET total = c.total + EXCLUDED.total, unread = c.unread + EXCLUDED.unread
     )
     SELECT recipient_id FROM inserted`,
    [
      JSON.stringify(
        rows.map((row, i) => ({
          recipient_id: row.recipientId,
          kind: row.kind,
          type: row.type,
          subject_type: row.subjectType,
          subject_id: row.subjectId,
          subject_title: row.subjectTitle,
          actor_name: row.actorName,
          excerpt: row.excerpt,
          link: row.link,
          once_key: onceKeys[i],
          email_due: row.emailDue,
        })),
      ),
      context.actorId,
      context.eventId,
      context.occurredAt,
    ],
  );
  const written = new Set(inserted.map((r) => r.recipient_id));
  // Every API process's open bells of these people count again once this commits.
  await notifyLiveTopics(manager, [...written].map(inboxTopic));
  const immediate = rows.filter(
    (row) => row.emailDue === EmailFrequency.IMMEDIATELY && written.has(row.recipientId),
  );
  if (immediate.length) {
    const secret = await signingSecret(manager);
    const byId = new Map(recipients.map((r) => [r.id, r]));
    await enqueueMails(
      manager,
      immediate.map((row) =>
        immediateMail(byId.get(row.recipientId)!, row, { publicUrl: context.publicUrl, secret }),
      ),
    );
  }
  return inserted.length;
}

/**
 * Sets people's counts from their notification rows (after rows were written or removed other
 * than through this module: imports, erasure, benchmark seeding).
 */
export async function recountNotifications(manager: EntityManager, userIds: string[]): Promise<void> {
  await manager.query(
    `INSERT INTO notification_counter AS c (user_id, total, unread)
     SELECT u.id, count(n.id), count(n.id) FILTER (WHERE n.read_at IS NULL)
       FROM unnest($1::uuid[]) AS u(id) LEFT JOIN notification n ON n.recipient_id = u.id
      GROUP BY u.id
     ON CONFLICT (user_id) DO UPDATE SET total = EXCLUDED.total, unread = EXCLUDED.unread`,
    [userIds],
  );
}

/** Notifications for events taken by one transaction. */
async function notifyEvents(
  manager: EntityManager,
  events: TakenDomainEvent[],
  publicUrl: string,
): Promise<number> {
  let written = 0;
  for (const event of events) {
    // The demo's back-dated history (seed/demo-history.ts) is no news: nobody is told of it.
    if (event.payload?.demo === true) continue;
    const drafts = await draftsFor(manager, event);
    written += await writeNotifications(manager, drafts, {
      actorId: event.actorId,
      eventId: event.id,
      occurredAt: event.occurredAt,
      publicUrl,
    });
  }
  return written;
}

/**
 * The notifications consumer (the `notifications.consume` job): takes the domain events it has
 * not seen, in order, and writes their notifications in the same transaction as the take, so an
 * event is notified exactly once even with several processes and after a crash.
 */
export async function consumeDomainEvents(dataSource: DataSource, publicUrl: string): Promise<number> {
  let total = 0;
  for (;;) {
    const { taken, written } = await dataSource.transaction(async (manager) => {
      const events = await takeDomainEvents(manager, NOTIFICATIONS_CONSUMER, EVENTS_PER_TAKE);
      return { taken: events.length, written: await notifyEvents(manager, events, publicUrl) };
    });
    total += written;
    if (taken < EVENTS_PER_TAKE) return total;
  }
}

/** Recipients per digest transaction: one transaction each, so a failure costs one batch. */
const DIGEST_BATCH = 200;

/**
 * Sends the daily or weekly digests (the `notifications.digest` job): for each person with
 * notifications waiting for that digest, one e-mail grouped by subject. Items are claimed by
 * setting `emailed_at` in the transaction that queues the mail, so two runs at once (two API
 * processes) never send an item twice: the second finds them claimed.
 */
export async function sendDigests(
  dataSource: DataSource,
  frequency: EmailFrequency.DAILY | EmailFrequency.WEEKLY,
  publicUrl: string,
): Promise<{ mails: number; notifications: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let mails = 0;
  let notifications = 0;
  for (;;) {
    const batch = await dataSource.transaction(async (manager) => {
      const people: { recipient_id: string }[] = await manager.query(
        `SELECT DISTINCT recipient_id FROM notification
          WHERE email_due = $1 AND emailed_at IS NULL AND recipient_id > $2
          ORDER BY recipient_id LIMIT $3`,
        [frequency, after, DIGEST_BATCH],
      );
      if (!people.length) return null;
      const ids = people.map((p) => p.recipient_id);
      // An UPDATE answers [rows, count] through TypeORM.
      const [claimed] = (await manager.query(
        `UPDATE notification SET emailed_at = now()
          WHERE recipient_id = ANY($1::uuid[]) AND email_due = $2 AND emailed_at IS NULL
          RETURNING recipient_id AS "recipientId", kind, type, subject_type AS "subjectType",
                    subject_id AS "subjectId", subject_title AS "subjectTitle", actor_name AS "actorName",
                    excerpt, link, created_at AS "createdAt"`,
        [ids, frequency],
      )) as [(MailedNotification & { recipientId: string })[], number];
      const byRecipient = new Map<string, MailedNotification[]>();
      for (const item of claimed) {
        const list = byRecipient.get(item.recipientId) ?? [];
        list.push(item);
        byRecipient.set(item.recipientId, list);
      }
      const recipients = await activeRecipients(manager, [...byRecipient.keys()]);
      const secret = await signingSecret(manager);
      const outgoing = recipients.map((recipient) =>
        digestMail(recipient, byRecipient.get(recipient.id) ?? [], frequency, { publicUrl, secret }),
      );
      await enqueueMails(manager, outgoing);
      return { last: ids[ids.length - 1], mails: outgoing.length, notifications: claimed.length };
    });
    if (!batch) return { mails, notifications };
    after = batch.last;
    mails += batch.mails;
    notifications += batch.notifications;
  }
}

const berlinDay = (date: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(date); // YYYY-MM-DD

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/**
 * Reminders of open action items (the `notifications.actionItemReminders` job, daily): due in
 * three days (to the owner), overdue since yesterday (to the owner and the meeting's organiser).
 * Each is written once per person and item, however often the job runs.
 */
export async function remindOfActionItems(
  dataSource: DataSource,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const today = berlinDay(now);
  return dataSource.transaction(async (manager) => {
    let written = 0;
    const soon = await openActionItemsDueOn(manager, addDays(today, 3));
    const overdue = await openActionItemsDueOn(manager, addDays(today, -1));
    for (const [items, kind] of [
      [soon, NotificationKind.ACTION_ITEM_DUE_SOON],
      [overdue, NotificationKind.ACTION_ITEM_OVERDUE],
    ] as const) {
      for (const item of items) {
        const owners = item.ownerUserId
          ? [item.ownerUserId]
          : await activeOfficerIds(manager, item.ownerMunicipalityId ? [item.ownerMunicipalityId] : []);
        const recipients =
          kind === NotificationKind.ACTION_ITEM_OVERDUE && item.organizerId
            ? [...owners, item.organizerId]
            : owners;
        written += await writeNotifications(
          manager,
          [
            {
              recipientIds: recipients,
              kind,
              subject: { type: 'MEETING', id: item.meetingId, title: item.meetingTitle },
              via: 'direct',
              excerpt: actionItemText(item),
              onceKey: `${kind}:${item.id}`,
            },
          ],
          { actorId: null, eventId: null, occurredAt: new Date(), publicUrl },
        );
      }
    }
    return written;
  });
}

/**
 * Reminders of prioritisation rounds closing within the next three days (the
 * `notifications.roundReminders` job, hourly): to the officers of member municipalities that have
 * not voted yet. Each is written once per person and round, however often the job runs.
 */
export async function remindOfClosingRounds(
  dataSource: DataSource,
  publicUrl: string,
  now = new Date(),
): Promise<number> {
  const until = new Date(now.getTime() + initiativeLimits.reminderDays * 86400_000);
  return dataSource.transaction(async (manager) => {
    const rounds = await openRoundsWithDeadlineBetween(manager, now, until);
    if (!rounds.length) return 0;
    const members = await activeMemberMunicipalityIds(manager);
    let written = 0;
    for (const round of rounds) {
      const voted = new Set(round.votedMunicipalityIds);
      written += await writeNotifications(
        manager,
        [
          {
            recipientIds: await activeOfficerIds(
              manager,
              members.filter((id) => !voted.has(id)),
            ),
            kind: NotificationKind.INITIATIVE_ROUND_CLOSING,
            subject: { type: 'ROUND', id: round.id, title: round.title },
            via: 'direct',
            onceKey: `${NotificationKind.INITIATIVE_ROUND_CLOSING}:${round.id}`,
          },
        ],
        { actorId: null, eventId: null, occurredAt: now, publicUrl },
      );
    }
    return written;
  });
}
