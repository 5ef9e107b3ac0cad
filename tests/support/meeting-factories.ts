import {
  MeetingKind,
  MembershipStatus,
  Role,
  WorkingGroupMembershipStatus,
  WorkingGroupRole,
} from '@hub/shared';
import type { DataSource } from 'typeorm';
import { Meeting, MeetingInvitation } from '../../packages/api/src/modules/meetings/meeting.entity';
import { NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import {
  WorkingGroup,
  WorkingGroupMembership,
} from '../../packages/api/src/modules/working-groups/working-group.entity';
import { buildUser } from './factories';

let sequence = 0;

/** A working group with the given leads and members (active memberships). */
export async function buildWorkingGroup(
  dataSource: DataSource,
  { leads = [], members = [], name }: { leads?: User[]; members?: User[]; name?: string } = {},
): Promise<WorkingGroup> {
  const group = dataSource
    .getRepository(WorkingGroup)
    .create({ name: name ?? `AG ${++sequence}`, topic: 'Digitalisierung' });
  await dataSource.getRepository(WorkingGroup).save(group);
  const rows = [
    ...leads.map((user) => ({ user, role: WorkingGroupRole.LEAD })),
    ...members.map((user) => ({ user, role: WorkingGroupRole.MEMBER })),
  ];
  if (rows.length) {
    await dataSource.getRepository(WorkingGroupMembership).insert(
      rows.map(({ user, role }) => ({
        workingGroupId: group.id,
        userId: user.id,
        role,
        status: WorkingGroupMembershipStatus.ACTIVE,
        joinedAt: new Date(),
      })),
    );
  }
  return group;
}

/** Makes the municipality an active network member (if it is not one yet). */
export async function activeMember(dataSource: DataSource, municipalityId: string): Promise<void> {
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(NetworkMembership)
    .values({ municipalityId, status: MembershipStatus.ACTIVE, since: new Date() })
    .orIgnore()
    .execute();
}

/** A meeting stored directly (bypassing the API), by default a network meeting next week. */
export async function buildMeeting(
  dataSource: DataSource,
  overrides: Partial<Meeting> = {},
): Promise<Meeting> {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 86400_000);
  const meeting = dataSource.getRepository(Meeting).create({
    kind: MeetingKind.NETWORK,
    title: `Netzwerktreffen ${++sequence}`,
    description: '',
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    ...overrides,
    startsAt,
  });
  await dataSource.getRepository(Meeting).save(meeting);
  return meeting;
}

/** Invites the people directly. */
export async function invite(dataSource: DataSource, meeting: Meeting, people: User[]): Promise<void> {
  await dataSource.getRepository(MeetingInvitation).insert(
    people.map((person) => ({
      meetingId: meeting.id,
      userId: person.id,
      municipalityId: person.municipalityId,
    })),
  );
}

/** The cast of the authorization matrix: a coordinator, a group with its lead, officers, the ministry. */
export async function buildMeetingCast(dataSource: DataSource) {
  const coordinator = await buildUser(dataSource, { role: Role.COORDINATOR });
  const lead = await buildUser(dataSource);
  const secondLead = await buildUser(dataSource);
  const member = await buildUser(dataSource);
  const outsider = await buildUser(dataSource);
  const ministry = await buildUser(dataSource, { role: Role.MINISTRY });
  const group = await buildWorkingGroup(dataSource, { leads: [lead, secondLead], members: [member] });
  return { coordinator, lead, secondLead, member, outsider, ministry, group };
}
