import { Role, WorkingGroupMembershipStatus, WorkingGroupRole } from '@hub/shared';
import type { ViewerSql } from '../auth/viewer';
import { isCoordinator, isOfficer } from '../auth/viewer';
import type { User } from '../users/user.entity';
import type { WorkingGroup, WorkingGroupMembership } from './working-group.entity';

/** A group with its current (REQUESTED and ACTIVE) memberships: what every rule below looks at. */
export interface WorkingGroupState {
  group: WorkingGroup;
  current: WorkingGroupMembership[];
}

const isActive = (m: WorkingGroupMembership) => m.status === WorkingGroupMembershipStatus.ACTIVE;
const isActiveLead = (m: WorkingGroupMembership) => isActive(m) && m.role === WorkingGroupRole.LEAD;

/** The viewer's current membership of the group, if any. */
export function viewerMembershipOf(
  viewer: User | null,
  { current }: WorkingGroupState,
): WorkingGroupMembership | null {
  return (viewer && current.find((m) => m.userId === viewer.id)) || null;
}

/** Whether the viewer is one of the group's active leads. */
export function isLeadOf(viewer: User | null, state: WorkingGroupState): boolean {
  const own = viewerMembershipOf(viewer, state);
  return own !== null && isActiveLead(own);
}

/** Whether the membership is the group's only active lead (who may not leave, be removed or demoted). */
export function isLastLead(membership: WorkingGroupMembership, { current }: WorkingGroupState): boolean {
  return isActiveLead(membership) && current.filter(isActiveLead).length === 1;
}

/**
 * Who may see and change working groups. Every signed-in person (the ministry included) reads
 * groups and their members; the public nothing. Coordinators set groups up and archive them;
 * coordinators and the group's leads manage members; officers ask to join. Archived groups
 * accept no changes.
 */
export const workingGroupPolicy = {
  canRead(viewer: User | null): viewer is User {
    return viewer !== null;
  },

  canCreate(viewer: User | null): viewer is User {
    return isCoordinator(viewer);
  },

  /** Coordinators and leads: sees open requests and the membership history, even once archived. */
  isManager(viewer: User | null, state: WorkingGroupState): viewer is User {
    return isCoordinator(viewer) || isLeadOf(viewer, state);
  },

  canEdit(viewer: User | null, state: WorkingGroupState): viewer is User {
    return !state.group.archivedAt && workingGroupPolicy.isManager(viewer, state);
  },

  canManageMembers(viewer: User | null, state: WorkingGroupState): viewer is User {
    return !state.group.archivedAt && workingGroupPolicy.isManager(viewer, state);
  },

  canArchive(viewer: User | null, state: WorkingGroupState): viewer is User {
    return !state.group.archivedAt && isCoordinator(viewer);
  },

  /** Officers who are neither members nor waiting for an answer. */
  canRequestToJoin(viewer: User | null, state: WorkingGroupState): viewer is User {
    return !state.group.archivedAt && isOfficer(viewer) && viewerMembershipOf(viewer, state) === null;
  },

  /** Members and people with an open request (who withdraw it), except the last lead. */
  canLeave(viewer: User | null, state: WorkingGroupState): viewer is User {
    const own = viewerMembershipOf(viewer, state);
    return !state.group.archivedAt && own !== null && !isLastLead(own, state);
  },

  /** The group's internal matters (its discussions): active members and the coordinators. */
  canReadInternal(viewer: User | null, state: WorkingGroupState): viewer is User {
    if (!viewer) return false;
    if (isCoordinator(viewer)) return true;
    const own = viewerMembershipOf(viewer, state);
    return own !== null && isActive(own);
  },

  /** Active memberships are visible to every reader; requests and ended ones to the person and managers. */
  canReadMembership(
    viewer: User | null,
    membership: WorkingGroupMembership,
    state: WorkingGroupState,
  ): viewer is User {
    if (!viewer) return false;
    if (isActive(membership)) return true;
    return membership.userId === viewer.id || workingGroupPolicy.isManager(viewer, state);
  },
};

/** `workingGroupPolicy.canReadInternal` in SQL for a signed-in viewer and the group `groupId` (SQL). */
export function workingGroupInternalReadableSql(groupId: string, viewer: ViewerSql): string {
  return `(${viewer.role} = '${Role.COORDINATOR}' OR EXISTS (SELECT 1 FROM working_group_membership rwm
    WHERE rwm.working_group_id = ${groupId} AND rwm.user_id = ${viewer.id}
      AND rwm.status = '${WorkingGroupMembershipStatus.ACTIVE}'))`;
}
