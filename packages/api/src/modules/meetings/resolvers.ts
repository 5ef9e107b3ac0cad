import { MeetingOutcomesResolver, OutcomeResolver } from './action-item.resolver';
import { MeetingAttendanceResolver, MeetingInvitationResolver } from './attendance.resolver';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import { AgendaItemResolver, MeetingResolver } from './meeting.resolver';
import {
  AgendaItemNotesResolver,
  MeetingMinutesResolver,
  MeetingMinutesWorkflowResolver,
  MinutesRevisionResolver,
  OutcomeSnapshotResolver,
} from './minutes.resolver';

/** The meetings module's resolvers, by sub-domain: meetings and agenda, attendance, minutes, outcomes. */
export const meetingResolvers = [
  MeetingResolver,
  AgendaItemResolver,
  MeetingAttendanceResolver,
  MeetingInvitationResolver,
  MeetingMinutesWorkflowResolver,
  AgendaItemNotesResolver,
  MeetingMinutesResolver,
  MinutesRevisionResolver,
  OutcomeSnapshotResolver,
  MeetingOutcomesResolver,
  OutcomeResolver,
  CalendarFeedResolver,
] as const;
