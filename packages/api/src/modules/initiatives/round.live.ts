import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { notFound, unauthenticated } from '../../graphql/errors';
import { Loaders } from '../../graphql/loaders';
import { idOf } from '../../graphql/relay';
import { EventQueue } from '../../live/event-queue';
import { requireViewer } from '../auth';
import { PrioritisationRound } from './initiative.entity';
import { prioritisationRoundById } from './initiative.loaders';
import { initiativePolicy } from './initiative.policy';

/** The live topic of a round: announced when a ballot is cast or changed and when the round closes. */
export const roundTopic = (roundId: string) => `round:${roundId}`;

/** A round as it is now, with fresh loaders for the fields resolved under it. */
interface RoundDelivery {
  round: PrioritisationRound;
  loaders: Loaders;
}

/**
 * Starts a subscription to a round whose participation the viewer may follow (coordinators while
 * it is open): the round at once, then again after each announcement on its topic (from any API
 * process). Reads run one at a time; a wake during a read reads once more afterwards.
 */
async function subscribeToRound(ctx: Context, roundGlobalId: string): Promise<EventQueue<RoundDelivery>> {
  const viewer = requireViewer(ctx);
  const hub = ctx.live;
  if (!hub || !ctx.session) throw unauthenticated('Subscriptions need a WebSocket with a session.');
  const roundId = idOf(roundGlobalId, 'PrioritisationRound', 'roundId');
  const roundNow = async () => {
    const loaders = new Loaders(ctx.dataSource);
    return { round: await loaders.get(prioritisationRoundById).load(roundId), loaders };
  };
  const first = await roundNow();
  if (!first.round || !initiativePolicy.can(viewer, 'readParticipation', { round: first.round }))
    throw notFound('There is no such round whose participation you may follow.');
  let running = false;
  let again = false;
  const queue = new EventQueue<RoundDelivery>(() => unlisten());
  const read = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const { round, loaders } = await roundNow();
        if (!round) return queue.end(notFound('The round was deleted.'));
        queue.push({ round, loaders });
      } while (again);
    } catch (error) {
      queue.end(error);
    } finally {
      running = false;
    }
  };
  const unlisten = hub.listen(roundTopic(roundId), () => void read());
  queue.push(first as RoundDelivery);
  return queue;
}

@Resolver()
export class RoundLiveResolver {
  @Subscription(() => PrioritisationRound, {
    description:
      'A prioritisation round now, then each time a ballot is cast or changed or the round closes: coordinators follow the participation live.',
    subscribe: ({ args, context }) => subscribeToRound(context as Context, args.roundId),
  })
  roundChanged(
    @Root() delivery: RoundDelivery,
    @Ctx() ctx: Context,
    @Arg('roundId', () => ID) _roundId: string,
  ): PrioritisationRound {
    // The fields below resolve with this delivery's loaders, not ones cached since subscribing.
    ctx.loaders = delivery.loaders;
    return delivery.round;
  }
}
