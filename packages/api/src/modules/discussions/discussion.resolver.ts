import { discussionLimits, Role, ThreadSubjectType } from '@hub/shared';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { PageArgs } from '../../db/paginate';
import { paginate } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { badInput, unauthenticated } from '../../graphql/errors';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, fromGlobalId, idOf } from '../../graphql/relay';
import { requireViewer } from '../auth';
import type { User } from '../users';
import './discussion-subjects';
import { DiscussionPost, DiscussionPostRevision, DiscussionThread, ForumCategory } from './discussion.entity';
import {
  DiscussionThreadFilter,
  EditPostInput,
  ForumCategoryInput,
  ForumCategoryPayload,
  MarkThreadReadInput,
  MarkThreadReadPayload,
  PostIdInput,
  PostPayload,
  ReplyInput,
  SetPostHiddenInput,
  SetThreadLockedInput,
  SetThreadPinnedInput,
  StartThreadInput,
  ThreadPayload,
} from './discussion.inputs';
import {
  discussionPostById,
  discussionThreadById,
  figuresBySubject,
  forumCategoryById,
  readStateByThread,
  revisionsByPost,
} from './discussion.loaders';
import { can, readableThreadsSql, VIEWER_PARAMETERS, viewerParameters } from './discussion.policy';
import type { SubjectOfThread, ThreadWithSubject } from './discussion.service';
import {
  DiscussionService,
  loadSubject,
  mayOnThread,
  subjectFromGlobalId,
  threadWithSubject,
  unreadThreadCount,
} from './discussion.service';
import type { PostAuthor } from './post-author';
import { PostAuthor as PostAuthorType, postAuthorOf } from './post-author';
import { excerptOf, renderPost } from './post-text';

/** The post search counts matches up to this many. */
const SEARCH_COUNT_LIMIT = 1000;

export const DiscussionThreadConnection = ConnectionType(DiscussionThread);
export const DiscussionPostConnection = ConnectionType(DiscussionPost);

/** The thread of a post with its subject, through the request's loaders. */
async function targetOfThread(ctx: Context, threadId: string): Promise<ThreadWithSubject | null> {
  return threadWithSubject(ctx, threadId);
}

async function readableThread(ctx: Context, threadId: string): Promise<DiscussionThread | null> {
  const target = await targetOfThread(ctx, threadId);
  return target && mayOnThread(ctx.viewer, 'read', target) ? target.thread : null;
}

async function readablePost(ctx: Context, postId: string): Promise<DiscussionPost | null> {
  const post = await ctx.loaders.get(discussionPostById).load(postId);
  return post && (await readableThread(ctx, post.threadId)) ? post : null;
}

registerNodeType('DiscussionThread', (ctx, id) => readableThread(ctx, id));
registerNodeType('DiscussionPost', (ctx, id) => readablePost(ctx, id));
registerNodeType('ForumCategory', async (ctx, id) =>
  ctx.viewer ? ctx.loaders.get(forumCategoryById).load(id) : null,
);

@ObjectType({ description: 'What a thread belongs to.' })
export class ThreadSubjectRef {
  @Field(() => ID, { description: 'The Project, WorkingGroup, Meeting or ForumCategory.' })
  id: string;

  @Field(() => ThreadSubjectType)
  type: ThreadSubjectType;

  @Field(() => String)
  title: string;
}

@ObjectType({ description: 'What the viewer may do with a thread.' })
export class ThreadPermissions {
  @Field(() => Boolean)
  reply: boolean;

  @Field(() => Boolean)
  lock: boolean;

  @Field(() => Boolean)
  pin: boolean;
}

@ObjectType({ description: 'What the viewer may do with a post.' })
export class PostPermissions {
  @Field(() => Boolean)
  edit: boolean;

  @Field(() => Boolean)
  delete: boolean;

  @Field(() => Boolean)
  hide: boolean;
}

@ObjectType({ description: 'The post a reply answers, as quoted above the reply.' })
export class PostQuote {
  @Field(() => ID)
  postId: string;

  @Field(() => Int)
  number: number;

  @Field(() => PostAuthorType)
  author: PostAuthor;

  @Field(() => String, {
    nullable: true,
    description: 'Plain text; null when the post was deleted or hidden.',
  })
  excerpt: string | null;
}

@ObjectType({ description: "A subject's discussions: for the thread section on its page." })
export class SubjectDiscussions {
  subject: SubjectOfThread;

  @Field(() => ThreadSubjectRef)
  ref: ThreadSubjectRef;

  @Field(() => Int)
  threadCount: number;

  @Field(() => Int, { description: "Posts in the subject's threads the viewer has not read." })
  unreadPostCount: number;

  @Field(() => Boolean)
  viewerCanStartThread: boolean;
}

const subjectRef = (subject: SubjectOfThread): ThreadSubjectRef => ({
  id: subject.globalId,
  type: subject.type,
  title: subject.title,
});

/** The threads the viewer may read, filtered, pinned first and then by last activity. */
export async function findThreads(
  ctx: Context,
  viewer: User,
  filter: DiscussionThreadFilter | null,
  page: PageArgs,
): Promise<Connection<DiscussionThread>> {
  const query = ctx.dataSource
    .getRepository(DiscussionThread)
    .createQueryBuilder('t')
    .where(readableThreadsSql('t', VIEWER_PARAMETERS), viewerParameters(viewer));
  if (filter?.unread)
    query.andWhere(`t.last_post_number > COALESCE((SELECT ur.last_read_number FROM discussion_read_state ur
      WHERE ur.thread_id = t.id AND ur.user_id = CAST(:viewerId AS uuid)), 0)`);
  if (filter?.mine)
    query.andWhere(`(t.author_id = CAST(:viewerId AS uuid) OR EXISTS (SELECT 1 FROM discussion_post mp
      WHERE mp.thread_id = t.id AND mp.author_id = CAST(:viewerId AS uuid)))`);
  if (filter?.subjectTypes?.length)
    query.andWhere('t.subject_type IN (:...subjectTypes)', { subjectTypes: filter.subjectTypes });
  if (filter?.subjectId) {
    const decoded = fromGlobalId(filter.subjectId);
    if (!decoded) throw badInput('filter.subjectId is not a valid ID', 'filter.subjectId');
    query.andWhere('t.subject_id = :subjectId', { subjectId: decoded.id });
  }
  return paginate(query, page, [
    {
      expression: 'CASE WHEN t.pinned_at IS NULL THEN 0 ELSE 1 END',
      alias: 'sort_pinned',
      direction: 'DESC',
      type: 'integer',
      value: (_t, raw) => Number(raw?.sort_pinned ?? 0),
    },
    { expression: 't.lastPostAt', direction: 'DESC', type: 'timestamp', value: (t) => t.lastPostAt },
    { expression: 't.id', direction: 'DESC', type: 'uuid', value: (t) => t.id },
  ]);
}

/** Queries and mutations of discussions; thin: authorize, call the service, shape the payload. */
@Resolver(() => DiscussionThread)
export class DiscussionThreadResolver {
  @Query(() => DiscussionThreadConnection, {
    description: 'The threads the viewer may read: pinned first, then by last activity.',
  })
  async discussionThreads(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => DiscussionThreadFilter, { nullable: true }) filter: DiscussionThreadFilter | null,
  ): Promise<Connection<DiscussionThread>> {
    return findThreads(ctx, requireViewer(ctx), filter, { first, after });
  }

  @Query(() => DiscussionThread, {
    nullable: true,
    description: 'Null when there is none the viewer may read.',
  })
  async discussionThread(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<DiscussionThread | null> {
    requireViewer(ctx);
    return readableThread(ctx, idOf(id, 'DiscussionThread'));
  }

  @Query(() => SubjectDiscussions, {
    nullable: true,
    description:
      "A project's, working group's, meeting's or forum category's discussions; null when not readable.",
  })
  async subjectDiscussions(
    @Arg('subjectId', () => ID) subjectId: string,
    @Ctx() ctx: Context,
  ): Promise<SubjectDiscussions | null> {
    const viewer = requireViewer(ctx);
    const subject = await subjectFromGlobalId(ctx, subjectId);
    if (!subject || !can(viewer, 'read', { subject })) return null;
    const figures = await ctx.loaders
      .get(figuresBySubject)
      .load({ viewerId: viewer.id, subjectType: subject.type, subjectId: subject.id });
    return {
      subject,
      ref: subjectRef(subject),
      ...figures,
      viewerCanStartThread: can(viewer, 'startThread', { subject }),
    };
  }

  @Query(() => DiscussionPostConnection, {
    description: `German full-text search over the posts the viewer may read, newest first. totalCount stops at ${SEARCH_COUNT_LIMIT} (more matches count as ${SEARCH_COUNT_LIMIT}).`,
  })
  async discussionPostSearch(
    @Ctx() ctx: Context,
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<DiscussionPost>> {
    const viewer = requireViewer(ctx);
    const search = text.trim();
    if (!search) throw badInput('text must not be empty', 'text');
    if (search.length > 200) throw badInput('text may have at most 200 characters', 'text');
    const query = ctx.dataSource
      .getRepository(DiscussionPost)
      .createQueryBuilder('p')
      .innerJoin(DiscussionThread, 't', 't.id = p.thread_id')
      .where(readableThreadsSql('t', VIEWER_PARAMETERS), viewerParameters(viewer))
      .andWhere('p.deleted_at IS NULL AND p.hidden_at IS NULL')
      .andWhere(`p.search_vector @@ websearch_to_tsquery('public.german_unaccent', :search)`, { search });
    return paginate(
      query,
      { first, after },
      [
        { expression: 'p.createdAt', direction: 'DESC', type: 'timestamp', value: (p) => p.createdAt },
        { expression: 'p.id', direction: 'DESC', type: 'uuid', value: (p) => p.id },
      ],
      // Counting every match of a common word would cost more than the page itself.
      { countLimit: SEARCH_COUNT_LIMIT },
    );
  }

  @Query(() => String, { description: "A post's Markdown as the thread will show it (sanitised HTML)." })
  discussionPostPreview(@Arg('body', () => String) body: string, @Ctx() ctx: Context): string {
    requireViewer(ctx);
    if (body.length > discussionLimits.body.maxLength)
      throw badInput(`body may have at most ${discussionLimits.body.maxLength} characters`, 'body');
    return renderPost(body);
  }

  @Query(() => Int, { description: 'Threads with posts newer than the last one the viewer read.' })
  discussionUnreadThreadCount(@Ctx() ctx: Context): Promise<number> {
    return unreadThreadCount(ctx, requireViewer(ctx));
  }

  @Query(() => Boolean, {
    description: "Whether the viewer may create, rename, reorder and archive the forum's categories.",
  })
  viewerCanManageForumCategories(@Ctx() ctx: Context): boolean {
    return can(ctx.viewer, 'manageForumCategories', { subject: null });
  }

  @Query(() => [ForumCategory], { description: "The network forum's categories, in order." })
  async forumCategories(
    @Ctx() ctx: Context,
    @Arg('archived', () => Boolean, { nullable: true, defaultValue: false }) archived: boolean,
  ): Promise<ForumCategory[]> {
    requireViewer(ctx);
    return ctx.dataSource
      .getRepository(ForumCategory)
      .createQueryBuilder('c')
      .where(archived ? 'c.archived_at IS NOT NULL' : 'c.archived_at IS NULL')
      .orderBy('c.position')
      .addOrderBy('c.name')
      .limit(discussionLimits.forumCategories.max)
      .getMany();
  }

  @Mutation(() => ThreadPayload, { description: 'Starts a thread with its first post.' })
  async startThread(
    @Arg('input', () => StartThreadInput) input: StartThreadInput,
    @Ctx() ctx: Context,
  ): Promise<ThreadPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await new DiscussionService(ctx).startThread(
      viewer,
      input.subjectId,
      input.title,
      input.body,
    );
    return { thread: result, userErrors };
  }

  @Mutation(() => PostPayload)
  async replyToThread(
    @Arg('input', () => ReplyInput) input: ReplyInput,
    @Ctx() ctx: Context,
  ): Promise<PostPayload> {
    const viewer = requireViewer(ctx);
    const threadId = idOf(input.threadId, 'DiscussionThread', 'threadId');
    const replyTo = input.replyToPostId ? idOf(input.replyToPostId, 'DiscussionPost', 'replyToPostId') : null;
    const { result, userErrors } = await new DiscussionService(ctx).reply(
      viewer,
      threadId,
      input.body,
      replyTo,
    );
    return { post: result, userErrors };
  }

  @Mutation(() => PostPayload, {
    description: 'The author changes their post; the earlier version stays in its history.',
  })
  async editPost(
    @Arg('input', () => EditPostInput) input: EditPostInput,
    @Ctx() ctx: Context,
  ): Promise<PostPayload> {
    const viewer = requireViewer(ctx);
    const postId = idOf(input.postId, 'DiscussionPost', 'postId');
    const { result, userErrors } = await new DiscussionService(ctx).editPost(viewer, postId, input.body);
    return { post: result, userErrors };
  }

  @Mutation(() => PostPayload, {
    description: 'The author deletes their post; its place in the thread stays.',
  })
  async deletePost(
    @Arg('input', () => PostIdInput) input: PostIdInput,
    @Ctx() ctx: Context,
  ): Promise<PostPayload> {
    const viewer = requireViewer(ctx);
    const postId = idOf(input.postId, 'DiscussionPost', 'postId');
    const { result, userErrors } = await new DiscussionService(ctx).deletePost(viewer, postId);
    return { post: result, userErrors };
  }

  @Mutation(() => PostPayload, { description: 'Coordinators hide a post or show it again, with a reason.' })
  async setPostHidden(
    @Arg('input', () => SetPostHiddenInput) input: SetPostHiddenInput,
    @Ctx() ctx: Context,
  ): Promise<PostPayload> {
    const viewer = requireViewer(ctx);
    const postId = idOf(input.postId, 'DiscussionPost', 'postId');
    const { result, userErrors } = await new DiscussionService(ctx).setPostHidden(
      viewer,
      postId,
      input.hidden,
      input.reason,
    );
    return { post: result, userErrors };
  }

  @Mutation(() => ThreadPayload, { description: 'Coordinators lock a thread (or unlock it), with a reason.' })
  async setThreadLocked(
    @Arg('input', () => SetThreadLockedInput) input: SetThreadLockedInput,
    @Ctx() ctx: Context,
  ): Promise<ThreadPayload> {
    const viewer = requireViewer(ctx);
    const threadId = idOf(input.threadId, 'DiscussionThread', 'threadId');
    const { result, userErrors } = await new DiscussionService(ctx).moderateThread(
      viewer,
      threadId,
      { locked: input.locked },
      input.reason,
    );
    return { thread: result, userErrors };
  }

  @Mutation(() => ThreadPayload, {
    description: 'Coordinators pin a thread to the top of its lists (or unpin it).',
  })
  async setThreadPinned(
    @Arg('input', () => SetThreadPinnedInput) input: SetThreadPinnedInput,
    @Ctx() ctx: Context,
  ): Promise<ThreadPayload> {
    const viewer = requireViewer(ctx);
    const threadId = idOf(input.threadId, 'DiscussionThread', 'threadId');
    const { result, userErrors } = await new DiscussionService(ctx).moderateThread(
      viewer,
      threadId,
      { pinned: input.pinned },
      input.reason,
    );
    return { thread: result, userErrors };
  }

  @Mutation(() => MarkThreadReadPayload, { description: 'Remembers how far the viewer has read a thread.' })
  async markThreadRead(
    @Arg('input', () => MarkThreadReadInput) input: MarkThreadReadInput,
    @Ctx() ctx: Context,
  ): Promise<MarkThreadReadPayload> {
    const viewer = requireViewer(ctx);
    const threadId = idOf(input.threadId, 'DiscussionThread', 'threadId');
    const { result, userErrors } = await new DiscussionService(ctx).markThreadRead(
      viewer,
      threadId,
      input.lastReadPostNumber ?? null,
    );
    return {
      thread: result,
      unreadThreadCount: result ? await unreadThreadCount(ctx, viewer) : null,
      userErrors,
    };
  }

  @Mutation(() => ForumCategoryPayload, { description: 'Coordinators create or change a forum category.' })
  async saveForumCategory(
    @Arg('input', () => ForumCategoryInput) input: ForumCategoryInput,
    @Ctx() ctx: Context,
  ): Promise<ForumCategoryPayload> {
    const viewer = requireViewer(ctx);
    const categoryId = input.id ? idOf(input.id, 'ForumCategory', 'id') : null;
    const { result, userErrors } = await new DiscussionService(ctx).saveForumCategory(
      viewer,
      categoryId,
      input,
    );
    return { category: result, userErrors };
  }

  @FieldResolver(() => Boolean)
  locked(@Root() thread: DiscussionThread): boolean {
    return thread.lockedAt !== null;
  }

  @FieldResolver(() => Boolean)
  pinned(@Root() thread: DiscussionThread): boolean {
    return thread.pinnedAt !== null;
  }

  @FieldResolver(() => Int, { description: 'Posts written so far (deleted and hidden ones included).' })
  postCount(@Root() thread: DiscussionThread): number {
    return thread.lastPostNumber;
  }

  @FieldResolver(() => String, {
    description: 'Where live updates (threadActivity) start so that nothing since this read is missed.',
  })
  liveCursor(@Root() thread: DiscussionThread): string {
    return String(thread.changeSeq);
  }

  @FieldResolver(() => ThreadSubjectRef, { nullable: true })
  async subject(@Root() thread: DiscussionThread, @Ctx() ctx: Context): Promise<ThreadSubjectRef | null> {
    const subject = await loadSubject(ctx, thread.subjectType, thread.subjectId);
    return subject && subjectRef(subject);
  }

  @FieldResolver(() => PostAuthorType)
  async author(@Root() thread: DiscussionThread, @Ctx() ctx: Context): Promise<PostAuthor> {
    return postAuthorOf(ctx.loaders, thread.authorId);
  }

  @FieldResolver(() => Int, { description: 'Visible posts after the last one the viewer read.' })
  async unreadCount(@Root() thread: DiscussionThread, @Ctx() ctx: Context): Promise<number> {
    const viewer = requireViewer(ctx);
    return (await ctx.loaders.get(readStateByThread).load({ viewerId: viewer.id, threadId: thread.id }))
      .unreadCount;
  }

  @FieldResolver(() => Int)
  async lastReadPostNumber(@Root() thread: DiscussionThread, @Ctx() ctx: Context): Promise<number> {
    const viewer = requireViewer(ctx);
    return (await ctx.loaders.get(readStateByThread).load({ viewerId: viewer.id, threadId: thread.id }))
      .lastReadPostNumber;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'The first visible post the viewer has not read.',
  })
  async firstUnreadPostNumber(@Root() thread: DiscussionThread, @Ctx() ctx: Context): Promise<number | null> {
    const viewer = requireViewer(ctx);
    return (await ctx.loaders.get(readStateByThread).load({ viewerId: viewer.id, threadId: thread.id }))
      .firstUnreadPostNumber;
  }

  @FieldResolver(() => ThreadPermissions)
  async viewerCan(@Root() thread: DiscussionThread, @Ctx() ctx: Context): Promise<ThreadPermissions> {
    const subject = await loadSubject(ctx, thread.subjectType, thread.subjectId);
    const target = { thread, subject };
    return {
      reply: mayOnThread(ctx.viewer, 'reply', target),
      lock: mayOnThread(ctx.viewer, 'lockThread', target),
      pin: mayOnThread(ctx.viewer, 'pinThread', target),
    };
  }

  @FieldResolver(() => DiscussionPostConnection, {
    description: 'Posts in order; fromNumber starts at that post.',
  })
  async posts(
    @Root() thread: DiscussionThread,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('fromNumber', () => Int, { nullable: true }) fromNumber: number | null,
  ): Promise<Connection<DiscussionPost>> {
    const query = ctx.dataSource
      .getRepository(DiscussionPost)
      .createQueryBuilder('p')
      .where('p.thread_id = :threadId', { threadId: thread.id });
    if (fromNumber != null && !after) query.andWhere('p.number >= :fromNumber', { fromNumber });
    return paginate(query, { first: first ?? discussionLimits.postsPage.default, after }, [
      { expression: 'p.number', direction: 'ASC', type: 'integer', value: (p) => p.number },
    ]);
  }
}

@Resolver(() => DiscussionPost)
export class DiscussionPostResolver {
  @FieldResolver(() => PostAuthorType)
  async author(@Root() post: DiscussionPost, @Ctx() ctx: Context): Promise<PostAuthor> {
    return postAuthorOf(ctx.loaders, post.authorId);
  }

  @FieldResolver(() => Boolean)
  hidden(@Root() post: DiscussionPost): boolean {
    return post.hiddenAt !== null;
  }

  @FieldResolver(() => Boolean)
  deleted(@Root() post: DiscussionPost): boolean {
    return post.deletedAt !== null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Why a coordinator hid the post.' })
  hiddenReason(@Root() post: DiscussionPost): string | null {
    return post.hiddenAt ? post.hiddenReason : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Sanitised HTML; null once deleted, and once hidden except for coordinators.',
  })
  bodyHtml(@Root() post: DiscussionPost, @Ctx() ctx: Context): string | null {
    return visibleText(post, ctx.viewer) ? post.bodyHtml : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The Markdown, for its author to edit.' })
  body(@Root() post: DiscussionPost, @Ctx() ctx: Context): string | null {
    return ctx.viewer && post.authorId === ctx.viewer.id && !post.deletedAt ? post.body : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Plain text, at most 500 characters.' })
  excerpt(@Root() post: DiscussionPost, @Ctx() ctx: Context): string | null {
    return visibleText(post, ctx.viewer) ? excerptOf(post.bodyHtml) : null;
  }

  @FieldResolver(() => PostQuote, { nullable: true, description: 'The post this one answers.' })
  async replyTo(@Root() post: DiscussionPost, @Ctx() ctx: Context): Promise<PostQuote | null> {
    if (!post.replyToPostId) return null;
    const quoted = await ctx.loaders.get(discussionPostById).load(post.replyToPostId);
    if (!quoted) return null;
    return {
      postId: quoted.globalId(),
      number: quoted.number,
      author: await postAuthorOf(ctx.loaders, quoted.authorId),
      excerpt: visibleText(quoted, ctx.viewer) ? excerptOf(quoted.bodyHtml) : null,
    };
  }

  @FieldResolver(() => [DiscussionPostRevision], { description: 'Earlier versions, newest first.' })
  async revisions(@Root() post: DiscussionPost, @Ctx() ctx: Context): Promise<DiscussionPostRevision[]> {
    if (!post.editedAt || !visibleText(post, ctx.viewer)) return [];
    const revisions = await ctx.loaders.get(revisionsByPost).load(post.id);
    return revisions.slice(-discussionLimits.revisionsShown).reverse();
  }

  @FieldResolver(() => DiscussionThread)
  async thread(@Root() post: DiscussionPost, @Ctx() ctx: Context): Promise<DiscussionThread> {
    return (await ctx.loaders.get(discussionThreadById).load(post.threadId)) as DiscussionThread;
  }

  @FieldResolver(() => PostPermissions)
  async viewerCan(@Root() post: DiscussionPost, @Ctx() ctx: Context): Promise<PostPermissions> {
    const target = await targetOfThread(ctx, post.threadId);
    if (!target) return { edit: false, delete: false, hide: false };
    return {
      edit: mayOnThread(ctx.viewer, 'editPost', target, post),
      delete: mayOnThread(ctx.viewer, 'deletePost', target, post),
      hide: mayOnThread(ctx.viewer, 'hidePost', target, post),
    };
  }
}

/** Deleted posts show no text; hidden ones only to coordinators (who may show them again). */
function visibleText(post: DiscussionPost, viewer: User | null): boolean {
  if (post.deletedAt) return false;
  return !post.hiddenAt || viewer?.role === Role.COORDINATOR;
}

@Resolver(() => DiscussionPostRevision)
export class DiscussionPostRevisionResolver {
  @FieldResolver(() => String)
  bodyHtml(@Root() revision: DiscussionPostRevision): string {
    return revision.bodyHtml;
  }
}

@Resolver(() => ForumCategory)
export class ForumCategoryResolver {
  @FieldResolver(() => Boolean)
  archived(@Root() category: ForumCategory): boolean {
    return category.archivedAt !== null;
  }
}

@Resolver(() => SubjectDiscussions)
export class SubjectDiscussionsResolver {
  @FieldResolver(() => DiscussionThreadConnection)
  async threads(
    @Root() discussions: SubjectDiscussions,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<DiscussionThread>> {
    if (!ctx.viewer) throw unauthenticated();
    return findThreads(ctx, ctx.viewer, { subjectId: discussions.ref.id }, { first, after });
  }
}

export const discussionResolvers = [
  DiscussionThreadResolver,
  DiscussionPostResolver,
  DiscussionPostRevisionResolver,
  ForumCategoryResolver,
  SubjectDiscussionsResolver,
];
