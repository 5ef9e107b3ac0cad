import type { EntityManager } from 'typeorm';
import { PERIODS_CTE, type PeriodBounds, periodParams } from '../../db/period-bounds';

/** Meeting, attendance and action-item figures of one period. */
export interface MeetingFigures {
  meetingsHeld: number;
  networkMeetingsHeld: number;
  workingGroupMeetingsHeld: number;
  steeringMeetingsHeld: number;
  /** Working groups that met at least once in the period. */
  workingGroupsMet: number;
  invitations: number;
  /** Invitations whose attendance the organiser recorded. */
  attendanceRecorded: number;
  attendances: number;
  attendingMunicipalities: number;
  actionItemsDue: number;
  actionItemsDoneOnTime: number;
  actionItemsDoneLate: number;
  /** Open at the period's end although due before it. */
  actionItemsOverdue: number;
}

/*
 * A meeting was held in a period when it started in it, was not cancelled or deleted and has
 * ended by now. An action item is due in the period by its due date (a Berlin calendar date),
 * done on time when completed on or before that day (Berlin time), and overdue at the period's
 * end when due before the period ended and not completed by then; dropped items count nowhere.
 */
const MEETING_FIGURES = `WITH ${PERIODS_CTE},
  held AS (
    SELECT periods.i, m.id, m.kind, m.working_group_id
      FROM periods JOIN meeting m
        ON m.starts_at >= periods.starts AND m.starts_at < periods.ends
       AND NOT m.cancelled AND m.deleted_at IS NULL AND m.ends_at <= now()),
  attendance AS (
    SELECT held.i, count(inv.id) AS invitations,
           count(inv.attended) AS recorded,
           count(*) FILTER (WHERE inv.attended) AS attended,
           count(DISTINCT inv.municipality_id) FILTER (WHERE inv.attended) AS municipalities
      FROM held JOIN meeting_invitation inv ON inv.meeting_id = held.id GROUP BY held.i),
  items AS (
    SELECT o.due_date, o.created_at, o.completed_at,
           (o.completed_at AT TIME ZONE 'Europe/Berlin')::date AS completed_on
      FROM meeting_outcome o JOIN meeting m ON m.id = o.meeting_id AND m.deleted_at IS NULL
     WHERE o.kind = 'ACTION_ITEM' AND o.due_date IS NOT NULL AND o.status <> 'DROPPED')
  SELECT periods.i,
         (SELECT count(*) FROM held WHERE held.i = periods.i)::int AS held,
         (SELECT count(*) FROM held WHERE held.i = periods.i AND kind = 'NETWORK')::int AS network,
         (SELECT count(*) FROM held WHERE held.i = periods.i AND kind = 'WORKING_GROUP')::int AS working_group,
         (SELECT count(*) FROM held WHERE held.i = periods.i AND kind = 'STEERING')::int AS steering,
         (SELECT count(DISTINCT working_group_id) FROM held WHERE held.i = periods.i)::int AS groups_met,
         COALESCE(a.invitations, 0)::int AS invitations,
         COALESCE(a.recorded, 0)::int AS recorded,
         COALESCE(a.attended, 0)::int AS attended,
         COALESCE(a.municipalities, 0)::int AS municipalities,
         (SELECT count(*) FROM items WHERE due_date >= periods.starts_on AND due_date < periods.ends_before)::int AS due,
         (SELECT count(*) FROM items WHERE due_date >= periods.starts_on AND due_date < periods.ends_before
             AND completed_on <= due_date AND completed_at < periods.ends)::int AS on_time,
         (SELECT count(*) FROM items WHERE due_date >= periods.starts_on AND due_date < periods.ends_before
             AND completed_on > due_date AND completed_at < periods.ends)::int AS late,
         (SELECT count(*) FROM items WHERE due_date < periods.ends_before AND created_at < periods.ends
             AND (completed_at IS NULL OR completed_at >= periods.ends))::int AS overdue
    FROM periods LEFT JOIN attendance a ON a.i = periods.i ORDER BY periods.i`;

/** Meetings held, attendance and action items for each period, in the order given; one statement. */
export async function meetingFigures(
  manager: EntityManager,
  bounds: readonly PeriodBounds[],
): Promise<MeetingFigures[]> {
  const rows: Record<string, number>[] = await manager.query(MEETING_FIGURES, periodParams(bounds));
  return rows.map((row) => ({
    meetingsHeld: row.held,
    networkMeetingsHeld: row.network,
    workingGroupMeetingsHeld: row.working_group,
    steeringMeetingsHeld: row.steering,
    workingGroupsMet: row.groups_met,
    invitations: row.invitations,
    attendanceRecorded: row.recorded,
    attendances: row.attended,
    attendingMunicipalities: row.municipalities,
    actionItemsDue: row.due,
    actionItemsDoneOnTime: row.on_time,
    actionItemsDoneLate: row.late,
    actionItemsOverdue: row.overdue,
  }));
}
