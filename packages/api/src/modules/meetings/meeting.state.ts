import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import { groupLeadIds, groupLeadIdsIn } from '../working-groups';
import type { Meeting, MeetingMinutes } from './meeting.entity';
import { minutesByMeeting } from './meeting.loaders';
import type { MeetingState } from './meeting.policy';

/** The meeting with what `meetingPolicy` looks at, through the request's loaders. */
export async function meetingStateOf(ctx: Context, meeting: Meeting): Promise<MeetingState> {
  const [leadIds, minutes] = await Promise.all([
    groupLeadIds(ctx.loaders, meeting.workingGroupId),
    ctx.loaders.get(minutesByMeeting).load(meeting.id),
  ]);
  return { meeting, groupLeadIds: leadIds, minutes };
}

/** Inside a mutation's transaction: the meeting's state as it is now (minutes as the caller read them). */
export async function meetingStateIn(
  manager: EntityManager,
  meeting: Meeting,
  minutes: MeetingMinutes | null = null,
): Promise<MeetingState> {
  return { meeting, groupLeadIds: await groupLeadIdsIn(manager, meeting.workingGroupId), minutes };
}
