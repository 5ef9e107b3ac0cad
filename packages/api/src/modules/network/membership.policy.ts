import { MembershipAnswerBy, MembershipStatus } from '@hub/shared';
import type { Actor, SqlFilter } from '../../policy/policy';
import { definePolicy } from '../../policy/policy';
import { isCoordinator, isOfficer } from '../users';
import type { NetworkMembership } from './membership.entity';

const ALL_STATUSES = Object.values(MembershipStatus);

/** A membership that is running or waiting for an answer: a second one may not be started. */
export const OPEN_STATUSES = [
  MembershipStatus.INVITED,
  MembershipStatus.APPLIED,
  MembershipStatus.ACTIVE,
  MembershipStatus.SUSPENDED,
];

/** Membership statuses the actor may see (others look like "no membership"). */
export function visibleStatuses(actor: Actor): MembershipStatus[] {
  return actor ? ALL_STATUSES : [MembershipStatus.ACTIVE];
}

/** Who must answer the membership now (null when nothing is open). */
export function answerBy(membership: NetworkMembership): MembershipAnswerBy | null {
  if (membership.status === MembershipStatus.INVITED) return MembershipAnswerBy.MUNICIPALITY;
  if (membership.status === MembershipStatus.APPLIED) return MembershipAnswerBy.COORDINATORS;
  return null;
}

const isOpen = (membership: NetworkMembership | null) =>
  membership !== null && OPEN_STATUSES.includes(membership.status);

/** An officer of the municipality itself ("officers belong to a municipality": users module). */
const isOwnOfficer = (actor: Actor, municipalityId: string) =>
  isOfficer(actor) && actor.municipalityId === municipalityId;

/**
 * The side that was asked accepts: an invitation the municipality's own officers, an
 * application the coordinators. The side that asked cannot accept its own request.
 */
const accept = (actor: Actor, { membership }: { membership: NetworkMembership }) => {
  const side = answerBy(membership);
  if (side === MembershipAnswerBy.MUNICIPALITY) return isOwnOfficer(actor, membership.municipalityId);
  if (side === MembershipAnswerBy.COORDINATORS) return isCoordinator(actor);
  return false;
};

type MembershipSubject = { membership: NetworkMembership };

/**
 * Who may see and change network memberships. The public sees who is an active member; signed-in
 * people see every status and the history; coordinators run the workflow, and a municipality's
 * own officers apply and answer invitations.
 */
export const membershipPolicy = definePolicy<{
  read: MembershipSubject;
  /** The history names the people who acted: signed-in viewers only. */
  readHistory: undefined;
  /** The list of memberships with its open invitations and applications. */
  list: undefined;
  /** `current`: the municipality's latest membership, if any. */
  invite: { current: NetworkMembership | null };
  apply: { municipalityId: string; current: NetworkMembership | null };
  accept: MembershipSubject;
  decline: MembershipSubject;
  suspend: MembershipSubject;
  reactivate: MembershipSubject;
  end: MembershipSubject;
  /** The members-and-officers CSV holds contact data: coordinators only. */
  export: undefined;
  /** The administration of memberships (invitations, applications, the workflow): coordinators. */
  administer: undefined;
  /** Who answers for a municipality's membership at all: coordinators and its own officers. */
  answerFor: { municipalityId: string };
}>({
  /** `membershipReadFilter` is the same rule in SQL. */
  read: (actor, { membership }) => visibleStatuses(actor).includes(membership.status),
  readHistory: (actor) => actor !== null,
  list: (actor) => actor !== null,
  invite: (actor, { current }) => isCoordinator(actor) && !isOpen(current),
  apply: (actor, { municipalityId, current }) => isOwnOfficer(actor, municipalityId) && !isOpen(current),
  accept,
  /** The side that was asked declines; coordinators may also withdraw their own invitation. */
  decline: (actor, subject) =>
    (subject.membership.status === MembershipStatus.INVITED && isCoordinator(actor)) ||
    accept(actor, subject),
  suspend: (actor, { membership }) => isCoordinator(actor) && membership.status === MembershipStatus.ACTIVE,
  reactivate: (actor, { membership }) =>
    isCoordinator(actor) && membership.status === MembershipStatus.SUSPENDED,
  end: (actor, { membership }) =>
    isCoordinator(actor) &&
    (membership.status === MembershipStatus.ACTIVE || membership.status === MembershipStatus.SUSPENDED),
  export: (actor) => isCoordinator(actor),
  administer: (actor) => isCoordinator(actor),
  answerFor: (actor, { municipalityId }) => isCoordinator(actor) || isOwnOfficer(actor, municipalityId),
});

/** `membershipPolicy.can(actor, 'read', …)` in SQL, on the membership table aliased `ms`. */
export function membershipReadFilter(actor: Actor): SqlFilter {
  return { sql: 'ms.status IN (:...visibleStatuses)', params: { visibleStatuses: visibleStatuses(actor) } };
}
