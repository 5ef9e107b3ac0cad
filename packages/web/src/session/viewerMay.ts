import type { WorkingGroupMembershipStatus, WorkingGroupRole } from '../gql/graphql';
import type { Viewer } from './useViewer';

type MaybeViewer = Viewer | null | undefined;

const isCoordinator = (viewer: MaybeViewer) => viewer?.role === 'COORDINATOR';
const isNetworkStaff = (viewer: MaybeViewer) => viewer?.role === 'COORDINATOR' || viewer?.role === 'OFFICER';

/**
 * What the viewer may start where the API has no `viewerCan…` answer yet: the ONE place in the web
 * client that reads the viewer's role to decide what to offer (the API decides again on every
 * request). Each rule names the field of the API that should replace it; screens that have such a
 * field already (a project's, a meeting's, a group's `viewerCan`) ask it instead.
 */
export const viewerMay = {
  /** → `projectsViewerCan.create` */
  createProject: isNetworkStaff,
  /** → `projectsViewerCan.chooseLeadMunicipality` (officers lead for their own municipality) */
  chooseLeadMunicipality: isCoordinator,
  /** → `projectsViewerCan.setNetworkProject` (an existing project has `viewerCan.setNetworkProject`) */
  markNewProjectAsNetworkProject: isCoordinator,
  /** → `Project.viewerCan.adoptForAnyMunicipality` (officers adopt for their own municipality) */
  adoptForAnyMunicipality: isCoordinator,
  /** → `Project.viewerCan.readContacts` (`contacts` is empty for the ministry and the public: DSGVO) */
  readProjectContacts: isNetworkStaff,
  /** → `meetingsViewerCan.plan` */
  planMeetings: (viewer: MaybeViewer) => Boolean(viewer) && viewer?.role !== 'MINISTRY',
  /** → `meetingsViewerCan.planNetworkMeeting` */
  planNetworkMeetings: isCoordinator,
  /** → `WorkingGroup.viewerCan.planMeeting` */
  planMeetingOf: (
    viewer: MaybeViewer,
    group: { viewerMembership?: { role: WorkingGroupRole; status: WorkingGroupMembershipStatus } | null },
  ) =>
    isCoordinator(viewer) ||
    (group.viewerMembership?.role === 'LEAD' && group.viewerMembership.status === 'ACTIVE'),
  /** → `workingGroupsViewerCan.create` */
  createWorkingGroup: isCoordinator,
  /** → `peopleViewerCan.read` */
  listPeople: isNetworkStaff,
  /** → `peopleViewerCan.invite` (also the officer import) */
  invitePeople: isCoordinator,
  /** → `networkMembershipsViewerCan.administer` */
  administerMemberships: isCoordinator,
  /** → `searchViewerCan.people` (the search offers the kinds that can find something) */
  searchPeople: isNetworkStaff,
};
