import type { EntityManager } from 'typeorm';
import { auditFromDomainEventSql } from '../audit/audit.service';
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
 * The next events (oldest first, at most `limit`) that `consumer` has not taken yet, marked as
 * taken in the caller's transaction: process them in that same transaction, and a failure rolls
 * the marks back so the events come again. Several processes of one consumer never take the same
 * event: rows another process holds are skipped (SKIP LOCKED), and the marks' primary key turns
 * away any event a concurrent process marked first. Events written by a transaction that commits
 * later than a higher-numbered one are still taken, as nothing but the marks is remembered.
 */
export async function takeDomainEvents(
  manager: EntityManager,
  consumer: string,
  limit: number,
): Promise<TakenDomainEvent[]> {
  const rows: DomainEventRow[] = await manager.query(
    `WITH candidate AS (
       SELECT e.* FROM domain_event e
       WHERE NOT EXISTS (
         SELECT 1 FROM domain_event_consumption c WHERE c.consumer = $1 AND c.event_id = e.id
       )
       ORDER BY e.id
       LIMIT $2
       FOR UPDATE OF e SKIP LOCKED
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
