import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { meetingPaths } from './meetingPaths';

const ActionItemsPage = lazyPage(() => import('./ActionItemsPage'), 'ActionItemsPage');
const CreateMeetingPage = lazyPage(() => import('./CreateMeetingPage'), 'CreateMeetingPage');
const MeetingPage = lazyPage(() => import('./MeetingPage'), 'MeetingPage');
const MinutesPrintPage = lazyPage(() => import('./MinutesPrintPage'), 'MinutesPrintPage');
const ParticipationPage = lazyPage(() => import('./ParticipationPage'), 'ParticipationPage');

/** The meeting pages beside the list in the main navigation. */
export const meetingPages: RouteObject[] = [
  { path: meetingPaths.create, element: <CreateMeetingPage /> },
  { path: meetingPaths.actionItems, element: <ActionItemsPage /> },
  { path: meetingPaths.participation, element: <ParticipationPage /> },
  { path: meetingPaths.printPattern, element: <MinutesPrintPage /> },
  { path: meetingPaths.detailPattern, element: <MeetingPage /> },
];
