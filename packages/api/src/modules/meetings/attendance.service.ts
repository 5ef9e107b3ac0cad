import { InvitationResponse, UserStatus } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { forbidden } from '../../graphql/errors';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { activeMemberMunicipalityIds } from '../network';
import { activeOfficersOf, peopleByIds } from '../users';
import { activeMemberIdsIn } from '../working-groups';
import { Meeting, MeetingInvitation } from './meeting.entity';
import type { InviteToMeetingInput, RecordAttendanceInput } from './meeting.inputs';
import { meetingPolicy } from './meeting.policy';
import { MeetingServiceBase } from './meeting.service';

/** Invitations, the invited people's answers and the attendance record of a meeting. */
export class AttendanceService extends MeetingServiceBase {
  async invite(m: EntityManager, input: InviteToMeetingInput, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    const userIds = new Set<string>();
    for (const [i, gid] of (input.userIds ?? []).entries()) {
      const id = maybeIdOf(gid, 'User');
      if (!id) fail('VALIDATION', 'Not a valid person ID.', `userIds.${i}`);
      userIds.add(id);
    }
    if (input.workingGroupMembers) {
      if (!meeting.workingGroupId)
        fail('VALIDATION', 'This meeting belongs to no working group.', 'workingGroupMembers');
      for (const userId of await activeMemberIdsIn(m, meeting.workingGroupId)) userIds.add(userId);
    }
    if (input.allMemberMunicipalities) {
      const officers = await activeOfficersOf(m, await activeMemberMunicipalityIds(m));
      for (const officer of officers) userIds.add(officer.id);
    }
    if (!userIds.size)
      fail('VALIDATION', 'Name at least one person, the group or the member municipalities.', 'userIds');
    const people = await peopleByIds(m, [...userIds], [UserStatus.ACTIVE, UserStatus.INVITED]);
    if (people.length !== userIds.size)
      fail('NOT_FOUND', 'Some of these people do not exist or are deactivated.', 'userIds');
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(MeetingInvitation)
      .values(
        people.map((person) => ({
          meetingId: meeting.id,
          userId: person.id,
          municipalityId: person.municipalityId,
        })),
      )
      .orIgnore()
      .returning(['userId'])
      .execute();
    const newIds = new Set((inserted.raw as { user_id: string }[]).map((row) => row.user_id));
    // The newly invited hear of it from the notifications module (in the app, by e-mail as each chose).
    await this.audit(m, 'meeting.invite', 'Meeting', meeting.id, { invited: [...newIds] });
    return meeting;
  }

  async respond(
    m: EntityManager,
    meetingId: string,
    response: InvitationResponse,
  ): Promise<MeetingInvitation> {
    const meeting = await this.meetingToRead(m, meetingId);
    if (meeting.cancelled)
      fail('MEETING_CANCELLED', 'The meeting was cancelled; there is nothing to answer.', 'meetingId');
    if (meeting.endsAt.getTime() < Date.now()) fail('MEETING_PAST', 'The meeting is over.', 'meetingId');
    if (response === InvitationResponse.PENDING) fail('VALIDATION', 'Answer YES, NO or MAYBE.', 'response');
    const invitation = await m
      .getRepository(MeetingInvitation)
      .findOneBy({ meetingId: meeting.id, userId: this.viewer.id });
    if (!invitation) fail('NOT_INVITED', 'You are not invited to this meeting.', 'meetingId');
    if (!meetingPolicy.can(this.viewer, 'respond', { invitation })) throw forbidden();
    invitation.response = response;
    invitation.respondedAt = new Date();
    await m.save(invitation);
    await this.audit(m, 'meeting.respond', 'MeetingInvitation', invitation.id, { response });
    return invitation;
  }

  async recordAttendance(
    m: EntityManager,
    input: RecordAttendanceInput,
    meetingId: string,
  ): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    if (meeting.startsAt.getTime() > Date.now())
      fail('MEETING_NOT_STARTED', 'Attendance is recorded once the meeting has started.', 'meetingId');
    const entries = input.entries.map((entry, i) => {
      const userId = maybeIdOf(entry.userId, 'User');
      if (!userId) fail('VALIDATION', 'Not a valid person ID.', `entries.${i}.userId`);
      return { userId, attended: entry.attended };
    });
    // One row per person: a second entry would make the upsert touch the same row twice.
    const listed = new Set<string>();
    entries.forEach(({ userId }, i) => {
      if (listed.has(userId))
        fail('VALIDATION', 'Each person may be listed only once.', `entries.${i}.userId`);
      listed.add(userId);
    });
    const people = await peopleByIds(m, [...listed]);
    if (people.length !== listed.size) fail('NOT_FOUND', 'Some of these people do not exist.', 'entries');
    const municipalityOf = new Map(people.map((p) => [p.id, p.municipalityId]));
    // People who came without an invitation are added, so the figures stay complete.
    await m
      .createQueryBuilder()
      .insert()
      .into(MeetingInvitation)
      .values(
        entries.map((e) => ({
          meetingId: meeting.id,
          userId: e.userId,
          municipalityId: municipalityOf.get(e.userId) ?? null,
          attended: e.attended,
        })),
      )
      .orUpdate(['attended', 'updated_at'], ['meeting_id', 'user_id'])
      .execute();
    await this.audit(m, 'meeting.attendance', 'Meeting', meeting.id, { entries });
    return meeting;
  }
}
