/** The notification pages' URLs. */
export const notificationPaths = {
  inbox: '/benachrichtigungen',
  deliveries: '/zustellung',
} as const;
