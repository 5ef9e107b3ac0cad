/** The live topic a person's notification counts are announced on (new notifications, marked read). */
export const inboxTopic = (userId: string) => `inbox:${userId}`;
