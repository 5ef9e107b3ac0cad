import { MeetingKind, MembershipStatus, Role } from '@hub/shared';
import type { DataSource } from 'typeorm';
import { Meeting, MeetingInvitation } from '../../packages/api/src/modules/meetings/meeting.entity';
import { NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { buildUser } from './factories';
import { buildWorkingGroup } from './working-group-factories';

let sequence = 0;

// One working-group factory for every test (it lives with the other working-group factories).
export { buildWorkingGroup } from './working-group-factories';

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

/**
 * A meeting stored directly (bypassing the API), by default a network meeting next week; a
 * working-group meeting without a group gets a group of its own.
 */
export async function buildMeeting(
  dataSource: DataSource,
  overrides: Partial<Meeting> = {},
): Promise<Meeting> {
  const startsAt = overrides.startsAt ?? new Date(Date.now() + 7 * 86400_000);
  const workingGroupId =
    overrides.kind === MeetingKind.WORKING_GROUP && !overrides.workingGroupId
      ? (await buildWorkingGroup(dataSource)).id
      : overrides.workingGroupId;
  const meeting = dataSource.getRepository(Meeting).create({
    kind: MeetingKind.NETWORK,
    title: `Netzwerktreffen ${++sequence}`,
    description: '',
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
    ...overrides,
    ...(workingGroupId ? { workingGroupId } : {}),
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
