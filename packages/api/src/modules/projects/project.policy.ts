import { ProjectParticipantRole, ProjectStatus, Role } from '@hub/shared';

import type { ViewerSql } from '../auth/viewer';
import type { User } from '../users/user.entity';
import type { Project } from './project.entity';
import type { ProjectParticipant } from './project-details.entity';

const EDITING_ROLES = new Set([ProjectParticipantRole.LEAD, ProjectParticipantRole.PARTNER]);

/** The viewer's municipality's role in the project, if any. */
function roleOf(
  viewer: User | null,
  project: Project,
  participants: ProjectParticipant[],
): ProjectParticipantRole | null {
  if (!viewer?.municipalityId) return null;
  if (project.leadMunicipalityId === viewer.municipalityId) return ProjectParticipantRole.LEAD;
  return participants.find((p) => p.municipalityId === viewer.municipalityId)?.role ?? null;
}

/**
 * Who may read and change projects: officers create projects for their own municipality and edit
 * those it leads or partners in; coordinators may do everything; the ministry reads published projects;
 * the public reads published projects only, without personal data.
 */
export const projectPolicy = {
  /**
   * Published projects: everyone. Drafts are a municipality's work in progress: its own (lead and
   * partner) officers and the coordinators only, not the ministry nor other municipalities.
   * `onlyVisible` in project.search.ts is the same rule in SQL.
   */
  canRead(viewer: User | null, project: Project, participants: ProjectParticipant[]): boolean {
    if (project.status === ProjectStatus.PUBLISHED) return true;
    if (viewer?.role === Role.COORDINATOR) return true;
    return (
      viewer?.role === Role.OFFICER &&
      EDITING_ROLES.has(roleOf(viewer, project, participants) as ProjectParticipantRole)
    );
  },

  /** Officers for their own municipality; coordinators for any. */
  canCreate(viewer: User | null, leadMunicipalityId: string): boolean {
    if (viewer?.role === Role.COORDINATOR) return true;
    return viewer?.role === Role.OFFICER && viewer.municipalityId === leadMunicipalityId;
  },

  canEdit(viewer: User | null, project: Project, participants: ProjectParticipant[]): boolean {
    if (viewer?.role === Role.COORDINATOR) return true;
    return (
      viewer?.role === Role.OFFICER &&
      EDITING_ROLES.has(roleOf(viewer, project, participants) as ProjectParticipantRole)
    );
  },

  canPublish(viewer: User | null, project: Project, participants: ProjectParticipant[]): boolean {
    return projectPolicy.canEdit(viewer, project, participants);
  },

  canPostStatusUpdate(viewer: User | null, project: Project, participants: ProjectParticipant[]): boolean {
    return projectPolicy.canEdit(viewer, project, participants);
  },

  /** Officers of municipalities not leading or partnering in a published project (coordinators on behalf of one). */
  canAdopt(viewer: User | null, project: Project, participants: ProjectParticipant[]): boolean {
    if (project.status !== ProjectStatus.PUBLISHED) return false;
    if (viewer?.role === Role.COORDINATOR) return true;
    if (viewer?.role !== Role.OFFICER || !viewer.municipalityId) return false;
    const role = roleOf(viewer, project, participants);
    return role === null || role === ProjectParticipantRole.INTERESTED;
  },

  /** Marking interest is open to the same people as adopting. */
  canMarkInterest(viewer: User | null, project: Project, participants: ProjectParticipant[]): boolean {
    return viewer?.role === Role.OFFICER && projectPolicy.canAdopt(viewer, project, participants);
  },

  canSetNetworkProject(viewer: User | null): boolean {
    return viewer?.role === Role.COORDINATOR;
  },

  /** Contact people: network members only (DSGVO: not the ministry, not the public). */
  canReadContacts(viewer: User | null): boolean {
    return viewer?.role === Role.COORDINATOR || viewer?.role === Role.OFFICER;
  },
};

/**
 * `projectPolicy.canRead` in SQL for a signed-in viewer: true when the viewer may read the
 * project whose id is `projectId` (an SQL expression). Discussions use it for project threads.
 */
export function projectReadableSql(projectId: string, viewer: ViewerSql): string {
  return `EXISTS (SELECT 1 FROM project rp WHERE rp.id = ${projectId} AND (
    rp.status = '${ProjectStatus.PUBLISHED}' OR ${viewer.role} = '${Role.COORDINATOR}'
    OR (${viewer.role} = '${Role.OFFICER}' AND (rp.lead_municipality_id = ${viewer.municipalityId}
      OR EXISTS (SELECT 1 FROM project_participant rpp WHERE rpp.project_id = rp.id
        AND rpp.municipality_id = ${viewer.municipalityId}
        AND rpp.role IN ('${ProjectParticipantRole.LEAD}', '${ProjectParticipantRole.PARTNER}'))))))`;
}
