import { Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { requireViewer } from '../auth';
import { createCalendarFeed, revokeCalendarFeeds } from './calendar-feed.service';
import { CalendarFeedPayload } from './meeting.inputs';

/** The viewer's personal calendar subscription (a secret, revocable URL). */
@Resolver()
export class CalendarFeedResolver {
  @Mutation(() => CalendarFeedPayload, {
    description: 'A new secret subscription URL; earlier ones stop working.',
  })
  async createCalendarFeed(@Ctx() ctx: Context): Promise<CalendarFeedPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      createCalendarFeed(m, viewer, ctx.requestId),
    );
    return { url: result ? `${ctx.config.publicUrl}/calendar/feed/${result}.ics` : null, userErrors };
  }

  @Mutation(() => CalendarFeedPayload, { description: 'Revokes the subscription URL.' })
  async revokeCalendarFeed(@Ctx() ctx: Context): Promise<CalendarFeedPayload> {
    const viewer = requireViewer(ctx);
    const { userErrors } = await inTransaction(ctx, (m) => revokeCalendarFeeds(m, viewer, ctx.requestId));
    return { url: null, userErrors };
  }
}
