import { Role, ThreadSubjectType } from '@hub/shared';
import type { ViewerSql } from '../../policy/policy';
import type { User } from '../users';
import type { DiscussionPost, DiscussionThread } from './discussion.entity';
import { threadSubjectRule, threadSubjectRules } from './thread-subjects';

export type DiscussionAction =
  | 'read'
  | 'startThread'
  | 'reply'
  | 'editPost'
  | 'deletePost'
  | 'hidePost'
  | 'lockThread'
  | 'pinThread'
  | 'manageForumCategories';

/**
 * What a rule looks at: the subject (its type and the owner's state, see thread-subjects.ts),
 * and where it applies the thread and the post. `open` is false for subjects that take no new
 * threads (archived groups and forum categories, cancelled meetings).
 */
export interface DiscussionSubject {
  subject: { type: ThreadSubjectType; state: unknown; open: boolean } | null;
  thread?: Pick<DiscussionThread, 'lockedAt'>;
  post?: Pick<DiscussionPost, 'authorId' | 'deletedAt' | 'hiddenAt'>;
}

const isCoordinator = (actor: User) => actor.role === Role.COORDINATOR;

function readsSubject(actor: User, subject: DiscussionSubject['subject']): boolean {
  if (!subject) return false;
  const rule = threadSubjectRule(subject.type);
  return rule?.canRead(actor, subject.state) ?? false;
}

/**
 * Who may do what in discussions. Reading follows the thread's subject and needs a signed-in
 * person (the public never reads threads). Whoever reads may start threads and reply (the
 * ministry included), unless the thread is locked; authors edit and delete their own posts;
 * coordinators hide posts, lock and pin threads and manage the forum's categories. The ministry
 * changes nothing else. `readableThreadsSql` below is the read rule in SQL.
 */
export function can(actor: User | null, action: DiscussionAction, target: DiscussionSubject): boolean {
  if (!actor) return false;
  if (action === 'manageForumCategories') return isCoordinator(actor);
  if (!readsSubject(actor, target.subject)) return false;
  const { thread, post } = target;
  const locked = Boolean(thread?.lockedAt) && !isCoordinator(actor);
  switch (action) {
    case 'read':
      return true;
    case 'startThread':
      return target.subject?.open === true;
    case 'reply':
      return thread !== undefined && !locked;
    case 'editPost':
      return (
        thread !== undefined && post?.authorId === actor.id && !post.deletedAt && !post.hiddenAt && !locked
      );
    case 'deletePost':
      return post?.authorId === actor.id && !post.deletedAt;
    case 'hidePost':
    case 'lockThread':
    case 'pinThread':
      return isCoordinator(actor) && thread !== undefined;
  }
}

/**
 * The read rule of `can(…, 'read', …)` in SQL: a boolean over the thread row `thread` (an alias)
 * for the viewer (SQL expressions, see ViewerSql), or FALSE for the public.
 */
export function readableThreadsSql(thread: string, viewer: ViewerSql | null): string {
  if (!viewer) return 'FALSE';
  const cases = threadSubjectRules().map(
    ([type, rule]) => `WHEN '${type}' THEN ${rule.readableSql(`${thread}.subject_id`, viewer)}`,
  );
  return `COALESCE(CASE ${thread}.subject_type ${cases.join(' ')} ELSE FALSE END, FALSE)`;
}

/** The viewer as named parameters of a query builder, for `readableThreadsSql`. */
export const VIEWER_PARAMETERS: ViewerSql = {
  id: 'CAST(:viewerId AS uuid)',
  role: 'CAST(:viewerRole AS text)',
  municipalityId: 'CAST(:viewerMunicipalityId AS uuid)',
};

export function viewerParameters(viewer: User): Record<string, string | null> {
  return { viewerId: viewer.id, viewerRole: viewer.role, viewerMunicipalityId: viewer.municipalityId };
}
