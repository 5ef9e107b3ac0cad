import { INITIATIVE_DECIDABLE, InitiativeStatus, PrioritisationRoundStatus } from '@hub/shared';
import type { Actor, SqlFilter } from '../../policy/policy';
import { definePolicy, everything, nothing } from '../../policy/policy';
import { isCoordinator, isNetworkMember, isOfficer } from '../users';
import type { Initiative, PrioritisationRound } from './initiative.entity';

/** Whether the actor's municipality is an active member of the network (officers; false otherwise). */
export interface MembershipOfActor {
  actorIsMember: boolean;
}

export interface InitiativeState extends MembershipOfActor {
  initiative: Pick<Initiative, 'status' | 'proposedById'>;
}

export interface RoundState {
  round: Pick<PrioritisationRound, 'status' | 'deadline'>;
  /** The moment the rule is asked about (the deadline job moves it in tests). */
  now?: Date;
}

/** Statuses in which member municipalities may still declare their interest. */
const SUPPORTABLE: readonly InitiativeStatus[] = [
  InitiativeStatus.PROPOSED,
  InitiativeStatus.IN_ROUND,
  InitiativeStatus.DEFERRED,
  InitiativeStatus.SELECTED,
  InitiativeStatus.CALL_OPEN,
];

const memberOfficer = (actor: Actor, { actorIsMember }: MembershipOfActor) =>
  isOfficer(actor) && actor.municipalityId !== null && actorIsMember;

const roundOpen = ({ round, now = new Date() }: RoundState) =>
  round.status === PrioritisationRoundStatus.OPEN && round.deadline.getTime() > now.getTime();

/**
 * Who may do what with network initiatives. Every signed-in person reads initiatives, rounds and
 * closed rounds' results (the ministry too); the public reads none of it. Officers of member
 * municipalities propose, support, vote for their own municipality and apply as pilots;
 * coordinators propose, run the rounds, record decisions, confirm pilots and start the network
 * project. Ballots are secret until the round closes: only the officers of the municipality that
 * cast one read it, coordinators see participation (counts) only. Names of proposers and actors
 * are contact data: network members only (DSGVO).
 */
export const initiativePolicy = definePolicy<{
  read: undefined;
  readPersonalData: undefined;
  propose: MembershipOfActor;
  update: InitiativeState;
  support: InitiativeState;
  decide: InitiativeState;
  openCall: InitiativeState;
  applyAsPilot: InitiativeState;
  confirmPilot: InitiativeState;
  startRealisation: InitiativeState;
  complete: InitiativeState;
  manageRounds: undefined;
  vote: RoundState & MembershipOfActor;
  readParticipation: RoundState;
  readResult: RoundState;
  readBallotOf: { municipalityId: string };
}>({
  read: (actor) => actor !== null,
  readPersonalData: (actor) => isNetworkMember(actor),
  propose: (actor, state) => isCoordinator(actor) || memberOfficer(actor, state),
  /** The proposer (or a coordinator) edits the proposal until it enters a round. */
  update: (actor, { initiative }) =>
    initiative.status === InitiativeStatus.PROPOSED &&
    (isCoordinator(actor) || (actor !== null && actor.id === initiative.proposedById)),
  /** One "we are interested" per member municipality, declared by one of its officers. */
  support: (actor, state) => memberOfficer(actor, state) && SUPPORTABLE.includes(state.initiative.status),
  decide: (actor, { initiative }) => isCoordinator(actor) && INITIATIVE_DECIDABLE.includes(initiative.status),
  openCall: (actor, { initiative }) =>
    isCoordinator(actor) && initiative.status === InitiativeStatus.SELECTED,
  applyAsPilot: (actor, state) =>
    memberOfficer(actor, state) && state.initiative.status === InitiativeStatus.CALL_OPEN,
  confirmPilot: (actor, { initiative }) =>
    isCoordinator(actor) && initiative.status === InitiativeStatus.CALL_OPEN,
  startRealisation: (actor, { initiative }) =>
    isCoordinator(actor) && initiative.status === InitiativeStatus.CALL_OPEN,
  complete: (actor, { initiative }) =>
    isCoordinator(actor) && initiative.status === InitiativeStatus.IN_REALISATION,
  manageRounds: (actor) => isCoordinator(actor),
  /** An officer of a member municipality, for it, while the round is open and before its deadline. */
  vote: (actor, state) => memberOfficer(actor, state) && roundOpen(state),
  /** Coordinators follow participation live; everyone signed in sees it once the round is closed. */
  readParticipation: (actor, { round }) =>
    isCoordinator(actor) || (actor !== null && round.status === PrioritisationRoundStatus.CLOSED),
  readResult: (actor, { round }) => actor !== null && round.status === PrioritisationRoundStatus.CLOSED,
  /** A ballot is its municipality's own: nobody else reads it, not even coordinators. */
  readBallotOf: (actor, { municipalityId }) => isOfficer(actor) && actor.municipalityId === municipalityId,
});

/**
 * `initiativePolicy.can(actor, 'read')` in SQL, for initiatives and rounds alike: everything for
 * signed-in people, nothing for the public.
 */
export function initiativeReadFilter(actor: Actor): SqlFilter {
  return actor ? everything : nothing;
}

/** The same rule for many viewers at once (threads on initiatives): the initiative exists. */
export function initiativeReadableSql(initiativeId: string): string {
  return `EXISTS (SELECT 1 FROM initiative ri WHERE ri.id = ${initiativeId})`;
}
