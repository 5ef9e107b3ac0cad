import type { EntityManager } from 'typeorm';

/**
 * Writes the domain events (and their audit events) that the demo's history would have produced,
 * dated when it happened: projects published, status updates, adoptions, membership changes,
 * meetings planned and minutes published. So the activity feeds and the figures over time that
 * read domain events show two years of movement. One statement; runs after all demo data is in.
 * The events are in date order, so their numbers (the feeds' order) follow the dates.
 */
export async function seedDemoHistoryEvents(manager: EntityManager): Promise<void> {
  await manager.query(
    `WITH history AS (
       SELECT 'project.publish' AS type, p.published_at AS occurred_at, p.created_by_id AS actor_id,
              'Project' AS subject_type, p.id AS subject_id,
              jsonb_build_object('title', p.title, 'demo', true) AS payload
         FROM project p WHERE p.is_demo AND p.published_at IS NOT NULL AND p.origin_project_id IS NULL
       UNION ALL
       SELECT 'project.adopt', a.published_at, a.created_by_id, 'Project', a.id,
              jsonb_build_object('title', a.title, 'originProjectId', a.origin_project_id,
                                 'estimatedSavingCents', a.estimated_saving_cents,
                                 'copiedCosts', false, 'notifiedPeople', 0, 'demo', true)
         FROM project a WHERE a.is_demo AND a.origin_project_id IS NOT NULL AND a.published_at IS NOT NULL
       UNION ALL
       SELECT 'project.statusUpdate', u.created_at, u.author_id, 'Project', u.project_id,
              jsonb_build_object('phase', u.phase, 'progressPercent', u.progress_percent,
                                 'reportedOn', u.reported_on, 'demo', true)
         FROM project_status_update u JOIN project p ON p.id = u.project_id AND p.is_demo
       UNION ALL
       SELECT 'membership.status', e.created_at, e.actor_id, 'NetworkMembership', e.membership_id,
              jsonb_build_object('status', e.to_status, 'municipalityId', nm.municipality_id, 'demo', true)
         FROM membership_event e JOIN network_membership nm ON nm.id = e.membership_id
       UNION ALL
       -- Planned some weeks ahead (the first demo meetings were inserted on the seeding day).
       SELECT 'meeting.create', LEAST(m.created_at, m.starts_at - interval '21 days'), m.organizer_id, 'Meeting', m.id,
              jsonb_build_object('title', m.title, 'kind', m.kind, 'startsAt', m.starts_at, 'demo', true)
         FROM meeting m
       UNION ALL
       SELECT 'minutes.publish', mm.published_at, mm.approved_by_id, 'MeetingMinutes', mm.id,
              jsonb_build_object('revision', mm.revision, 'notified', 0, 'demo', true)
         FROM meeting_minutes mm WHERE mm.published_at IS NOT NULL
     ),
     event AS (
       INSERT INTO domain_event (type, occurred_at, actor_id, subject_type, subject_id, payload)
       SELECT type, occurred_at, actor_id, subject_type, subject_id, payload
         FROM history WHERE occurred_at <= now() ORDER BY occurred_at, subject_id
       RETURNING type, occurred_at, actor_id, subject_type, subject_id, payload
     )
     INSERT INTO audit_event (actor_id, action, entity_type, entity_id, after, created_at)
     SELECT actor_id, type, subject_type, subject_id, payload, occurred_at FROM event`,
  );
}
