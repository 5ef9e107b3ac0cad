import type { EntityManager } from 'typeorm';

/** A working group's name and the active people in it, by role. */
export async function workingGroupAudience(
  manager: EntityManager,
  groupId: string,
): Promise<{ name: string; leadIds: string[]; memberIds: string[] } | null> {
  const [row]: { name: string; lead_ids: string[]; member_ids: string[] }[] = await manager.query(
    `SELECT g.name,
            COALESCE(array_agg(m.user_id) FILTER (WHERE m.role = 'LEAD'), '{}') AS lead_ids,
            COALESCE(array_agg(m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS member_ids
       FROM working_group g
       LEFT JOIN working_group_membership m ON m.working_group_id = g.id AND m.status = 'ACTIVE'
      WHERE g.id = $1
      GROUP BY g.id`,
    [groupId],
  );
  return row ? { name: row.name, leadIds: row.lead_ids, memberIds: row.member_ids } : null;
}

/** The group and person of a membership (a join request and its decision). */
export async function workingGroupMembershipSummary(
  manager: EntityManager,
  membershipId: string,
): Promise<{ workingGroupId: string; userId: string } | null> {
  const [row]: { workingGroupId: string; userId: string }[] = await manager.query(
    `SELECT working_group_id AS "workingGroupId", user_id AS "userId" FROM working_group_membership WHERE id = $1`,
    [membershipId],
  );
  return row ?? null;
}
