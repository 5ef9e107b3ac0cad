import type { DataSource } from 'typeorm';
import type { DomainEventType } from './domain-event.types';

/** An event as an activity feed shows it. */
export interface FeedEvent {
  id: string;
  type: DomainEventType;
  occurredAt: Date;
  actorId: string | null;
  subjectType: string;
  subjectId: string | null;
  payload: Record<string, unknown>;
}

/** Which events a feed shows: of these types, and (when given) only about these subjects. */
export interface FeedFilter {
  types: readonly DomainEventType[];
  subjects?: { type: string; ids: string[] }[];
  limit: number;
}

/**
 * The latest events of the given types, newest first (read-only: unlike takeDomainEvents it marks
 * nothing as consumed). With `subjects`, only events about those subjects: one statement.
 */
export async function latestDomainEvents(dataSource: DataSource, filter: FeedFilter): Promise<FeedEvent[]> {
  const subjects = filter.subjects?.filter((s) => s.ids.length);
  if (filter.subjects && !subjects?.length) return [];
  const parameters: unknown[] = [filter.types, filter.limit];
  const subjectSql = subjects?.length
    ? `AND (${subjects
        .map((s) => {
          parameters.push(s.type, s.ids);
          return `(e.subject_type = $${parameters.length - 1} AND e.subject_id = ANY($${parameters.length}::uuid[]))`;
        })
        .join(' OR ')})`
    : '';
  const rows: {
    id: string;
    type: DomainEventType;
    occurred_at: Date;
    actor_id: string | null;
    subject_type: string;
    subject_id: string | null;
    payload: Record<string, unknown>;
  }[] = await dataSource.query(
    `SELECT e.id, e.type, e.occurred_at, e.actor_id, e.subject_type, e.subject_id, e.payload
       FROM domain_event e
      WHERE e.type = ANY($1::text[]) ${subjectSql}
      ORDER BY e.id DESC
      LIMIT $2`,
    parameters,
  );
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: row.payload,
  }));
}
