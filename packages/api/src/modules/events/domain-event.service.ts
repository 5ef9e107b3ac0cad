import type { EntityManager } from 'typeorm';
import { auditFromDomainEventSql } from '../audit';
import type { DomainEventInput, DomainEventType, TakenDomainEvent } from './domain-event.types';

/** JSON text for a jsonb parameter; SQL null (not JSON null) when there is nothing. */
const jsonParam = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

/**
 * Records that something happened, inside the caller's transaction: the domain event and the
 * audit event derived from it are written by one SQL statement. The one call services make
 * after a change someone may want to hear about.
 */
export async function emitDomainEvent<T extends DomainEventType>(
  manager: EntityManager,
  event: DomainEventInput<T>,
): Promise<void> {
  await manager.query(
    `WITH event AS (
       INSERT INTO domain_event (type, actor_id, subject_type, subject_id, payload, request_id)
       VALUES ($1, $2, $3, $4, COALESCE($5::jsonb, '{}'::jsonb), $6)
       RETURNING type, actor_id, subject_type, subject_id, request_id
     )
     ${auditFromDomainEventSql('event', '$7', '$5')}`,
    [
      event.type,
      event.actorId,
      event.subjectType,
      event.subjectId,
      jsonParam(event.payload),
      event.requestId ?? null,
      jsonParam(event.before),
    ],
  );
}

interface DomainEventRow {
  id: string;
  type: DomainEventType;
  occurred_at: Date;
  actor_id: string | null;
  subject_type: string;
  subject_id: string | null;
  payload: Record<string, unknown>;
}

/**
 * How long a take waits for another process's take of the same consumer. Longer than the
 * statement timeout (a request's limit: waiting for a background job that is busy is no slow
 * statement) and than the idle-in-transaction timeout, so a holder stuck outside PostgreSQL is
 * ended by PostgreSQL before its waiters give up.
 */
const CONSUMER_LOCK_WAIT = '60s';

/**
 * Takes the consumer's transaction-scoped advisory lock, waiting up to CONSUMER_LOCK_WAIT for it,
 * and then puts the connection's own statement and lock timeouts back for the rest of the
 * transaction.
 */
async function waitForConsumerLock(manager: EntityManager, consumer: string): Promise<void> {
  await manager.query(`SET LOCAL statement_timeout = 0; SET LOCAL lock_timeout = '${CONSUMER_LOCK_WAIT}'`);
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('domain_event_consumer:' || $1))`, [consumer]);
  await manager.query('SET LOCAL statement_timeout TO DEFAULT; SET LOCAL lock_timeout TO DEFAULT');
}

/**
 * The next events (oldest first, at most `limit`) that `consumer` has not taken yet, marked as
 * taken in the caller's transaction: process them in that same transaction, and a failure rolls
 * the marks back so the events come again. Takes of one consumer run one after another (a
 * transaction-scoped advisory lock per consumer, held until commit), so several API processes
 * never take the same event and each consumer sees its events in order; other consumers are not
 * held up. The marks' primary key turns away a double take should the lock ever be bypassed.
 * Events are remembered by their marks, not by a position, so an event whose transaction commits
 * after a higher-numbered one's is still taken (with the next call).
 */
export async function takeDomainEvents(
  manager: EntityManager,
  consumer: string,
  limit: number,
): Promise<TakenDomainEvent[]> {
  await waitForConsumerLock(manager, consumer);
  const rows: DomainEventRow[] = await manager.query(
    `WITH candidate AS (
       SELECT e.* FROM domain_event e
       WHERE NOT EXISTS (
         SELECT 1 FROM domain_event_consumption c WHERE c.consumer = $1 AND c.event_id = e.id
       )
       ORDER BY e.id
       LIMIT $2
     ), marked AS (
       INSERT INTO domain_event_consumption (consumer, event_id)
       SELECT $1, id FROM candidate
       ON CONFLICT DO NOTHING
       RETURNING event_id
     )
     SELECT candidate.id, candidate.type, candidate.occurred_at, candidate.actor_id,
            candidate.subject_type, candidate.subject_id, candidate.payload
     FROM candidate JOIN marked ON marked.event_id = candidate.id
     ORDER BY candidate.id`,
    [consumer, limit],
  );
  return rows.map((row) => ({
    id: String(row.id),
    type: row.type,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: row.payload,
  }));
}
