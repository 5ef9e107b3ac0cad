import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { AcceptInvitationPage } from './features/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './features/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './features/auth/ResetPasswordPage';
import { RestoreEmailPage } from './features/auth/RestoreEmailPage';
import { SignInPage } from './features/auth/SignInPage';
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
import { InvitePersonPage } from './features/people/InvitePersonPage';
import { OfficerImportPage } from './features/people/OfficerImportPage';
import { PeoplePage } from './features/people/PeoplePage';
import { ProfilePage } from './features/people/ProfilePage';
import { peoplePaths } from './features/people/peoplePaths';
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
  reportsSection,
];

/** Further pages for signed-in people that have no navigation entry of their own (details, forms). */
const protectedPages: RouteObject[] = [
  ...meetingPages,
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
