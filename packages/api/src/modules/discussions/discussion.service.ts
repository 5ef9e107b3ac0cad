import { discussionLimits, ThreadSubjectType } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { Context, MutationOutcome } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { forbidden, notFound, rateLimited } from '../../graphql/errors';
import { fromGlobalId } from '../../graphql/relay';
import { fail, UserErrors, userError } from '../../graphql/user-error';
import { notifyLive } from '../../live/live-notify';
import { RateLimiter } from '../auth';
import { emitDomainEvent } from '../events';
import { municipalityById } from '../municipalities';
import { participantsByProject, projectById, projectPolicy } from '../projects';
import type { User } from '../users';
import { userById } from '../users';
import {
  DiscussionPost,
  DiscussionPostReference,
  DiscussionPostRevision,
  DiscussionThread,
  ForumCategory,
} from './discussion.entity';
import type { ForumCategoryInput } from './discussion.inputs';
import { discussionPostById, discussionThreadById } from './discussion.loaders';
import type { DiscussionAction } from './discussion.policy';
import { can, readableThreadsSql, VIEWER_PARAMETERS, viewerParameters } from './discussion.policy';
import type { PostReference } from './post-text';
import { excerptOf, referencesIn, renderPost } from './post-text';
import type { LoadedSubject } from './thread-subjects';
import { threadSubjectRule } from './thread-subjects';

/** The global ID type names of the subjects a thread may belong to. */
const SUBJECT_TYPE_OF_GLOBAL: Record<string, ThreadSubjectType> = {
  Project: ThreadSubjectType.PROJECT,
  WorkingGroup: ThreadSubjectType.WORKING_GROUP,
  Meeting: ThreadSubjectType.MEETING,
  ForumCategory: ThreadSubjectType.FORUM,
  ProgressReport: ThreadSubjectType.REPORT,
  Initiative: ThreadSubjectType.INITIATIVE,
};

/** A subject with its type and id, as loaded through its owner. */
export interface SubjectOfThread extends LoadedSubject {
  type: ThreadSubjectType;
  id: string;
}

/** The thread topic live subscribers listen on. */
export const threadTopic = (threadId: string) => `thread:${threadId}`;

/** Loads a subject through its registered rule; null when there is no rule or no such subject. */
export async function loadSubject(
  ctx: Pick<Context, 'loaders'>,
  type: ThreadSubjectType,
  id: string,
): Promise<SubjectOfThread | null> {
  const rule = threadSubjectRule(type);
  const loaded = rule && (await rule.load(ctx.loaders, id));
  return loaded ? { ...loaded, type, id } : null;
}

/** The subject a global ID names, or null when it names none that takes threads. */
export async function subjectFromGlobalId(
  ctx: Pick<Context, 'loaders'>,
  globalId: string,
): Promise<SubjectOfThread | null> {
  const decoded = fromGlobalId(globalId);
  const type = decoded && SUBJECT_TYPE_OF_GLOBAL[decoded.type];
  return decoded && type ? loadSubject(ctx, type, decoded.id) : null;
}

/** A thread with its subject, for the policy. */
export interface ThreadWithSubject {
  thread: DiscussionThread;
  subject: SubjectOfThread | null;
}

export async function threadWithSubject(
  ctx: Pick<Context, 'loaders'>,
  threadId: string,
): Promise<ThreadWithSubject | null> {
  const thread = await ctx.loaders.get(discussionThreadById).load(threadId);
  if (!thread) return null;
  return { thread, subject: await loadSubject(ctx, thread.subjectType, thread.subjectId) };
}

/**
 * How many threads the viewer may read have posts beyond the last one they read: one statement
 * (the read states are joined, not asked per thread).
 */
export async function unreadThreadCount(ctx: Pick<Context, 'dataSource'>, viewer: User): Promise<number> {
  const [sql, parameters] = ctx.dataSource
    .createQueryBuilder()
    .select('count(*)::int', 'count')
    .from(DiscussionThread, 't')
    .leftJoin('discussion_read_state', 'rs', 'rs.thread_id = t.id AND rs.user_id = CAST(:viewerId AS uuid)')
    .where(readableThreadsSql('t', VIEWER_PARAMETERS), viewerParameters(viewer))
    .andWhere('t.last_post_number > COALESCE(rs.last_read_number, 0)')
    .getQueryAndParameters();
  const rows: { count: number }[] = await ctx.dataSource.query(sql, parameters);
  return rows[0]?.count ?? 0;
}

/** Whether the viewer may read the thread (other modules ask this, e.g. before following it). */
export async function mayReadThread(
  ctx: Pick<Context, 'loaders'>,
  viewer: User | null,
  threadId: string,
): Promise<boolean> {
  const target = await threadWithSubject(ctx, threadId);
  return target !== null && mayOnThread(viewer, 'read', target);
}

/** Whether the viewer may do `action` on the thread (and post); the subject comes from its loaders. */
export function mayOnThread(
  viewer: User | null,
  action: DiscussionAction,
  { thread, subject }: ThreadWithSubject,
  post?: DiscussionPost,
): boolean {
  return can(viewer, action, { subject, thread, post });
}

/**
 * Runs a discussion mutation: `prepare` reads and checks outside the transaction (through the
 * request's loaders, which must not be used while the transaction holds a connection), `work`
 * writes in one transaction. UserErrors from either come back as userErrors.
 */
export async function discussionMutation<P, T>(
  ctx: Context,
  prepare: () => Promise<P>,
  work: (manager: EntityManager, prepared: P) => Promise<T>,
): Promise<MutationOutcome<T>> {
  try {
    const prepared = await prepare();
    return await inTransaction(ctx, (manager) => work(manager, prepared));
  } catch (error) {
    if (error instanceof UserErrors) return { result: null, userErrors: error.errors };
    throw error;
  }
}

function text(
  value: string,
  field: string,
  { minLength, maxLength }: { minLength: number; maxLength: number },
) {
  const trimmed = value.trim();
  if (trimmed.length < minLength)
    fail('VALIDATION', `${field} needs at least ${minLength} characters.`, field);
  if (trimmed.length > maxLength)
    fail('VALIDATION', `${field} may have at most ${maxLength} characters.`, field);
  return trimmed;
}

/** A post's checked text: its Markdown, HTML, excerpt and the references it makes. */
export interface CheckedBody {
  body: string;
  bodyHtml: string;
  excerpt: string;
  references: PostReference[];
}

const REFERENCE_TARGET: Record<PostReference['kind'], string> = {
  person: 'USER',
  municipality: 'MUNICIPALITY',
  project: 'PROJECT',
};

/**
 * Counts the viewer's new threads and posts (on the data source, so the count survives a
 * refused mutation) and refuses more than `discussionLimits.postsPerMinute`.
 */
async function checkPostRate(ctx: Context, viewer: User): Promise<void> {
  const state = await new RateLimiter(ctx.dataSource).hit(`discussion-posts:${viewer.id}`, 60);
  if (state.count > discussionLimits.postsPerMinute) throw rateLimited(state.retryAfterSeconds);
}

/**
 * Checks a post's Markdown: its length, and that every mention and project link names an active
 * person, a municipality, or a project the author may read (through the owners' loaders).
 */
export async function checkBody(
  ctx: Context,
  viewer: User,
  raw: string,
  field = 'body',
): Promise<CheckedBody> {
  const body = text(raw, field, discussionLimits.body);
  const { references, invalid } = referencesIn(body);
  if (invalid.length) fail('INVALID_REFERENCE', `Not a valid mention or link: ${invalid[0]}`, field);
  if (references.length > discussionLimits.referencesPerPost)
    fail(
      'VALIDATION',
      `A post may mention at most ${discussionLimits.referencesPerPost} people, municipalities and projects.`,
      field,
    );
  const problems = await Promise.all(
    references.map(async (reference) => {
      if (reference.kind === 'person') {
        const user = await ctx.loaders.get(userById).load(reference.id);
        return user?.status === 'ACTIVE' ? null : reference;
      }
      if (reference.kind === 'municipality') {
        return (await ctx.loaders.get(municipalityById).load(reference.id)) ? null : reference;
      }
      const project = await ctx.loaders.get(projectById).load(reference.id);
      const participants = project ? await ctx.loaders.get(participantsByProject).load(project.id) : [];
      return project && projectPolicy.can(viewer, 'read', { project, participants }) ? null : reference;
    }),
  );
  const unknown = problems.find((problem) => problem !== null);
  if (unknown) fail('INVALID_REFERENCE', `"${unknown.label}" cannot be mentioned or linked.`, field);
  const bodyHtml = renderPost(body);
  return { body, bodyHtml, excerpt: excerptOf(bodyHtml), references };
}

function reason(value: string): string {
  return text(value, 'reason', discussionLimits.reason);
}

/** Counts a change of the thread (locking its row until commit) and returns the new numbers. */
async function bumpThread(
  manager: EntityManager,
  threadId: string,
  newPost: boolean,
): Promise<{ changeSeq: string; lastPostNumber: number }> {
  const rows: { change_seq: string; last_post_number: number }[] = await manager.query(
    `WITH bumped AS (
       UPDATE discussion_thread SET change_seq = change_seq + 1,
         last_post_number = last_post_number + $2::int,
         last_post_at = CASE WHEN $2::int = 1 THEN now() ELSE last_post_at END,
         updated_at = now()
       WHERE id = $1 RETURNING change_seq, last_post_number)
     SELECT * FROM bumped`,
    [threadId, newPost ? 1 : 0],
  );
  if (!rows.length) throw notFound('There is no such thread.');
  return { changeSeq: String(rows[0].change_seq), lastPostNumber: rows[0].last_post_number };
}

async function markRead(manager: EntityManager, userId: string, threadId: string, number: number) {
  await manager.query(
    `INSERT INTO discussion_read_state (user_id, thread_id, last_read_number) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, thread_id) DO UPDATE
       SET last_read_number = GREATEST(discussion_read_state.last_read_number, EXCLUDED.last_read_number),
           updated_at = now()`,
    [userId, threadId, number],
  );
}

async function saveReferences(manager: EntityManager, postId: string, references: PostReference[]) {
  await manager.delete(DiscussionPostReference, { postId });
  if (!references.length) return;
  await manager.insert(
    DiscussionPostReference,
    references.map((r) => ({ postId, targetType: REFERENCE_TARGET[r.kind], targetId: r.id })),
  );
}

const idsOf = (references: PostReference[], kind: PostReference['kind']) =>
  references.filter((r) => r.kind === kind).map((r) => r.id);

/**
 * The rules and transactions of discussions: starting threads, posting, editing with history,
 * deleting, and the coordinators' moderation. Every change of a thread bumps its change number
 * under the thread's row lock, writes its domain event and announces the thread to live
 * subscribers (delivered on commit).
 */
export class DiscussionService {
  constructor(private readonly ctx: Context) {}

  async startThread(viewer: User, subjectGlobalId: string, title: string, body: string) {
    return discussionMutation(
      this.ctx,
      async () => {
        const subject = await subjectFromGlobalId(this.ctx, subjectGlobalId);
        if (!subject || !can(viewer, 'read', { subject })) throw notFound('There is no such subject.');
        if (!can(viewer, 'startThread', { subject }))
          fail('CLOSED', 'No new threads can be started here.', 'subjectId');
        const checkedTitle = text(title, 'title', discussionLimits.title);
        const checked = await checkBody(this.ctx, viewer, body);
        await checkPostRate(this.ctx, viewer);
        return { subject, title: checkedTitle, checked };
      },
      async (manager, { subject, title: checkedTitle, checked }) => {
        const thread = manager.create(DiscussionThread, {
          subjectType: subject.type,
          subjectId: subject.id,
          title: checkedTitle,
          authorId: viewer.id,
          lastPostNumber: 0,
          changeSeq: '0',
          lockedAt: null,
          lockReason: null,
          pinnedAt: null,
        });
        await manager.insert(DiscussionThread, thread);
        await emitDomainEvent(manager, {
          type: 'discussion.threadCreate',
          actorId: viewer.id,
          subjectType: 'Thread',
          subjectId: thread.id,
          payload: {
            threadId: thread.id,
            subjectType: subject.type,
            subjectId: subject.id,
            title: checkedTitle,
          },
          requestId: this.ctx.requestId,
        });
        await this.insertPost(manager, viewer, thread.id, subject, checked, null);
        return manager.findOneByOrFail(DiscussionThread, { id: thread.id });
      },
    );
  }

  async reply(viewer: User, threadId: string, body: string, replyToPostId: string | null) {
    return discussionMutation(
      this.ctx,
      async () => {
        const target = await this.readableThread(viewer, threadId);
        if (!mayOnThread(viewer, 'reply', target)) fail('LOCKED', 'This thread is locked.', 'threadId');
        let replyTo: DiscussionPost | null = null;
        if (replyToPostId) {
          replyTo = await this.ctx.loaders.get(discussionPostById).load(replyToPostId);
          if (!replyTo || replyTo.threadId !== threadId)
            fail('NOT_FOUND', 'The post replied to is not in this thread.', 'replyToPostId');
        }
        const checked = await checkBody(this.ctx, viewer, body);
        await checkPostRate(this.ctx, viewer);
        return { target, checked, replyTo };
      },
      async (manager, { target, checked, replyTo }) =>
        this.insertPost(
          manager,
          viewer,
          threadId,
          target.subject as SubjectOfThread,
          checked,
          replyTo,
          target,
        ),
    );
  }

  /** Writes a post (the thread's next number) with its references, its event and the author's read mark. */
  private async insertPost(
    manager: EntityManager,
    viewer: User,
    threadId: string,
    subject: SubjectOfThread,
    checked: CheckedBody,
    replyTo: DiscussionPost | null,
    target?: ThreadWithSubject,
  ): Promise<DiscussionPost> {
    const { changeSeq, lastPostNumber } = await bumpThread(manager, threadId, true);
    if (target) {
      // The lock may have come since the check above: decide again on the locked row.
      const fresh = await manager.findOneByOrFail(DiscussionThread, { id: threadId });
      if (!mayOnThread(viewer, 'reply', { ...target, thread: fresh }))
        fail('LOCKED', 'This thread is locked.', 'threadId');
    }
    const post = manager.create(DiscussionPost, {
      threadId,
      number: lastPostNumber,
      authorId: viewer.id,
      body: checked.body,
      bodyHtml: checked.bodyHtml,
      replyToPostId: replyTo?.id ?? null,
      editedAt: null,
      deletedAt: null,
      hiddenAt: null,
      hiddenReason: null,
      changeSeq,
    });
    await manager.insert(DiscussionPost, post);
    await saveReferences(manager, post.id, checked.references);
    await markRead(manager, viewer.id, threadId, lastPostNumber);
    await emitDomainEvent(manager, {
      type: 'discussion.postCreate',
      actorId: viewer.id,
      subjectType: 'Post',
      subjectId: post.id,
      payload: {
        threadId,
        postId: post.id,
        subjectType: subject.type,
        subjectId: subject.id,
        replyToPostId: replyTo?.id ?? null,
        replyToAuthorId: replyTo?.authorId ?? null,
        mentionedUserIds: idsOf(checked.references, 'person'),
        mentionedMunicipalityIds: idsOf(checked.references, 'municipality'),
        excerpt: checked.excerpt,
      },
      requestId: this.ctx.requestId,
    });
    await notifyLive(manager, threadTopic(threadId));
    return manager.findOneByOrFail(DiscussionPost, { id: post.id });
  }

  async editPost(viewer: User, postId: string, body: string) {
    return discussionMutation(
      this.ctx,
      async () => ({
        target: await this.readablePost(viewer, postId),
        checked: await checkBody(this.ctx, viewer, body),
      }),
      async (manager, { target, checked }) => {
        const { post, thread } = await this.lockPost(manager, target.thread.id, postId);
        if (!mayOnThread(viewer, 'editPost', { ...target, thread }, post)) throw forbidden();
        const { changeSeq } = await bumpThread(manager, thread.id, false);
        await manager.insert(DiscussionPostRevision, {
          postId,
          body: post.body,
          bodyHtml: post.bodyHtml,
          writtenAt: post.editedAt ?? post.createdAt,
        });
        await manager.update(
          DiscussionPost,
          { id: postId },
          {
            body: checked.body,
            bodyHtml: checked.bodyHtml,
            editedAt: new Date(),
            changeSeq,
          },
        );
        await saveReferences(manager, postId, checked.references);
        await emitDomainEvent(manager, {
          type: 'discussion.postEdit',
          actorId: viewer.id,
          subjectType: 'Post',
          subjectId: postId,
          payload: { threadId: thread.id, postId },
          before: { body: post.body },
          requestId: this.ctx.requestId,
        });
        await notifyLive(manager, threadTopic(thread.id));
        return manager.findOneByOrFail(DiscussionPost, { id: postId });
      },
    );
  }

  /** The author deletes their own post: its text goes, its place in the thread stays. */
  async deletePost(viewer: User, postId: string) {
    return discussionMutation(
      this.ctx,
      async () => this.readablePost(viewer, postId),
      async (manager, target) => {
        const { post, thread } = await this.lockPost(manager, target.thread.id, postId);
        if (!mayOnThread(viewer, 'deletePost', { ...target, thread }, post)) throw forbidden();
        const { changeSeq } = await bumpThread(manager, thread.id, false);
        await manager.update(DiscussionPost, { id: postId }, { deletedAt: new Date(), changeSeq });
        await emitDomainEvent(manager, {
          type: 'discussion.postDelete',
          actorId: viewer.id,
          subjectType: 'Post',
          subjectId: postId,
          payload: { threadId: thread.id, postId, reason: null },
          requestId: this.ctx.requestId,
        });
        await notifyLive(manager, threadTopic(thread.id));
        return manager.findOneByOrFail(DiscussionPost, { id: postId });
      },
    );
  }

  /** Coordinators hide a post (or show it again), with a reason for the audit log. */
  async setPostHidden(viewer: User, postId: string, hidden: boolean, rawReason: string) {
    return discussionMutation(
      this.ctx,
      async () => ({ target: await this.readablePost(viewer, postId), reason: reason(rawReason) }),
      async (manager, { target, reason: why }) => {
        const { post, thread } = await this.lockPost(manager, target.thread.id, postId);
        if (!mayOnThread(viewer, 'hidePost', { ...target, thread }, post)) throw forbidden();
        if (Boolean(post.hiddenAt) === hidden) return post;
        const { changeSeq } = await bumpThread(manager, thread.id, false);
        await manager.update(
          DiscussionPost,
          { id: postId },
          {
            hiddenAt: hidden ? new Date() : null,
            hiddenReason: hidden ? why : null,
            changeSeq,
          },
        );
        if (hidden)
          await emitDomainEvent(manager, {
            type: 'discussion.postDelete',
            actorId: viewer.id,
            subjectType: 'Post',
            subjectId: postId,
            payload: { threadId: thread.id, postId, reason: why },
            requestId: this.ctx.requestId,
          });
        else
          await emitDomainEvent(manager, {
            type: 'discussion.postRestore',
            actorId: viewer.id,
            subjectType: 'Post',
            subjectId: postId,
            payload: { threadId: thread.id, postId, reason: why },
            requestId: this.ctx.requestId,
          });
        await notifyLive(manager, threadTopic(thread.id));
        return manager.findOneByOrFail(DiscussionPost, { id: postId });
      },
    );
  }

  /** Coordinators lock a thread (no more replies but theirs) or pin it to the top of its lists. */
  async moderateThread(
    viewer: User,
    threadId: string,
    change: { locked: boolean } | { pinned: boolean },
    rawReason: string,
  ) {
    const action: DiscussionAction = 'locked' in change ? 'lockThread' : 'pinThread';
    return discussionMutation(
      this.ctx,
      async () => ({ target: await this.readableThread(viewer, threadId), reason: reason(rawReason) }),
      async (manager, { target, reason: why }) => {
        if (!mayOnThread(viewer, action, target)) throw forbidden();
        await bumpThread(manager, threadId, false);
        const now = new Date();
        if ('locked' in change) {
          await manager.update(
            DiscussionThread,
            { id: threadId },
            {
              lockedAt: change.locked ? now : null,
              lockReason: change.locked ? why : null,
            },
          );
          await emitDomainEvent(manager, {
            type: 'discussion.threadLock',
            actorId: viewer.id,
            subjectType: 'Thread',
            subjectId: threadId,
            payload: { threadId, locked: change.locked, reason: why },
            requestId: this.ctx.requestId,
          });
        } else {
          await manager.update(DiscussionThread, { id: threadId }, { pinnedAt: change.pinned ? now : null });
          await emitDomainEvent(manager, {
            type: 'discussion.threadPin',
            actorId: viewer.id,
            subjectType: 'Thread',
            subjectId: threadId,
            payload: { threadId, pinned: change.pinned, reason: why },
            requestId: this.ctx.requestId,
          });
        }
        await notifyLive(manager, threadTopic(threadId));
        return manager.findOneByOrFail(DiscussionThread, { id: threadId });
      },
    );
  }

  /** Remembers how far the viewer has read (never moving back). */
  async markThreadRead(viewer: User, threadId: string, lastReadPostNumber: number | null) {
    return discussionMutation(
      this.ctx,
      async () => {
        const target = await this.readableThread(viewer, threadId);
        const newest = target.thread.lastPostNumber;
        if (lastReadPostNumber !== null && (lastReadPostNumber < 0 || lastReadPostNumber > newest))
          fail('VALIDATION', `lastReadPostNumber must be between 0 and ${newest}.`, 'lastReadPostNumber');
        return { number: lastReadPostNumber ?? newest };
      },
      async (manager, { number }) => {
        await markRead(manager, viewer.id, threadId, number);
        return manager.findOneByOrFail(DiscussionThread, { id: threadId });
      },
    );
  }

  /** Coordinators create and change the forum's categories. */
  async saveForumCategory(viewer: User, categoryId: string | null, input: ForumCategoryInput) {
    return discussionMutation(
      this.ctx,
      async () => {
        if (!can(viewer, 'manageForumCategories', { subject: null })) throw forbidden();
        const name = text(input.name, 'name', discussionLimits.categoryName);
        const description = text(input.description ?? '', 'description', {
          minLength: 0,
          maxLength: discussionLimits.categoryDescription.maxLength,
        });
        if (input.position != null && (input.position < 0 || input.position > 1000))
          fail('VALIDATION', 'position must be between 0 and 1000.', 'position');
        return { name, description };
      },
      async (manager, { name, description }) => {
        const repository = manager.getRepository(ForumCategory);
        const clash = await repository
          .createQueryBuilder('c')
          .where('lower(c.name) = lower(:name)', { name })
          .andWhere(categoryId ? 'c.id <> :categoryId' : 'TRUE', { categoryId })
          .getExists();
        if (clash) fail('TAKEN', 'A category of this name exists already.', 'name');
        const category = categoryId
          ? await repository.findOne({ where: { id: categoryId }, lock: { mode: 'pessimistic_write' } })
          : repository.create({ position: 0, archivedAt: null });
        if (!category) fail('NOT_FOUND', 'There is no such category.', 'id');
        const before = categoryId ? { name: category.name, description: category.description } : null;
        category.name = name;
        category.description = description;
        if (input.position != null) category.position = input.position;
        if (input.archived != null)
          category.archivedAt = input.archived ? (category.archivedAt ?? new Date()) : null;
        await repository.save(category);
        await emitDomainEvent(manager, {
          type: categoryId ? 'discussion.forumCategoryUpdate' : 'discussion.forumCategoryCreate',
          actorId: viewer.id,
          subjectType: 'ForumCategory',
          subjectId: category.id,
          payload: { name, description, position: category.position, archived: category.archivedAt !== null },
          before,
          requestId: this.ctx.requestId,
        });
        return category;
      },
    );
  }

  /** The thread with its subject when the viewer may read it; NOT_FOUND otherwise (nothing is given away). */
  private async readableThread(viewer: User, threadId: string): Promise<ThreadWithSubject> {
    const target = await threadWithSubject(this.ctx, threadId);
    if (!target || !mayOnThread(viewer, 'read', target)) throw notFound('There is no such thread.');
    return target;
  }

  private async readablePost(viewer: User, postId: string): Promise<ThreadWithSubject> {
    const post = await this.ctx.loaders.get(discussionPostById).load(postId);
    if (!post) throw notFound('There is no such post.');
    return this.readableThread(viewer, post.threadId);
  }

  /** The thread locked for this change and the post as it is now. */
  private async lockPost(manager: EntityManager, threadId: string, postId: string) {
    const thread = await manager.findOne(DiscussionThread, {
      where: { id: threadId },
      lock: { mode: 'pessimistic_write' },
    });
    const post = await manager.findOneBy(DiscussionPost, { id: postId, threadId });
    if (!thread || !post) throw new UserErrors([userError('NOT_FOUND', 'There is no such post.', 'postId')]);
    return { thread, post };
  }
}
