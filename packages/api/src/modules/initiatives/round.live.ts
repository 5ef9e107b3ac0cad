import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { notFound, unauthenticated } from '../../graphql/errors';
import { Loaders } from '../../graphql/loaders';
import { idOf } from '../../graphql/relay';
import { EventQueue } from '../../live/event-queue';
import { serialWake } from '../../live/serial-wake';
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
 * process), read one at a time (serialWake).
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
  const queue = new EventQueue<RoundDelivery>(() => unlisten());
  const wake = serialWake(
    async () => {
      const { round, loaders } = await roundNow();
      if (round) queue.push({ round, loaders });
      else queue.end(notFound('The round was deleted.'));
    },
    (error) => queue.end(error),
  );
  const unlisten = hub.listen(roundTopic(roundId), wake);
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
