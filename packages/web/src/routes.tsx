import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { RestoreEmailPage } from './features/auth/RestoreEmailPage';
import { SignInPage } from './features/auth/SignInPage';
import { discussionPages } from './features/discussions/discussionRoutes';
import { HomePage } from './features/home/HomePage';
import { MeetingsPage } from './features/meetings/MeetingsPage';
import { meetingPages } from './features/meetings/meetingRoutes';
import { MembershipAdminPage } from './features/members/MembershipAdminPage';
import { MembersPage } from './features/members/MembersPage';
import { MunicipalityPage } from './features/members/MunicipalityPage';
import { memberPaths } from './features/members/memberPaths';
import { NetworkMapPage } from './features/members/NetworkMapPage';
import { NotFoundPage } from './features/not-found/NotFoundPage';
import { RouteErrorPage } from './features/not-found/RouteErrorPage';
import { notificationPaths } from './features/notifications/notificationPaths';
import { InvitePersonPage } from './features/people/InvitePersonPage';
import { OfficerImportPage } from './features/people/OfficerImportPage';
import { PeoplePage } from './features/people/PeoplePage';
import { ProfilePage } from './features/people/ProfilePage';
import { peoplePaths } from './features/people/peoplePaths';
import { privacyPaths } from './features/privacy/privacyPaths';
import { auditTrailElement, privacyPublicPages } from './features/privacy/privacyRoutes';
import { AdoptProjectPage, CreateProjectPage, EditProjectPage } from './features/projects/ProjectFormPages';
import { ProjectPage } from './features/projects/ProjectPage';
import { MarketplacePage, ProjectsPage } from './features/projects/ProjectsPage';
import { projectPaths } from './features/projects/projectPaths';
import { reportPages, reportsSection } from './features/reports/reportRoutes';
import { SearchPage } from './features/search/SearchPage';
import { searchPaths } from './features/search/searchPaths';
import { CreateWorkingGroupPage } from './features/working-groups/CreateWorkingGroupPage';
import { EditWorkingGroupPage } from './features/working-groups/EditWorkingGroupPage';
import { WorkingGroupPage } from './features/working-groups/WorkingGroupPage';
import { WorkingGroupsPage } from './features/working-groups/WorkingGroupsPage';
import { workingGroupPaths } from './features/working-groups/workingGroupPaths';
import type { PlainMessageKey } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { paths, routePatterns } from './paths';
import { RequireViewer } from './session/RequireViewer';
import { LoadingIndicator } from './ui/LoadingIndicator';

const DiscussionsPage = lazy(() =>
  import('./features/discussions/DiscussionsPage').then((module) => ({ default: module.DiscussionsPage })),
);
// Loaded when first opened, so the first page load stays small.
const NotificationsPage = lazy(() =>
  import('./features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const DeliveriesPage = lazy(() =>
  import('./features/notifications/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage })),
);

function lazyPage(page: ReactNode): ReactNode {
  return <Suspense fallback={<LoadingIndicator />}>{page}</Suspense>;
}

import type { Viewer } from './session/useViewer';

interface Section {
  path: string;
  /** Its entry in the main navigation. */
  label: PlainMessageKey;
  element: ReactNode;
  /** Only for viewers this says yes to (asked of fields the API answers); everyone when absent. */
  shownTo?: (viewer: Viewer) => boolean;
}

/** The main navigation's sections, in order; each needs a signed-in viewer. */
const sections: Section[] = [
  { path: paths.home, label: 'nav.home', element: <HomePage /> },
  { path: paths.members, label: 'nav.members', element: <MembersPage /> },
  { path: paths.workingGroups, label: 'nav.workingGroups', element: <WorkingGroupsPage /> },
  { path: paths.projects, label: 'nav.projects', element: <ProjectsPage /> },
  { path: paths.meetings, label: 'nav.meetings', element: <MeetingsPage /> },
  {
    path: paths.discussions,
    label: 'nav.discussions',
    element: (
      <Suspense fallback={<LoadingIndicator />}>
        <DiscussionsPage />
      </Suspense>
    ),
  },
  {
    path: privacyPaths.auditTrail,
    label: 'nav.auditTrail',
    element: auditTrailElement,
    shownTo: (viewer) => viewer.canReadAuditTrail,
  },
  reportsSection,
];

/** Further pages for signed-in people that have no navigation entry of their own (details, forms). */
const protectedPages: RouteObject[] = [
  ...meetingPages,
  ...discussionPages,
  ...reportPages,
  { path: memberPaths.municipalityPattern, element: <MunicipalityPage /> },
  { path: memberPaths.administration, element: <MembershipAdminPage /> },
  { path: memberPaths.map, element: <NetworkMapPage /> },
  { path: peoplePaths.list, element: <PeoplePage /> },
  { path: peoplePaths.import, element: <OfficerImportPage /> },
  { path: peoplePaths.invite, element: <InvitePersonPage /> },
  { path: peoplePaths.profile, element: <ProfilePage /> },
  { path: projectPaths.create, element: <CreateProjectPage /> },
  { path: projectPaths.editPattern, element: <EditProjectPage /> },
  { path: projectPaths.adoptPattern, element: <AdoptProjectPage /> },
  { path: workingGroupPaths.create, element: <CreateWorkingGroupPage /> },
  { path: workingGroupPaths.detailPattern, element: <WorkingGroupPage /> },
  { path: workingGroupPaths.editPattern, element: <EditWorkingGroupPage /> },
  { path: notificationPaths.inbox, element: lazyPage(<NotificationsPage />) },
  { path: notificationPaths.deliveries, element: lazyPage(<DeliveriesPage />) },
];

/** Pages anyone may open: signing in and the links sent by e-mail. */
const publicPages: RouteObject[] = [
  { path: paths.signIn, element: <SignInPage /> },
  { path: projectPaths.marketplace, element: <MarketplacePage /> },
  { path: searchPaths.results, element: <SearchPage /> },
  { path: projectPaths.detailPattern, element: <ProjectPage /> },
  { path: paths.forgotPassword, element: <ForgotPasswordPage /> },
  { path: routePatterns.acceptInvitation, element: <AcceptInvitationPage /> },
  { path: routePatterns.resetPassword, element: <ResetPasswordPage /> },
  { path: routePatterns.restoreEmail, element: <RestoreEmailPage /> },
  ...privacyPublicPages,
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
