import { Int, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { unauthenticated } from '../../graphql/errors';
import { EventQueue } from '../../live/event-queue';
import { serialWake } from '../../live/serial-wake';
import { requireViewer } from '../auth';
import { unreadCount } from './notification.service';
import { inboxTopic } from './notification.topics';

/**
 * Starts the viewer's bell subscription: the unread count at once, then again whenever it changes.
 * Woken by the person's topic (LISTEN/NOTIFY, so a notification written by any API process
 * counts), it reads the one counter row and sends the count when it differs from the last one
 * sent; reads run one at a time, and a wake during a read reads once more afterwards.
 */
function subscribeToUnreadCount(ctx: Context): EventQueue<number> {
  const viewer = requireViewer(ctx);
  const hub = ctx.live;
  if (!hub || !ctx.session) throw unauthenticated('Subscriptions need a WebSocket with a session.');
  let lastSent: number | null = null;
  const queue = new EventQueue<number>(() => unlisten());
  const wake = serialWake(
    async () => {
      const count = await unreadCount(ctx.dataSource, viewer);
      if (count === lastSent) return;
      lastSent = count;
      queue.push(count);
    },
    (error) => queue.end(error),
  );
  const unlisten = hub.listen(inboxTopic(viewer.id), wake);
  wake();
  return queue;
}

@Resolver()
export class NotificationLiveResolver {
  @Subscription(() => Int, {
    description:
      "The viewer's unread notifications (the bell): the count now, then each time it changes (a new notification, something marked read in another tab).",
    subscribe: ({ context }) => subscribeToUnreadCount(context as Context),
  })
  unreadNotificationCountChanged(@Root() count: number): number {
    return count;
  }
}
