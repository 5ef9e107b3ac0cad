import type { EntityManager } from 'typeorm';
import { PERIODS_CTE, type PeriodBounds, periodParams } from '../../db/period-bounds';

/** Working-group figures of one period. */
export interface WorkingGroupFigures {
  /** Groups set up by the period's end and not archived by then. */
  workingGroupsActive: number;
  /** Active group memberships at the period's end. */
  workingGroupMemberships: number;
  /** People who became active members of a group in the period. */
  workingGroupMembersJoined: number;
}

const WORKING_GROUP_FIGURES = `WITH ${PERIODS_CTE}
  SELECT periods.i,
         (SELECT count(*) FROM working_group g
           WHERE g.created_at < periods.ends AND (g.archived_at IS NULL OR g.archived_at >= periods.ends))::int AS active,
         (SELECT count(*) FROM working_group_membership wm
           WHERE wm.joined_at < periods.ends AND (wm.ended_at IS NULL OR wm.ended_at >= periods.ends))::int AS memberships,
         (SELECT count(*) FROM working_group_membership wm
           WHERE wm.joined_at >= periods.starts AND wm.joined_at < periods.ends)::int AS joined
    FROM periods ORDER BY periods.i`;

/** Groups, memberships and joins for each period, in the order given; one statement. */
export async function workingGroupFigures(
  manager: EntityManager,
  bounds: readonly PeriodBounds[],
): Promise<WorkingGroupFigures[]> {
  const rows: Record<string, number>[] = await manager.query(WORKING_GROUP_FIGURES, periodParams(bounds));
  return rows.map((row) => ({
    workingGroupsActive: row.active,
    workingGroupMemberships: row.memberships,
    workingGroupMembersJoined: row.joined,
  }));
}
