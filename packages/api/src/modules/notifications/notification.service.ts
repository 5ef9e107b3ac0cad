import type { NotificationType } from '@hub/shared';
import { DEFAULT_EMAIL_FREQUENCY, EmailFrequency, FollowState, FollowSubjectType } from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { paginate } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { forbidden, unauthenticated } from '../../graphql/errors';
import type { Connection } from '../../graphql/relay';
import { decodeCursor, encodeCursor, fromGlobalId, pageSize } from '../../graphql/relay';
import type { UserErrorCodeValue } from '../../graphql/user-error';
import { fail, userError } from '../../graphql/user-error';
import { addJob } from '../../jobs/queue';
import { notifyLive } from '../../live/live-notify';
import { mayReadThread } from '../discussions';
import { MAIL_MAX_ATTEMPTS, OutboxMessage, SEND_MAIL_TASK } from '../mail';
import { municipalityNames } from '../municipalities';
import { participantsByProject, projectById, projectPolicy, projectTeamUserIds } from '../projects';
import type { User } from '../users';
import { workingGroupAudience, workingGroupById } from '../working-groups';
import { Follow, Notification, NotificationPreference } from './notification.entity';
import { can, readableNotificationsSql } from './notification.policy';
import { inboxTopic } from './notification.topics';
import type { FollowInfo, NotificationPreferenceInfo } from './notification.types';
import { MailDelivery } from './notification.types';

const FOLLOWABLE_NODE_TYPES: Record<string, FollowSubjectType> = {
  Project: FollowSubjectType.PROJECT,
  WorkingGroup: FollowSubjectType.WORKING_GROUP,
  Municipality: FollowSubjectType.MUNICIPALITY,
  DiscussionThread: FollowSubjectType.THREAD,
};

function signedInViewer(ctx: Context): User {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}

/**
 * The viewer's notifications, newest first: one keyset statement for the page on the inbox index;
 * the total comes from the person's counter row (a year of notifications is not counted per request).
 */
export async function inbox(
  ctx: Context,
  args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null },
): Promise<Connection<Notification>> {
  const viewer = signedInViewer(ctx);
  if (!can(viewer, 'readInbox', { inboxOf: viewer.id })) throw forbidden();
  const first = pageSize(args.first);
  const readable = readableNotificationsSql(viewer);
  const query = ctx.dataSource
    .getRepository(Notification)
    .createQueryBuilder('n')
    .where(readable.where, readable.params)
    .orderBy('n.created_at', 'DESC')
    .addOrderBy('n.id', 'DESC')
    .limit(first + 1);
  if (args.unreadOnly) query.andWhere('n.read_at IS NULL');
  if (args.after) {
    const [createdAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
    query.andWhere('(n.created_at, n.id) < (:createdAt, :id)', { createdAt, id });
  }
  const [rows, counts] = await Promise.all([query.getMany(), countsOf(ctx.dataSource, viewer)]);
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ node, cursor: encodeCursor([node.createdAt.toISOString(), node.id]) }));
  return {
    edges,
    totalCount: args.unreadOnly ? counts.unread : counts.total,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** The person's notification counts (one row, kept with every write). */
async function countsOf(
  dataSource: DataSource | EntityManager,
  viewer: User,
): Promise<{ total: number; unread: number }> {
  const [row]: { total: number; unread: number }[] = await dataSource.query(
    `SELECT total, unread FROM notification_counter WHERE user_id = $1`,
    [viewer.id],
  );
  return row ?? { total: 0, unread: 0 };
}

/** How many of the viewer's notifications are unread (the bell); one primary-key read. */
export async function unreadCount(dataSource: DataSource | EntityManager, viewer: User): Promise<number> {
  return (await countsOf(dataSource, viewer)).unread;
}

/** Marks some or all of the viewer's notifications read; others' IDs are ignored like unknown ones. */
export async function markRead(ctx: Context, input: { ids?: string[] | null; all?: boolean | null }) {
  const viewer = signedInViewer(ctx);
  if (!can(viewer, 'markRead', { inboxOf: viewer.id })) throw forbidden();
  return inTransaction(ctx, async (manager) => {
    let ids: string[] | null = null;
    if (!input.all) {
      if (!input.ids?.length) fail('VALIDATION', 'Name the notifications, or mark all.', 'ids');
      const decoded = input.ids.map((id) => fromGlobalId(id));
      if (decoded.some((id) => id?.type !== 'Notification'))
        fail('VALIDATION', 'An ID is not a notification.', 'ids');
      ids = decoded.map((id) => (id as { id: string }).id);
    }
    // The marking and the counter move together, in one statement.
    const [row]: { unread: number; read_at: Date }[] = await manager.query(
      `WITH marked AS (
         UPDATE notification SET read_at = now()
          WHERE recipient_id = $1 AND read_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[]))
          RETURNING 1
       )
       INSERT INTO notification_counter AS c (user_id, total, unread) VALUES ($1, 0, 0)
       ON CONFLICT (user_id) DO UPDATE SET unread = GREATEST(c.unread - (SELECT count(*) FROM marked), 0)
       RETURNING unread, now() AS read_at`,
      [viewer.id, ids],
    );
    // The viewer's other tabs and devices show the new count too.
    await notifyLive(manager, inboxTopic(viewer.id));
    return { unreadCount: row.unread, readAt: row.read_at };
  });
}

/** The owning module's read rule for the subject (before any transaction: loaders read). */
async function followable(
  ctx: Context,
  viewer: User,
  type: FollowSubjectType,
  id: string,
): Promise<{ readable: boolean; automatic: boolean }> {
  switch (type) {
    case FollowSubjectType.PROJECT: {
      const project = await ctx.loaders.get(projectById).load(id);
      if (!project) return { readable: false, automatic: false };
      const participants = await ctx.loaders.get(participantsByProject).load(id);
      return {
        readable: projectPolicy.can(viewer, 'read', { project, participants }),
        automatic: (await projectTeamUserIds(ctx.dataSource.manager, id)).includes(viewer.id),
      };
    }
    case FollowSubjectType.WORKING_GROUP: {
      if (!(await ctx.loaders.get(workingGroupById).load(id))) return { readable: false, automatic: false };
      const group = await workingGroupAudience(ctx.dataSource.manager, id);
      return { readable: true, automatic: group?.memberIds.includes(viewer.id) ?? false };
    }
    case FollowSubjectType.MUNICIPALITY:
      return { readable: (await municipalityNames(ctx.dataSource.manager, [id])).has(id), automatic: false };
    case FollowSubjectType.THREAD:
      // Authors and the people mentioned follow through the rows written when they took part.
      return { readable: await mayReadThread(ctx, viewer, id), automatic: false };
  }
}

function subjectOf(globalId: string): { type: FollowSubjectType; id: string } | null {
  const decoded = fromGlobalId(globalId);
  const type = decoded ? FOLLOWABLE_NODE_TYPES[decoded.type] : undefined;
  return decoded && type ? { type, id: decoded.id } : null;
}

/** The viewer's relation to a subject; NOT_FOUND-like null when there is no such readable subject. */
export async function followInfo(ctx: Context, subjectGlobalId: string): Promise<FollowInfo | null> {
  const viewer = signedInViewer(ctx);
  const subject = subjectOf(subjectGlobalId);
  if (!subject) return null;
  const { readable, automatic } = await followable(ctx, viewer, subject.type, subject.id);
  if (!readable) return null;
  const row = await ctx.dataSource
    .getRepository(Follow)
    .findOneBy({ userId: viewer.id, subjectType: subject.type, subjectId: subject.id });
  return {
    subjectId: subjectGlobalId,
    subjectType: subject.type,
    state: row?.state ?? (automatic ? FollowState.FOLLOWING : FollowState.NOT_FOLLOWING),
    automatic,
    viewerCanFollow: can(viewer, 'follow', { followable: { readable } }),
  };
}

/** Follows, unfollows or mutes a subject the viewer may read. */
export async function setFollowState(ctx: Context, input: { subjectId: string; state: FollowState }) {
  const viewer = signedInViewer(ctx);
  const subject = subjectOf(input.subjectId);
  if (!subject)
    return { result: null, userErrors: [userErrorOf('NOT_FOUND', 'There is nothing to follow here.')] };
  const { readable, automatic } = await followable(ctx, viewer, subject.type, subject.id);
  if (!readable)
    return { result: null, userErrors: [userErrorOf('NOT_FOUND', 'There is nothing to follow here.')] };
  if (!can(viewer, 'follow', { followable: { readable } })) throw forbidden();
  return inTransaction(ctx, async (manager) => {
    await manager.upsert(
      Follow,
      { userId: viewer.id, subjectType: subject.type, subjectId: subject.id, state: input.state },
      ['userId', 'subjectType', 'subjectId'],
    );
    return {
      subjectId: input.subjectId,
      subjectType: subject.type,
      state: input.state,
      automatic,
      viewerCanFollow: true,
    } satisfies FollowInfo;
  });
}

function userErrorOf(code: UserErrorCodeValue, message: string) {
  return userError(code, message, 'subjectId');
}

/** Every notification type with the viewer's e-mail choice (or the default). */
export async function preferencesOf(
  manager: DataSource | EntityManager,
  viewer: User,
): Promise<NotificationPreferenceInfo[]> {
  const rows: { type: NotificationType; email: EmailFrequency }[] = await manager.query(
    `SELECT type, email FROM notification_preference WHERE user_id = $1`,
    [viewer.id],
  );
  const chosen = new Map(rows.map((r) => [r.type, r.email]));
  return (Object.entries(DEFAULT_EMAIL_FREQUENCY) as [NotificationType, EmailFrequency][]).map(
    ([type, fallback]) => ({
      type,
      email: chosen.get(type) ?? fallback,
      defaultEmail: fallback,
    }),
  );
}

export function notificationPreferences(ctx: Context): Promise<NotificationPreferenceInfo[]> {
  const viewer = signedInViewer(ctx);
  if (!can(viewer, 'choosePreferences', { inboxOf: viewer.id })) throw forbidden();
  return preferencesOf(ctx.dataSource, viewer);
}

export async function setPreference(ctx: Context, input: { type: NotificationType; email: EmailFrequency }) {
  const viewer = signedInViewer(ctx);
  if (!can(viewer, 'choosePreferences', { inboxOf: viewer.id })) throw forbidden();
  return inTransaction(ctx, async (manager) => {
    await choosePreference(manager, viewer.id, input.type, input.email);
    return preferencesOf(manager, viewer);
  });
}

/** Records a person's e-mail choice for a type (also the one-click unsubscribe). */
export async function choosePreference(
  manager: EntityManager,
  userId: string,
  type: NotificationType,
  email: EmailFrequency,
): Promise<void> {
  await manager.upsert(NotificationPreference, { userId, type, email }, ['userId', 'type']);
}

interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  kind: string;
  created_at: Date;
  attempts: number;
  last_error: string | null;
}

function delivery(row: OutboxRow): MailDelivery {
  return Object.assign(new MailDelivery(), {
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    kind: row.kind,
    createdAt: row.created_at,
    attempts: row.attempts,
    lastError: row.last_error,
    givenUp: row.attempts >= MAIL_MAX_ATTEMPTS,
  });
}

/** E-mails that could not be sent (yet): the coordinators' "Zustellung" page, newest first. */
export async function failedDeliveries(
  ctx: Context,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<MailDelivery>> {
  const viewer = signedInViewer(ctx);
  if (!can(viewer, 'listDeliveries', { deliveries: true })) throw forbidden();
  const query = ctx.dataSource
    .getRepository(OutboxMessage)
    .createQueryBuilder('o')
    .where('o.sent_at IS NULL AND o.last_error IS NOT NULL');
  const page = await paginate(query, args, [
    { expression: 'o.created_at', direction: 'DESC', type: 'timestamp', value: (o) => o.createdAt },
    { expression: 'o.id', direction: 'DESC', type: 'uuid', value: (o) => o.id },
  ]);
  return {
    ...page,
    edges: page.edges.map((edge) => ({
      cursor: edge.cursor,
      node: delivery({
        id: edge.node.id,
        recipient: edge.node.recipient,
        subject: edge.node.subject,
        kind: edge.node.kind,
        created_at: edge.node.createdAt,
        attempts: edge.node.attempts,
        last_error: edge.node.lastError,
      }),
    })),
  };
}

/** Sends a failed e-mail again now, with a fresh round of attempts. */
export async function retryDelivery(ctx: Context, globalId: string) {
  const viewer = signedInViewer(ctx);
  if (!can(viewer, 'retryDelivery', { deliveries: true })) throw forbidden();
  const decoded = fromGlobalId(globalId);
  return inTransaction(ctx, async (manager) => {
    if (decoded?.type !== 'MailDelivery') fail('NOT_FOUND', 'No such e-mail.', 'id');
    const [rows] = (await manager.query(
      `UPDATE outbox_message SET attempts = 0 WHERE id = $1 AND sent_at IS NULL
        RETURNING id, recipient, subject, kind, created_at, attempts, last_error`,
      [decoded.id],
    )) as [OutboxRow[], number];
    if (!rows.length) fail('NOT_FOUND', 'No such e-mail waiting to be sent.', 'id');
    await addJob(
      manager,
      SEND_MAIL_TASK,
      { outboxId: decoded.id },
      {
        jobKey: `mail:${decoded.id}`,
        maxAttempts: MAIL_MAX_ATTEMPTS,
      },
    );
    return delivery(rows[0]);
  });
}
