import type { RouteObject } from 'react-router';
import { ActionItemsPage } from './ActionItemsPage';
import { CreateMeetingPage } from './CreateMeetingPage';
import { MeetingPage } from './MeetingPage';
import { MinutesPrintPage } from './MinutesPrintPage';
import { meetingPaths } from './meetingPaths';
import { ParticipationPage } from './ParticipationPage';

/** The meeting pages beside the list in the main navigation. */
export const meetingPages: RouteObject[] = [
  { path: meetingPaths.create, element: <CreateMeetingPage /> },
  { path: meetingPaths.actionItems, element: <ActionItemsPage /> },
  { path: meetingPaths.participation, element: <ParticipationPage /> },
  { path: meetingPaths.printPattern, element: <MinutesPrintPage /> },
  { path: meetingPaths.detailPattern, element: <MeetingPage /> },
];
