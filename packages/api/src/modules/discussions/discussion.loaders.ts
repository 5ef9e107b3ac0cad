import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader, groupedLoader, partitionedLoader } from '../../graphql/loaders';
import { DiscussionPost, DiscussionPostRevision, DiscussionThread, ForumCategory } from './discussion.entity';

export const discussionThreadById = byIdLoader(DiscussionThread);
export const discussionPostById = byIdLoader(DiscussionPost);
export const forumCategoryById = byIdLoader(ForumCategory);

/** Earlier versions of each post, newest first. */
export const revisionsByPost = groupedLoader(DiscussionPostRevision, 'postId', (r) => r.postId, 'replacedAt');

/** A viewer's reading state of one thread. */
export interface ReadState {
  lastReadPostNumber: number;
  /** Visible posts (not deleted or hidden) after the last one read. */
  unreadCount: number;
  firstUnreadPostNumber: number | null;
}

export interface ViewerThreadKey {
  viewerId: string;
  threadId: string;
}

/** The SQL condition of a visible post `p` after the reading state `rs` (LEFT JOINed). */
const UNREAD_POST = `p.number > COALESCE(rs.last_read_number, 0) AND p.deleted_at IS NULL AND p.hidden_at IS NULL`;

/**
 * The viewer's reading state of each thread: one statement for all threads of a batch (a thread
 * list's page), counting the unread posts of each with the (thread, number) index.
 */
export const readStateByThread: LoaderFactory<ViewerThreadKey, ReadState> = partitionedLoader(
  (key) => key.viewerId,
  (key) => `${key.viewerId}:${key.threadId}`,
  async (dataSource, keys) => {
    const rows: { id: string; last_read: number; unread: number; first_unread: number | null }[] =
      await dataSource.query(
        `SELECT t.id, COALESCE(rs.last_read_number, 0) AS last_read, u.unread, u.first_unread
           FROM discussion_thread t
           LEFT JOIN discussion_read_state rs ON rs.thread_id = t.id AND rs.user_id = $1
           CROSS JOIN LATERAL (
             SELECT count(*)::int AS unread, min(p.number) AS first_unread
               FROM discussion_post p WHERE p.thread_id = t.id AND ${UNREAD_POST}) u
          WHERE t.id = ANY($2)`,
        [keys[0].viewerId, keys.map((key) => key.threadId)],
      );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return keys.map((key) => {
      const row = byId.get(key.threadId);
      return {
        lastReadPostNumber: row?.last_read ?? 0,
        unreadCount: row?.unread ?? 0,
        firstUnreadPostNumber: row?.first_unread ?? null,
      };
    });
  },
);

export interface SubjectKey {
  viewerId: string;
  subjectType: string;
  subjectId: string;
}

export interface SubjectDiscussionFigures {
  threadCount: number;
  unreadPostCount: number;
}

/** Threads and the viewer's unread posts of each subject: one statement per batch. */
export const figuresBySubject: LoaderFactory<SubjectKey, SubjectDiscussionFigures> = partitionedLoader(
  (key) => key.viewerId,
  (key) => `${key.viewerId}:${key.subjectType}:${key.subjectId}`,
  async (dataSource, keys) => {
    const rows: { subject_type: string; subject_id: string; threads: number; unread: number }[] =
      await dataSource.query(
        `SELECT t.subject_type, t.subject_id, count(*)::int AS threads, COALESCE(sum(u.unread), 0)::int AS unread
           FROM discussion_thread t
           JOIN unnest($2::text[], $3::uuid[]) AS s(type, id) ON t.subject_type = s.type AND t.subject_id = s.id
           LEFT JOIN discussion_read_state rs ON rs.thread_id = t.id AND rs.user_id = $1
           CROSS JOIN LATERAL (
             SELECT count(*)::int AS unread FROM discussion_post p WHERE p.thread_id = t.id AND ${UNREAD_POST}) u
          GROUP BY t.subject_type, t.subject_id`,
        [keys[0].viewerId, keys.map((k) => k.subjectType), keys.map((k) => k.subjectId)],
      );
    const byKey = new Map(rows.map((row) => [`${row.subject_type}:${row.subject_id}`, row]));
    return keys.map((key) => {
      const row = byKey.get(`${key.subjectType}:${key.subjectId}`);
      return { threadCount: row?.threads ?? 0, unreadPostCount: row?.unread ?? 0 };
    });
  },
);
