import { WorkingGroupMembershipStatus } from '@hub/shared';
import type { DataSource } from 'typeorm';

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

/** The open working groups the person is an active member (or lead) of: one statement. */
export async function activeGroupIdsOfUser(dataSource: DataSource, userId: string): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT g.id FROM working_group_membership m
       JOIN working_group g ON g.id = m.working_group_id AND g.archived_at IS NULL
      WHERE m.user_id = $1 AND m.status = $2`,
    [userId, WorkingGroupMembershipStatus.ACTIVE],
  );
  return rows.map((r) => r.id);
}
