import { InvitationResponse, MinutesStatus, OutcomeKind, openActionItemStatuses } from '@hub/shared';
import type { DataSource } from 'typeorm';
import type { SqlSubquery } from '../../policy/policy';
import { todayInBerlin } from './meeting.service';

/** Ids of a short list, in order, and how many there are in all. */
export interface IdsAndCount {
  ids: string[];
  total: number;
}

/**
 * The viewer's open action items from published minutes (her own and her municipality's), overdue
 * first, then by due date (none last), as `actionItems(scope: MINE)` lists them: one statement.
 */
export async function openActionItemsOf(
  dataSource: DataSource,
  viewer: { id: string; municipalityId: string | null },
  limit: number,
  today = todayInBerlin(),
): Promise<IdsAndCount & { overdue: number }> {
  const rows: { id: string; total: number; overdue: number }[] = await dataSource.query(
    `SELECT o.id, COUNT(*) OVER ()::int AS total,
            (COUNT(*) FILTER (WHERE o.due_date < $4) OVER ())::int AS overdue
       FROM meeting_outcome o
       JOIN meeting mt ON mt.id = o.meeting_id AND mt.deleted_at IS NULL
       JOIN meeting_minutes mm ON mm.meeting_id = o.meeting_id AND mm.published_at IS NOT NULL
      WHERE o.kind = $1 AND o.status::text = ANY($2::text[])
        AND (o.owner_user_id = $3 OR o.owner_municipality_id = $5)
      ORDER BY o.due_date ASC NULLS LAST, o.id
      LIMIT $6`,
    [OutcomeKind.ACTION_ITEM, openActionItemStatuses, viewer.id, today, viewer.municipalityId, limit],
  );
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0, overdue: rows[0]?.overdue ?? 0 };
}

/** Meetings the person is invited to that have not ended and are not cancelled, soonest first: one statement. */
export async function upcomingMeetingsOf(
  dataSource: DataSource,
  userId: string,
  limit: number,
  now = new Date(),
): Promise<IdsAndCount & { unanswered: number }> {
  const rows: { id: string; total: number; unanswered: number }[] = await dataSource.query(
    `SELECT m.id, COUNT(*) OVER ()::int AS total,
            (COUNT(*) FILTER (WHERE i.response = $3) OVER ())::int AS unanswered
       FROM meeting m JOIN meeting_invitation i ON i.meeting_id = m.id AND i.user_id = $1
      WHERE m.deleted_at IS NULL AND NOT m.cancelled AND m.ends_at > $2
      ORDER BY m.starts_at, m.id
      LIMIT $4`,
    [userId, now, InvitationResponse.PENDING, limit],
  );
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0, unanswered: rows[0]?.unanswered ?? 0 };
}

/** Meetings whose minutes were submitted and wait for approval, oldest submission first: one statement. */
export async function meetingsWithMinutesAwaitingApproval(
  dataSource: DataSource,
  limit: number,
): Promise<IdsAndCount> {
  const rows: { id: string; total: number }[] = await dataSource.query(
    `SELECT m.id, COUNT(*) OVER ()::int AS total
       FROM meeting_minutes mm JOIN meeting m ON m.id = mm.meeting_id AND m.deleted_at IS NULL
      WHERE mm.status = $1
      ORDER BY mm.submitted_at NULLS LAST, m.id
      LIMIT $2`,
    [MinutesStatus.SUBMITTED, limit],
  );
  return { ids: rows.map((r) => r.id), total: rows[0]?.total ?? 0 };
}

/**
 * Upcoming meetings with invitations nobody answered yet, soonest first, and the number of those
 * invitations across all upcoming meetings: one statement.
 */
export async function meetingsWithUnansweredInvitations(
  dataSource: DataSource,
  limit: number,
  now = new Date(),
): Promise<{ ids: string[]; meetings: number; invitations: number }> {
  const rows: { id: string; meetings: number; invitations: number }[] = await dataSource.query(
    `SELECT m.id, COUNT(*) OVER ()::int AS meetings, (SUM(pending.count) OVER ())::int AS invitations
       FROM meeting m
       JOIN LATERAL (SELECT COUNT(*) AS count FROM meeting_invitation i
                      WHERE i.meeting_id = m.id AND i.response = $1) pending ON pending.count > 0
      WHERE m.deleted_at IS NULL AND NOT m.cancelled AND m.starts_at > $2
      ORDER BY m.starts_at, m.id
      LIMIT $3`,
    [InvitationResponse.PENDING, now, limit],
  );
  return {
    ids: rows.map((r) => r.id),
    meetings: rows[0]?.meetings ?? 0,
    invitations: rows[0]?.invitations ?? 0,
  };
}

/**
 * The meetings of the working groups (the ids as a subquery of the working-groups module) and their
 * minutes, each minutes with its meeting, for activity feeds about those groups: one statement.
 */
export async function meetingRefsOfWorkingGroups(
  dataSource: DataSource,
  workingGroupIds: SqlSubquery,
): Promise<{ meetingIds: string[]; minutes: { id: string; meetingId: string }[] }> {
  const rows: { meeting_id: string; minutes_id: string | null }[] = await dataSource.query(
    `SELECT m.id AS meeting_id, mm.id AS minutes_id
       FROM meeting m LEFT JOIN meeting_minutes mm ON mm.meeting_id = m.id
      WHERE m.working_group_id IN (${workingGroupIds.sql}) AND m.deleted_at IS NULL`,
    workingGroupIds.params,
  );
  return {
    meetingIds: rows.map((r) => r.meeting_id),
    minutes: rows.flatMap((r) => (r.minutes_id ? [{ id: r.minutes_id, meetingId: r.meeting_id }] : [])),
  };
}
