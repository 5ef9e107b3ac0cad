import { currentWorkingGroupStatuses, WorkingGroupMembershipStatus, WorkingGroupRole } from '@hub/shared';
import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import { In, IsNull } from 'typeorm';
import type { Context } from '../../graphql/context';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader, groupedLoader } from '../../graphql/loaders';
import { WorkingGroup, WorkingGroupMembership, WorkingGroupMembershipEvent } from './working-group.entity';
import { isActiveLead } from './working-group.policy';

export const workingGroupById = byIdLoader(WorkingGroup);

export const workingGroupMembershipById = byIdLoader(WorkingGroupMembership);

export const workingGroupMembershipEventById = byIdLoader(WorkingGroupMembershipEvent);

/**
 * The current (REQUESTED and ACTIVE) memberships of each group, leads first, then by name: one
 * statement per batch. The group page derives its leads, members, open requests, the viewer's
 * relation and the viewer's permissions from this one list.
 */
export const currentMembershipsByGroupId: LoaderFactory<string, WorkingGroupMembership[]> = (dataSource) =>
  new DataLoader<string, WorkingGroupMembership[]>(async (groupIds) => {
    const rows = await dataSource
      .getRepository(WorkingGroupMembership)
      .createQueryBuilder('m')
      .innerJoin('m.user', 'u')
      .where('m.workingGroupId = ANY(:groupIds)', { groupIds: [...groupIds] })
      .andWhere('m.status IN (:...statuses)', { statuses: [...currentWorkingGroupStatuses] })
      .orderBy('m.role', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getMany();
    const groups = new Map<string, WorkingGroupMembership[]>(groupIds.map((id) => [id, []]));
    for (const row of rows) groups.get(row.workingGroupId)?.push(row);
    return groupIds.map((id) => groups.get(id) ?? []);
  });

/** Number of ACTIVE members (leads included) of each group: one grouped count per batch. */
export const activeMemberCountByGroupId: LoaderFactory<string, number> = (dataSource) =>
  new DataLoader<string, number>(async (groupIds) => {
    const rows: { groupId: string; count: string }[] = await dataSource
      .getRepository(WorkingGroupMembership)
      .createQueryBuilder('m')
      .select('m.workingGroupId', 'groupId')
      .addSelect('COUNT(*)', 'count')
      .where('m.workingGroupId = ANY(:groupIds)', { groupIds: [...groupIds] })
      .andWhere('m.status = :status', { status: WorkingGroupMembershipStatus.ACTIVE })
      .groupBy('m.workingGroupId')
      .getRawMany();
    const counts = new Map(rows.map((row) => [row.groupId, Number(row.count)]));
    return groupIds.map((id) => counts.get(id) ?? 0);
  });

/** The membership history of each group, oldest first. */
export const membershipEventsByGroupId = groupedLoader(
  WorkingGroupMembershipEvent,
  'workingGroupId',
  (event) => event.workingGroupId,
  'createdAt',
);

/**
 * The IDs of the groups (not archived, by name) with active members from each municipality: one
 * statement per batch.
 */
export const activeGroupIdsByMunicipalityId: LoaderFactory<string, string[]> = (dataSource) =>
  new DataLoader<string, string[]>(async (municipalityIds) => {
    const rows: { municipality_id: string; group_id: string }[] = await dataSource.query(
      `SELECT DISTINCT u.municipality_id, g.id AS group_id, g.name
         FROM working_group_membership m
         JOIN app_user u ON u.id = m.user_id
         JOIN working_group g ON g.id = m.working_group_id AND g.archived_at IS NULL
        WHERE m.status = $1 AND u.municipality_id = ANY($2)
        ORDER BY g.name, g.id`,
      [WorkingGroupMembershipStatus.ACTIVE, [...municipalityIds]],
    );
    return municipalityIds.map((id) =>
      rows.filter((row) => row.municipality_id === id).map((row) => row.group_id),
    );
  });

/** The people who currently lead the group (through the request's memberships loader). */
export async function groupLeadIds(loaders: Context['loaders'], groupId: string | null): Promise<string[]> {
  if (!groupId) return [];
  const current = await loaders.get(currentMembershipsByGroupId).load(groupId);
  return current.filter(isActiveLead).map((m) => m.userId);
}

/** Inside a transaction: the people who currently lead the group. */
export async function groupLeadIdsIn(manager: EntityManager, groupId: string | null): Promise<string[]> {
  if (!groupId) return [];
  const rows = await manager.getRepository(WorkingGroupMembership).find({
    select: { userId: true },
    where: {
      workingGroupId: groupId,
      role: WorkingGroupRole.LEAD,
      status: WorkingGroupMembershipStatus.ACTIVE,
    },
  });
  return rows.map((row) => row.userId);
}

/** Inside a transaction: the people who are active members (leads included) of the group. */
export async function activeMemberIdsIn(manager: EntityManager, groupId: string): Promise<string[]> {
  const rows = await manager.getRepository(WorkingGroupMembership).find({
    select: { userId: true },
    where: { workingGroupId: groupId, status: WorkingGroupMembershipStatus.ACTIVE },
  });
  return rows.map((row) => row.userId);
}

/** Inside a transaction: the group with this ID, or null. */
export function workingGroupIn(manager: EntityManager, groupId: string): Promise<WorkingGroup | null> {
  return manager.getRepository(WorkingGroup).findOneBy({ id: groupId });
}

/** Whether the person is a member of, or has asked to join, any working group. */
export function takesPartInAGroup(source: DataSource | EntityManager, userId: string): Promise<boolean> {
  return source.getRepository(WorkingGroupMembership).existsBy({
    userId,
    status: In([WorkingGroupMembershipStatus.ACTIVE, WorkingGroupMembershipStatus.REQUESTED]),
  });
}

/** Whether any working group is open (not archived), so that there is one to join. */
export function anOpenGroupExists(source: DataSource | EntityManager): Promise<boolean> {
  return source.getRepository(WorkingGroup).existsBy({ archivedAt: IsNull() });
}
