import { WorkingGroupMembershipStatus } from '@hub/shared';
import type { DataSource } from 'typeorm';
import type { SqlSubquery } from '../../policy/policy';

/** Requests to join an open working group that wait for a lead's answer, and in how many groups: one statement. */
export async function pendingJoinRequests(
  dataSource: DataSource,
): Promise<{ requests: number; groups: number }> {
  const [row] = await dataSource.query(
    `SELECT COUNT(*)::int AS requests, COUNT(DISTINCT m.working_group_id)::int AS groups
       FROM working_group_membership m
       JOIN working_group g ON g.id = m.working_group_id AND g.archived_at IS NULL
      WHERE m.status = $1`,
    [WorkingGroupMembershipStatus.REQUESTED],
  );
  return { requests: row.requests, groups: row.groups };
}

/**
 * The open working groups the person is an active member (or lead) of, as a subquery: other modules
 * filter their rows by it in the same round as this look-up instead of waiting for the ids.
 */
export function activeGroupIdsOfUserSql(userId: string): SqlSubquery {
  return {
    sql: `SELECT g.id FROM working_group_membership m
            JOIN working_group g ON g.id = m.working_group_id AND g.archived_at IS NULL
           WHERE m.user_id = $1 AND m.status = '${WorkingGroupMembershipStatus.ACTIVE}'`,
    params: [userId],
  };
}

/** The open working groups the person is an active member (or lead) of: one statement. */
export async function activeGroupIdsOfUser(dataSource: DataSource, userId: string): Promise<string[]> {
  const groups = activeGroupIdsOfUserSql(userId);
  const rows: { id: string }[] = await dataSource.query(groups.sql, groups.params);
  return rows.map((r) => r.id);
}
