import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { SignInPage } from './features/auth/SignInPage';
import { DiscussionsPage } from './features/discussions/DiscussionsPage';
import { HomePage } from './features/home/HomePage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { MembersPage } from './features/members/MembersPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import { RouteErrorPage } from './features/not-found/RouteErrorPage';
import { ProjectsPage } from './features/projects/ProjectsPage';
import { ReportsPage } from './features/reports/ReportsPage';
import { WorkingGroupsPage } from './features/working-groups/WorkingGroupsPage';
import { CreateWorkingGroupPage } from './features/working-groups/CreateWorkingGroupPage';
import { WorkingGroupPage } from './features/working-groups/WorkingGroupPage';
import { workingGroupPaths } from './features/working-groups/workingGroupPaths';
import type { PlainMessageKey } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { paths, routePatterns } from './paths';
import { RequireViewer } from './session/RequireViewer';

interface Section {
  path: string;
  /** Its entry in the main navigation. */
  label: PlainMessageKey;
  element: ReactNode;
}

/** The main navigation's sections, in order; each needs a signed-in viewer. */
const sections: Section[] = [
  { path: paths.home, label: 'nav.home', element: <HomePage /> },
  { path: paths.members, label: 'nav.members', element: <MembersPage /> },
  { path: paths.workingGroups, label: 'nav.workingGroups', element: <WorkingGroupsPage /> },
  { path: paths.projects, label: 'nav.projects', element: <ProjectsPage /> },
  { path: paths.meetings, label: 'nav.meetings', element: <MeetingsPage /> },
  { path: paths.discussions, label: 'nav.discussions', element: <DiscussionsPage /> },
  { path: paths.reports, label: 'nav.reports', element: <ReportsPage /> },
];

/** Further pages for signed-in people that have no navigation entry of their own (details, forms). */
const protectedPages: RouteObject[] = [
  { path: workingGroupPaths.create, element: <CreateWorkingGroupPage /> },
  { path: workingGroupPaths.detailPattern, element: <WorkingGroupPage /> },
];

/** Pages anyone may open: signing in and the links sent by e-mail. */
const publicPages: RouteObject[] = [
  { path: paths.signIn, element: <SignInPage /> },
  { path: paths.forgotPassword, element: <ForgotPasswordPage /> },
  { path: routePatterns.acceptInvitation, element: <AcceptInvitationPage /> },
  { path: routePatterns.resetPassword, element: <ResetPasswordPage /> },
];

/** Every route of the app. A feature adds its pages to `sections`, `protectedPages` or `publicPages`. */
export const routes: RouteObject[] = [
  {
    element: <AppLayout navigation={sections} />,
    children: [
      {
        errorElement: <RouteErrorPage />,
        children: [
          ...publicPages,
          {
            element: <RequireViewer />,
            children: [...sections.map(({ path, element }) => ({ path, element })), ...protectedPages],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
