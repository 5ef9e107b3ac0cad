import { Role, WorkingGroupMembershipStatus, WorkingGroupRole } from '@hub/shared';
import type { Actor, SqlFilter, ViewerSql } from '../../policy/policy';
import { definePolicy, everything, nothing } from '../../policy/policy';
import type { User } from '../users';
import { isCoordinator, isOfficer } from '../users';
import type { WorkingGroup, WorkingGroupMembership } from './working-group.entity';

/** A group with its current (REQUESTED and ACTIVE) memberships: what every rule below looks at. */
export interface WorkingGroupState {
  group: WorkingGroup;
  current: WorkingGroupMembership[];
}

const isActive = (m: WorkingGroupMembership) => m.status === WorkingGroupMembershipStatus.ACTIVE;
export const isActiveLead = (m: WorkingGroupMembership) => isActive(m) && m.role === WorkingGroupRole.LEAD;

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

const isManager = (actor: Actor, state: WorkingGroupState) => isCoordinator(actor) || isLeadOf(actor, state);
const isOpen = ({ group }: WorkingGroupState) => !group.archivedAt;

/**
 * Who may see and change working groups. Every signed-in person (the ministry included) reads
 * groups and their members; the public nothing. Coordinators set groups up and archive them;
 * coordinators and the group's leads manage members; officers ask to join. Archived groups
 * accept no changes.
 */
export const workingGroupPolicy = definePolicy<{
  read: undefined;
  create: undefined;
  /** Coordinators and leads: sees open requests and the membership history, even once archived. */
  manage: WorkingGroupState;
  edit: WorkingGroupState;
  manageMembers: WorkingGroupState;
  archive: WorkingGroupState;
  requestToJoin: WorkingGroupState;
  leave: WorkingGroupState;
  /** The group's internal matters (its discussions). */
  readInternal: WorkingGroupState;
  readMembership: { membership: WorkingGroupMembership; state: WorkingGroupState };
}>({
  /** `workingGroupReadFilter` is the same rule in SQL. */
  read: (actor) => actor !== null,
  create: (actor) => isCoordinator(actor),
  manage: isManager,
  edit: (actor, state) => isOpen(state) && isManager(actor, state),
  manageMembers: (actor, state) => isOpen(state) && isManager(actor, state),
  archive: (actor, state) => isOpen(state) && isCoordinator(actor),
  /** Officers who are neither members nor waiting for an answer. */
  requestToJoin: (actor, state) =>
    isOpen(state) && isOfficer(actor) && viewerMembershipOf(actor, state) === null,
  /** Members and people with an open request (who withdraw it), except the last lead. */
  leave: (actor, state) => {
    const own = viewerMembershipOf(actor, state);
    return isOpen(state) && own !== null && !isLastLead(own, state);
  },
  /** The group's internal matters (its discussions): active members and the coordinators. */
  readInternal: (actor, state) => {
    if (!actor) return false;
    if (isCoordinator(actor)) return true;
    const own = viewerMembershipOf(actor, state);
    return own !== null && isActive(own);
  },
  /** Active memberships are visible to every reader; requests and ended ones to the person and managers. */
  readMembership: (actor, { membership, state }) => {
    if (!actor) return false;
    if (isActive(membership)) return true;
    return membership.userId === actor.id || isManager(actor, state);
  },
});

/** `workingGroupPolicy.can(actor, 'read')` in SQL: every group for signed-in people, none for the public. */
export function workingGroupReadFilter(actor: Actor): SqlFilter {
  return workingGroupPolicy.can(actor, 'read') ? everything : nothing;
}

/** `workingGroupPolicy.can(actor, 'readInternal', …)` in SQL for a viewer (SQL expressions) and the group `groupId` (SQL). */
export function workingGroupInternalReadableSql(groupId: string, viewer: ViewerSql): string {
  return `(${viewer.role} = '${Role.COORDINATOR}' OR EXISTS (SELECT 1 FROM working_group_membership rwm
    WHERE rwm.working_group_id = ${groupId} AND rwm.user_id = ${viewer.id}
      AND rwm.status = '${WorkingGroupMembershipStatus.ACTIVE}'))`;
}
