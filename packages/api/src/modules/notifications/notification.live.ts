import { Int, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { unauthenticated } from '../../graphql/errors';
import { EventQueue } from '../../live/event-queue';
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
  let running = false;
  let again = false;
  const queue = new EventQueue<number>(() => unlisten());
  const read = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const count = await unreadCount(ctx.dataSource, viewer);
        if (count !== lastSent) {
          lastSent = count;
          queue.push(count);
        }
      } while (again);
    } catch (error) {
      queue.end(error);
    } finally {
      running = false;
    }
  };
  const unlisten = hub.listen(inboxTopic(viewer.id), () => void read());
  void read();
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
