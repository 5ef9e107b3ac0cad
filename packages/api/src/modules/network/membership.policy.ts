import { MembershipAnswerBy, MembershipStatus } from '@hub/shared';
import { isCoordinator, isOfficer } from '../auth/viewer';
import type { Municipality } from '../municipalities/municipality.entity';
import type { User } from '../users/user.entity';
import type { NetworkMembership } from './membership.entity';

const ALL_STATUSES = Object.values(MembershipStatus);

/** A membership that is running or waiting for an answer: a second one may not be started. */
export const OPEN_STATUSES = [
  MembershipStatus.INVITED,
  MembershipStatus.APPLIED,
  MembershipStatus.ACTIVE,
  MembershipStatus.SUSPENDED,
];

/**
 * Who may see and change network memberships. The public sees who is an active member; signed-in
 * people see every status and the history; coordinators run the workflow, and a municipality's
 * own officers apply and answer invitations.
 */
export const membershipPolicy = {
  /** Membership statuses the viewer may see (others look like "no membership"). */
  visibleStatuses(viewer: User | null): MembershipStatus[] {
    return viewer ? ALL_STATUSES : [MembershipStatus.ACTIVE];
  },

  canRead(viewer: User | null, membership: NetworkMembership): boolean {
    return this.visibleStatuses(viewer).includes(membership.status);
  },

  /** The history names the people who acted: signed-in viewers only. */
  canReadHistory(viewer: User | null): boolean {
    return viewer !== null;
  },

  /** The list of memberships with its open invitations and applications. */
  canList(viewer: User | null): boolean {
    return viewer !== null;
  },

  canInvite(viewer: User | null, current: NetworkMembership | null): boolean {
    return isCoordinator(viewer) && !isOpen(current);
  },

  canApply(viewer: User | null, municipality: Municipality, current: NetworkMembership | null): boolean {
    return isOfficer(viewer) && viewer.municipalityId === municipality.id && !isOpen(current);
  },

  /** Who must answer the membership now (null when nothing is open). */
  answerBy(membership: NetworkMembership): MembershipAnswerBy | null {
    if (membership.status === MembershipStatus.INVITED) return MembershipAnswerBy.MUNICIPALITY;
    if (membership.status === MembershipStatus.APPLIED) return MembershipAnswerBy.COORDINATORS;
    return null;
  },

  /**
   * The side that was asked accepts: an invitation the municipality's own officers, an
   * application the coordinators. The side that asked cannot accept its own request.
   */
  canAccept(viewer: User | null, membership: NetworkMembership): boolean {
    const answerBy = this.answerBy(membership);
    if (answerBy === MembershipAnswerBy.MUNICIPALITY) return isOwnOfficer(viewer, membership);
    if (answerBy === MembershipAnswerBy.COORDINATORS) return isCoordinator(viewer);
    return false;
  },

  /** The side that was asked declines; coordinators may also withdraw their own invitation. */
  canDecline(viewer: User | null, membership: NetworkMembership): boolean {
    if (membership.status === MembershipStatus.INVITED && isCoordinator(viewer)) return true;
    return this.canAccept(viewer, membership);
  },

  canSuspend(viewer: User | null, membership: NetworkMembership): boolean {
    return isCoordinator(viewer) && membership.status === MembershipStatus.ACTIVE;
  },

  canReactivate(viewer: User | null, membership: NetworkMembership): boolean {
    return isCoordinator(viewer) && membership.status === MembershipStatus.SUSPENDED;
  },

  canEnd(viewer: User | null, membership: NetworkMembership): boolean {
    return (
      isCoordinator(viewer) &&
      (membership.status === MembershipStatus.ACTIVE || membership.status === MembershipStatus.SUSPENDED)
    );
  },

  /** The members-and-officers CSV holds contact data: coordinators only. */
  canExport(viewer: User | null): boolean {
    return isCoordinator(viewer);
  },
};

function isOpen(membership: NetworkMembership | null): boolean {
  return membership !== null && OPEN_STATUSES.includes(membership.status);
}

function isOwnOfficer(viewer: User | null, membership: NetworkMembership): boolean {
  return isOfficer(viewer) && viewer.municipalityId === membership.municipalityId;
}
