import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { discussionPages } from './features/discussions/discussionRoutes';
import { initiativePages, initiativesSection } from './features/initiatives/initiativeRoutes';
import { meetingPages } from './features/meetings/meetingRoutes';
import { memberPaths } from './features/members/memberPaths';
import { RouteErrorPage } from './features/not-found/RouteErrorPage';
import { notificationPaths } from './features/notifications/notificationPaths';
import { peoplePaths } from './features/people/peoplePaths';
import { privacyPaths } from './features/privacy/privacyPaths';
import { auditTrailElement, privacyPublicPages } from './features/privacy/privacyRoutes';
import { MarketplacePage, ProjectsPage } from './features/projects/ProjectsPage';
import { projectPaths } from './features/projects/projectPaths';
import { reportPages, reportsSection } from './features/reports/reportRoutes';
import { searchPaths } from './features/search/searchPaths';
import { workingGroupPaths } from './features/working-groups/workingGroupPaths';
import type { PlainMessageKey } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { paths, routePatterns } from './paths';
import { RequireViewer } from './session/RequireViewer';
import type { Viewer } from './session/useViewer';
import { lazyPage } from './ui/lazyPage';

// Every page but the catalogue (the public front door) is a chunk of its own, loaded on its first visit.
const AcceptInvitationPage = lazyPage(
  () => import('./features/auth/AcceptInvitationPage'),
  'AcceptInvitationPage',
);
const ForgotPasswordPage = lazyPage(() => import('./features/auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./features/auth/ResetPasswordPage'), 'ResetPasswordPage');
const RestoreEmailPage = lazyPage(() => import('./features/auth/RestoreEmailPage'), 'RestoreEmailPage');
const SignInPage = lazyPage(() => import('./features/auth/SignInPage'), 'SignInPage');
const HomePage = lazyPage(() => import('./features/home/HomePage'), 'HomePage');
const MeetingsPage = lazyPage(() => import('./features/meetings/MeetingsPage'), 'MeetingsPage');
const MembershipAdminPage = lazyPage(
  () => import('./features/members/MembershipAdminPage'),
  'MembershipAdminPage',
);
const MembersPage = lazyPage(() => import('./features/members/MembersPage'), 'MembersPage');
const MunicipalityPage = lazyPage(() => import('./features/members/MunicipalityPage'), 'MunicipalityPage');
const NetworkMapPage = lazyPage(() => import('./features/members/NetworkMapPage'), 'NetworkMapPage');
const NotFoundPage = lazyPage(() => import('./features/not-found/NotFoundPage'), 'NotFoundPage');
const InvitePersonPage = lazyPage(() => import('./features/people/InvitePersonPage'), 'InvitePersonPage');
const OfficerImportPage = lazyPage(() => import('./features/people/OfficerImportPage'), 'OfficerImportPage');
const PeoplePage = lazyPage(() => import('./features/people/PeoplePage'), 'PeoplePage');
const ProfilePage = lazyPage(() => import('./features/people/ProfilePage'), 'ProfilePage');
const AdoptProjectPage = lazyPage(() => import('./features/projects/ProjectFormPages'), 'AdoptProjectPage');
const CreateProjectPage = lazyPage(() => import('./features/projects/ProjectFormPages'), 'CreateProjectPage');
const EditProjectPage = lazyPage(() => import('./features/projects/ProjectFormPages'), 'EditProjectPage');
const ProjectPage = lazyPage(() => import('./features/projects/ProjectPage'), 'ProjectPage');
const SearchPage = lazyPage(() => import('./features/search/SearchPage'), 'SearchPage');
const CreateWorkingGroupPage = lazyPage(
  () => import('./features/working-groups/CreateWorkingGroupPage'),
  'CreateWorkingGroupPage',
);
const EditWorkingGroupPage = lazyPage(
  () => import('./features/working-groups/EditWorkingGroupPage'),
  'EditWorkingGroupPage',
);
const WorkingGroupPage = lazyPage(
  () => import('./features/working-groups/WorkingGroupPage'),
  'WorkingGroupPage',
);
const WorkingGroupsPage = lazyPage(
  () => import('./features/working-groups/WorkingGroupsPage'),
  'WorkingGroupsPage',
);

const DiscussionsPage = lazyPage(() => import('./features/discussions/DiscussionsPage'), 'DiscussionsPage');
const NotificationsPage = lazyPage(
  () => import('./features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const DeliveriesPage = lazyPage(() => import('./features/notifications/DeliveriesPage'), 'DeliveriesPage');

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
  initiativesSection,
  { path: paths.meetings, label: 'nav.meetings', element: <MeetingsPage /> },
  {
    path: paths.discussions,
    label: 'nav.discussions',
    element: <DiscussionsPage />,
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
  ...initiativePages,
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
  { path: notificationPaths.inbox, element: <NotificationsPage /> },
  { path: notificationPaths.deliveries, element: <DeliveriesPage /> },
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
