import { randomBytes } from 'node:crypto';
import { WorkingGroupMembershipStatus, WorkingGroupRole } from '@hub/shared';
import type { DataSource } from 'typeorm';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import {
  WorkingGroup,
  WorkingGroupMembership,
  WorkingGroupMembershipEvent,
} from '../../packages/api/src/modules/working-groups/working-group.entity';

export interface WorkingGroupOverrides extends Partial<WorkingGroup> {
  /** Active leads. */
  leads?: User[];
  /** Active plain members. */
  members?: User[];
  /** People with an open request to join. */
  requested?: User[];
}

/** A working group with the given leads, members and open requests (written directly, no audit). */
export async function buildWorkingGroup(
  dataSource: DataSource,
  overrides: WorkingGroupOverrides = {},
): Promise<WorkingGroup> {
  const { leads = [], members = [], requested = [], ...fields } = overrides;
  const repository = dataSource.getRepository(WorkingGroup);
  const group = repository.create({
    name: `AG ${randomBytes(4).toString('hex')}`,
    topic: 'Smart City',
    description: 'Wir teilen Erfahrungen.',
    goals: 'Nichts doppelt bauen.',
    archivedAt: null,
    createdById: null,
    ...fields,
  });
  await repository.save(group);
  for (const user of leads) await addMembership(dataSource, group, user, { role: WorkingGroupRole.LEAD });
  for (const user of members) await addMembership(dataSource, group, user);
  for (const user of requested) {
    await addMembership(dataSource, group, user, { status: WorkingGroupMembershipStatus.REQUESTED });
  }
  return group;
}

/** One membership; ACTIVE MEMBER unless given. */
export async function addMembership(
  dataSource: DataSource,
  group: WorkingGroup,
  user: User,
  overrides: Partial<WorkingGroupMembership> = {},
): Promise<WorkingGroupMembership> {
  const repository = dataSource.getRepository(WorkingGroupMembership);
  const status = overrides.status ?? WorkingGroupMembershipStatus.ACTIVE;
  const membership = repository.create({
    workingGroupId: group.id,
    userId: user.id,
    role: WorkingGroupRole.MEMBER,
    requestedAt: new Date(),
    joinedAt: status === WorkingGroupMembershipStatus.ACTIVE ? new Date() : null,
    endedAt: null,
    requestNote: null,
    ...overrides,
    status,
  });
  await repository.save(membership);
  return membership;
}

/** One "created" history event per membership of the group, as the service would have written. */
export async function addHistory(
  dataSource: DataSource,
  group: WorkingGroup,
  actor: User | null = null,
): Promise<void> {
  const memberships = await dataSource
    .getRepository(WorkingGroupMembership)
    .findBy({ workingGroupId: group.id });
  await dataSource.getRepository(WorkingGroupMembershipEvent).insert(
    memberships.map((m) => ({
      membershipId: m.id,
      workingGroupId: group.id,
      fromStatus: null,
      toStatus: m.status,
      fromRole: null,
      toRole: m.role,
      actorId: actor?.id ?? m.userId,
    })),
  );
}
