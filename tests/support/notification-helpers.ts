import type { DataSource } from 'typeorm';
import type { DomainEventInput, DomainEventType } from '../../packages/api/src/modules/events';
import { emitDomainEvent } from '../../packages/api/src/modules/events';
import { consumeDomainEvents } from '../../packages/api/src/modules/notifications';

/** Writes a domain event as a service would (for events whose module is built elsewhere). */
export function emit<T extends DomainEventType>(
  dataSource: DataSource,
  event: DomainEventInput<T>,
): Promise<void> {
  return dataSource.transaction((manager) => emitDomainEvent(manager, event));
}

/** Runs the notifications consumer once, as the queue's job does. */
export function consume(dataSource: DataSource, publicUrl = 'http://hub.test'): Promise<number> {
  return consumeDomainEvents(dataSource, publicUrl);
}

/** A person's notifications, newest first, straight from the table. */
export function notificationsOf(
  dataSource: DataSource,
  userId: string,
): Promise<
  { kind: string; subject_title: string; excerpt: string | null; email_due: string | null; link: string }[]
> {
  return dataSource.query(
    `SELECT kind, subject_title, excerpt, email_due, link FROM notification WHERE recipient_id = $1 ORDER BY created_at DESC, kind`,
    [userId],
  );
}
