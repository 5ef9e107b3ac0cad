import type { Context } from '../../graphql/context';
import { ConnectionType } from '../../graphql/relay';
import { Meeting, Outcome } from './meeting.entity';
import { meetingById } from './meeting.loaders';
import { meetingPolicy } from './meeting.policy';
import { meetingStateOf } from './meeting.state';

/* What the meetings module's resolvers share: connection types and the read checks. */

export const MeetingConnection = ConnectionType(Meeting);
export const OutcomeConnection = ConnectionType(Outcome);

/** Outcomes are part of the minutes: visible once published, or to those who draft and approve. */
export async function canSeeOutcomes(ctx: Context, meeting: Meeting): Promise<boolean> {
  const state = await meetingStateOf(ctx, meeting);
  if (meetingPolicy.can(ctx.viewer, 'readDraftMinutes', state)) return true;
  return Boolean(state.minutes?.publishedAt) && meetingPolicy.can(ctx.viewer, 'readPublishedMinutes');
}

export async function readableMeeting(ctx: Context, id: string): Promise<Meeting | null> {
  const meeting = await ctx.loaders.get(meetingById).load(id);
  return meeting && meetingPolicy.can(ctx.viewer, 'read') ? meeting : null;
}
