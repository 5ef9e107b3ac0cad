import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { Notification } from './notification.entity';
import { can } from './notification.policy';
import {
  failedDeliveries,
  followInfo,
  inbox,
  markRead,
  notificationPreferences,
  retryDelivery,
  setFollowState,
  setPreference,
  unreadCount,
} from './notification.service';
import {
  FollowInfo,
  MailDelivery,
  MailDeliveryConnection,
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  NotificationPreferenceInfo,
  RetryDeliveryInput,
  RetryDeliveryPayload,
  SetFollowStateInput,
  SetFollowStatePayload,
  SetNotificationPreferenceInput,
  SetNotificationPreferencePayload,
} from './notification.types';

registerNodeType('Notification', async (ctx, id) => {
  const notification = await ctx.dataSource.getRepository(Notification).findOneBy({ id });
  return notification && can(ctx.viewer, 'readInbox', { inboxOf: notification.recipientId })
    ? notification
    : null;
});

@Resolver()
export class NotificationResolver {
  @Query(() => NotificationConnection, { description: "The viewer's notifications, newest first." })
  notifications(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
    @Arg('unreadOnly', () => Boolean, { nullable: true }) unreadOnly?: boolean,
  ): Promise<Connection<Notification>> {
    return inbox(ctx, { first, after, unreadOnly });
  }

  @Query(() => Int, { description: "The viewer's unread notifications (the bell); 0 for the public." })
  unreadNotificationCount(@Ctx() ctx: Context): Promise<number> {
    return ctx.viewer ? unreadCount(ctx.dataSource, ctx.viewer) : Promise.resolve(0);
  }

  @Mutation(() => MarkNotificationsReadPayload)
  async markNotificationsRead(
    @Ctx() ctx: Context,
    @Arg('input', () => MarkNotificationsReadInput) input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadPayload> {
    const { result, userErrors } = await markRead(ctx, input);
    return result
      ? { ...result, userErrors }
      : { unreadCount: await unreadCount(ctx.dataSource, ctx.viewer!), readAt: null, userErrors };
  }

  @Query(() => FollowInfo, {
    nullable: true,
    description:
      "The viewer's relation to a project, working group, municipality or thread; null if unknown.",
  })
  followState(
    @Ctx() ctx: Context,
    @Arg('subjectId', () => ID) subjectId: string,
  ): Promise<FollowInfo | null> {
    return followInfo(ctx, subjectId);
  }

  @Mutation(() => SetFollowStatePayload, { description: 'Follow, unfollow or mute a subject.' })
  async setFollowState(
    @Ctx() ctx: Context,
    @Arg('input', () => SetFollowStateInput) input: SetFollowStateInput,
  ): Promise<SetFollowStatePayload> {
    const { result, userErrors } = await setFollowState(ctx, input);
    return { follow: result, userErrors };
  }

  @Query(() => [NotificationPreferenceInfo], {
    description: "The viewer's e-mail choice per notification type.",
  })
  notificationPreferences(@Ctx() ctx: Context): Promise<NotificationPreferenceInfo[]> {
    return notificationPreferences(ctx);
  }

  @Mutation(() => SetNotificationPreferencePayload)
  async setNotificationPreference(
    @Ctx() ctx: Context,
    @Arg('input', () => SetNotificationPreferenceInput) input: SetNotificationPreferenceInput,
  ): Promise<SetNotificationPreferencePayload> {
    const { result, userErrors } = await setPreference(ctx, input);
    return { preferences: result ?? (await notificationPreferences(ctx)), userErrors };
  }

  @Query(() => MailDeliveryConnection, {
    description: 'E-mails that failed to go out, newest first (coordinators: the "Zustellung" page).',
  })
  failedMailDeliveries(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<Connection<MailDelivery>> {
    return failedDeliveries(ctx, { first, after });
  }

  @Mutation(() => RetryDeliveryPayload, { description: 'Sends a failed e-mail again now (coordinators).' })
  async retryMailDelivery(
    @Ctx() ctx: Context,
    @Arg('input', () => RetryDeliveryInput) input: RetryDeliveryInput,
  ): Promise<RetryDeliveryPayload> {
    const { result, userErrors } = await retryDelivery(ctx, input.id);
    return { delivery: result, userErrors };
  }
}
