/**
 * The audit trail is a consumer of the domain events: every event becomes one audit event with
 * action = event type, entity = subject, after = payload, plus the `before` the service hands
 * over. It is derived in the same SQL statement that writes the event (see `emitDomainEvent`),
 * so a change, its domain event and its audit event commit or roll back together.
 *
 * @param event the name of a CTE holding the inserted domain_event row
 * @param before the placeholder of the `before` JSON text (SQL null when there is none)
 * @param after the placeholder of the payload's JSON text (SQL null when the event has none)
 */
export function auditFromDomainEventSql(event: string, before: string, after: string): string {
  return `INSERT INTO audit_event (actor_id, action, entity_type, entity_id, before, after, request_id)
    SELECT actor_id, type, subject_type, subject_id, ${before}::jsonb, ${after}::jsonb, request_id
    FROM ${event}`;
}
