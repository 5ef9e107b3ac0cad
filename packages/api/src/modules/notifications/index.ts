/** The notifications module's public face: the consumer, the scheduled work, follows for participants. */
export { followAutomatically } from './notification.audiences';
export {
  consumeDomainEvents,
  NOTIFICATIONS_CONSUMER,
  recountNotifications,
  remindOfActionItems,
  remindOfClosingRounds,
  sendDigests,
} from './notification.delivery';
export {
  Follow,
  Notification,
  NotificationCounter,
  NotificationPreference,
  NotificationSigningKey,
  NotificationThread,
} from './notification.entity';
export { can as notificationPolicyCan } from './notification.policy';

/** The queue task that takes new domain events and writes their notifications. */
export const CONSUME_TASK = 'notifications.consume';
