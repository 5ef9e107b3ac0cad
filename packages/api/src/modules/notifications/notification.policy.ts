import { Role, UserStatus } from '@hub/shared';
import type { User } from '../users';

/** What a person may do with notifications, follows, preferences and deliveries. */
export type NotificationAction =
  | 'readInbox'
  | 'markRead'
  | 'choosePreferences'
  | 'follow'
  | 'listDeliveries'
  | 'retryDelivery';

/** The subject of an action, with the state the rule depends on. */
export type NotificationPolicySubject =
  /** A person's inbox (or one notification in it), preferences: `ownerId` is whose. */
  | { inboxOf: string }
  /** Something to follow; `readable` is its owning module's read rule for the actor. */
  | { followable: { readable: boolean } }
  /** The outbox of e-mails (the coordinators' "Zustellung" page). */
  | { deliveries: true };

const signedIn = (actor: User | null): actor is User => actor !== null && actor.status === UserStatus.ACTIVE;

/**
 * The one place for the notification rules: each person reads and manages only their own inbox
 * and preferences, follows what they may read, and coordinators look after failed deliveries.
 */
export function can(
  actor: User | null,
  action: NotificationAction,
  subject: NotificationPolicySubject,
): boolean {
  if (!signedIn(actor)) return false;
  switch (action) {
    case 'readInbox':
    case 'markRead':
    case 'choosePreferences':
      return 'inboxOf' in subject && subject.inboxOf === actor.id;
    case 'follow':
      return 'followable' in subject && subject.followable.readable;
    case 'listDeliveries':
    case 'retryDelivery':
      return 'deliveries' in subject && actor.role === Role.COORDINATOR;
  }
}

/**
 * The SQL condition on `notification` (alias `n`) listing what `can(actor, 'readInbox', …)`
 * allows: the actor's own rows, nothing for anyone else. Kept next to `can` so both change together.
 */
export function readableNotificationsSql(actor: User | null): {
  where: string;
  params: Record<string, unknown>;
} {
  if (!signedIn(actor)) return { where: 'FALSE', params: {} };
  return { where: 'n.recipient_id = :inboxOwner', params: { inboxOwner: actor.id } };
}
