/** The meetings module's public face: what other modules may use. */

export {
  meetingInviteeIds,
  meetingSummary,
  minutesSummary,
  openActionItemsDueOn,
  outcomeSummary,
} from './meeting.audience';
export { Meeting, Outcome } from './meeting.entity';
export { meetingFigures } from './meeting.figures';
export { meetingById, minutesById, outcomeById } from './meeting.loaders';
export {
  meetingRefsOfWorkingGroups,
  meetingsWithMinutesAwaitingApproval,
  meetingsWithUnansweredInvitations,
  openActionItemsOf,
  upcomingMeetingsOf,
} from './meeting.overview';
export { meetingPolicy, meetingReadableSql } from './meeting.policy';
