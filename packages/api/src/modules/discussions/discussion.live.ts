import { Arg, Ctx, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { Context } from '../../graphql/context';
import { badInput, forbidden, notFound, unauthenticated } from '../../graphql/errors';
import { Loaders } from '../../graphql/loaders';
import { idOf } from '../../graphql/relay';
import { EventQueue } from '../../live/event-queue';
import type { LiveHub } from '../../live/live-hub';
import { serialWake } from '../../live/serial-wake';
import { requireViewer } from '../auth';
import { DiscussionPost, DiscussionThread } from './discussion.entity';
import { readableThreadsSql } from './discussion.policy';
import { mayOnThread, threadTopic, threadWithSubject } from './discussion.service';

/** One change of a thread as live subscribers get it: the post as it is now, or the thread alone. */
@ObjectType({ description: 'A new, edited, deleted or hidden post, or a change of the thread itself.' })
export class ThreadActivity {
  @Field(() => String, { description: 'Pass as `after` when subscribing again to miss nothing.' })
  cursor: string;

  @Field(() => DiscussionThread)
  thread: DiscussionThread;

  @Field(() => DiscussionPost, {
    nullable: true,
    description: 'Null when only the thread changed (locked, pinned).',
  })
  post: DiscussionPost | null;

  /** Fresh loaders for this delivery, shared by every subscriber it goes to. */
  loaders: Loaders;
}

interface Subscriber {
  userId: string;
  sessionId: string;
  /** The change number of the last change delivered. */
  cursor: bigint;
  queue: EventQueue<ThreadActivity>;
}

const feedsByHub = new WeakMap<LiveHub, Map<string, ThreadFeed>>();

/**
 * The subscribers of one thread in this process. Woken by the thread's notifications, it reads
 * the changes after the lowest cursor once, checks every subscriber's read permission (and live
 * session) in one statement, and hands each subscriber the changes beyond its own cursor: two
 * statements per change whatever the number of subscribers. Deliveries run one at a time.
 */
class ThreadFeed {
  private readonly subscribers = new Set<Subscriber>();
  private readonly unlisten: () => void;
  /** Deliveries run one at a time; a failed one ends every subscriber's stream. */
  private readonly wake = serialWake(
    () => this.deliver(),
    (error) => {
      for (const subscriber of this.subscribers) subscriber.queue.end(error);
    },
  );

  constructor(
    private readonly threadId: string,
    private readonly dataSource: DataSource,
    private readonly feeds: Map<string, ThreadFeed>,
    hub: LiveHub,
  ) {
    this.unlisten = hub.listen(threadTopic(threadId), () => this.wake());
  }

  add(subscriber: Subscriber): void {
    this.subscribers.add(subscriber);
    this.wake();
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0 && this.feeds.get(this.threadId) === this) {
      this.feeds.delete(this.threadId);
      this.unlisten();
    }
  }

  private async deliver(): Promise<void> {
    const subscribers = [...this.subscribers];
    if (!subscribers.length) return;
    const thread = await this.dataSource.getRepository(DiscussionThread).findOneBy({ id: this.threadId });
    if (!thread) {
      for (const subscriber of subscribers) subscriber.queue.end(notFound('The thread no longer exists.'));
      return;
    }
    const newest = BigInt(thread.changeSeq);
    // The lowest cursor (bigints: Math.min does not take them).
    let from = newest;
    for (const subscriber of subscribers) if (subscriber.cursor < from) from = subscriber.cursor;
    if (from >= newest) return;
    const [posts, allowed] = await Promise.all([
      this.dataSource
        .getRepository(DiscussionPost)
        .createQueryBuilder('p')
        .where('p.thread_id = :threadId', { threadId: this.threadId })
        .andWhere('p.change_seq > :from AND p.change_seq <= :newest', {
          from: String(from),
          newest: String(newest),
        })
        .orderBy('p.change_seq')
        .getMany(),
      this.readers(subscribers),
    ]);
    const loaders = new Loaders(this.dataSource);
    for (const subscriber of subscribers) {
      if (!allowed.has(subscriber.sessionId)) {
        subscriber.queue.end(forbidden('You may no longer read this thread.'));
        continue;
      }
      for (const post of posts) {
        if (BigInt(post.changeSeq) > subscriber.cursor)
          subscriber.queue.push({ cursor: post.changeSeq, thread, post, loaders });
      }
      const lastPost = posts.at(-1);
      if (subscriber.cursor < newest && (!lastPost || BigInt(lastPost.changeSeq) < newest))
        subscriber.queue.push({ cursor: thread.changeSeq, thread, post: null, loaders });
      subscriber.cursor = newest;
    }
  }

  /** The sessions (of active people) among the subscribers' that may read the thread now. */
  private async readers(subscribers: Subscriber[]): Promise<Set<string>> {
    const rows: { session_id: string }[] = await this.dataSource.query(
      `SELECT s.id AS session_id FROM discussion_thread t
         JOIN session s ON s.id = ANY($2::text[]) AND s.expires_at > now()
         JOIN app_user v ON v.id = s.user_id AND v.status = 'ACTIVE'
        WHERE t.id = $1 AND ${readableThreadsSql('t', { id: 'v.id', role: 'v.role::text', municipalityId: 'v.municipality_id' })}`,
      [this.threadId, subscribers.map((s) => s.sessionId)],
    );
    return new Set(rows.map((row) => row.session_id));
  }
}

function feedFor(hub: LiveHub, dataSource: DataSource, threadId: string): ThreadFeed {
  let feeds = feedsByHub.get(hub);
  if (!feeds) {
    feeds = new Map();
    feedsByHub.set(hub, feeds);
  }
  let feed = feeds.get(threadId);
  if (!feed) {
    feed = new ThreadFeed(threadId, dataSource, feeds, hub);
    feeds.set(threadId, feed);
  }
  return feed;
}

const CURSOR = /^\d{1,18}$/;

/** Starts a subscription to a thread the viewer may read, from `after` (or from now). */
async function subscribeToThread(ctx: Context, threadGlobalId: string, after: string | null | undefined) {
  const viewer = requireViewer(ctx);
  if (!ctx.live || !ctx.session) throw unauthenticated('Subscriptions need a WebSocket with a session.');
  const threadId = idOf(threadGlobalId, 'DiscussionThread', 'threadId');
  if (after != null && !CURSOR.test(after)) throw badInput('after is not a valid cursor', 'after');
  const target = await threadWithSubject(ctx, threadId);
  if (!target || !mayOnThread(viewer, 'read', target)) throw notFound('There is no such thread.');
  const feed = feedFor(ctx.live, ctx.dataSource, threadId);
  const subscriber: Subscriber = {
    userId: viewer.id,
    sessionId: ctx.session.id,
    cursor: BigInt(after ?? target.thread.changeSeq),
    queue: new EventQueue<ThreadActivity>(() => feed.remove(subscriber)),
  };
  feed.add(subscriber);
  return subscriber.queue;
}

@Resolver()
export class DiscussionLiveResolver {
  @Subscription(() => ThreadActivity, {
    description:
      "New, edited, deleted and hidden posts of a thread as they happen; with `after` (a cursor of an earlier activity, or the thread's liveCursor) first everything since.",
    subscribe: ({ args, context }) => subscribeToThread(context as Context, args.threadId, args.after),
  })
  threadActivity(
    @Root() activity: ThreadActivity,
    @Ctx() ctx: Context,
    @Arg('threadId', () => ID) _threadId: string,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
  ): ThreadActivity {
    // The fields below resolve with this delivery's loaders, not ones cached since subscribing.
    ctx.loaders = activity.loaders;
    return activity;
  }
}
