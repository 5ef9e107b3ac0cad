import type { TestClient } from './app';

/* The initiatives' GraphQL operations as the tests send them (the screens use the same fields). */

const ERRORS = 'userErrors { code field message }';

export const PROPOSE = `mutation Propose($input: ProposeInitiativeInput!) {
  proposeInitiative(input: $input) { initiative { id status title } similarProjects { score project { id title } } ${ERRORS} }
}`;
export const UPDATE = `mutation Update($input: UpdateInitiativeInput!) {
  updateInitiative(input: $input) { initiative { id title } ${ERRORS} }
}`;
export const SUPPORT = `mutation Support($input: InitiativeIdInput!) {
  supportInitiative(input: $input) { initiative { id supportCount viewerSupports } ${ERRORS} }
}`;
export const WITHDRAW_SUPPORT = `mutation Withdraw($input: InitiativeIdInput!) {
  withdrawInitiativeSupport(input: $input) { initiative { id supportCount viewerSupports } ${ERRORS} }
}`;
export const OPEN_ROUND = `mutation Open($input: OpenPrioritisationRoundInput!) {
  openPrioritisationRound(input: $input) { round { id status method pointsPerMunicipality } ${ERRORS} }
}`;
export const CAST = `mutation Cast($input: CastRoundBallotInput!) {
  castRoundBallot(input: $input) { ballot { votes { initiativeId points benefit } } ${ERRORS} }
}`;
export const CLOSE_ROUND = `mutation Close($input: RoundIdInput!) {
  closePrioritisationRound(input: $input) { round { id status } ${ERRORS} }
}`;
export const DECIDE = `mutation Decide($input: DecideInitiativesInput!) {
  decideInitiatives(input: $input) { initiatives { id status decision decisionReason } ${ERRORS} }
}`;
export const OPEN_CALL = `mutation Call($input: OpenPilotCallInput!) {
  openPilotCall(input: $input) { initiative { id status callText } ${ERRORS} }
}`;
export const APPLY = `mutation Apply($input: ApplyAsPilotInput!) {
  applyAsPilot(input: $input) { application { id status statement canStartOn } ${ERRORS} }
}`;
export const CONFIRM = `mutation Confirm($input: PilotApplicationIdInput!) {
  confirmPilot(input: $input) { application { id status } ${ERRORS} }
}`;
export const START = `mutation Start($input: StartInitiativeRealisationInput!) {
  startInitiativeRealisation(input: $input) { initiative { id status project { id isNetworkProject } } ${ERRORS} }
}`;
export const COMPLETE = `mutation Complete($input: CompleteInitiativeInput!) {
  completeInitiative(input: $input) { initiative { id status } ${ERRORS} }
}`;

export const ROUND = `query Round($id: ID!) {
  prioritisationRound(id: $id) {
    id title status method deadline quorumPercent closedAutomatically
    participation { eligible ballots sharePercent quorumReached }
    viewerBallot { votes { initiativeId points } }
    viewerCan { vote close }
    result {
      csvPath
      participation { eligible ballots quorumReached }
      entries { rank title score voters initiative { id } distribution { value count } criteria { benefit feasibility transferability urgency } }
    }
  }
}`;

export const INITIATIVE = `query Initiative($id: ID!) {
  initiative(id: $id) {
    id title status decision decisionReason proposedByName supportCount viewerSupports
    supporters { id name }
    history { fromStatus toStatus reason actorName occurredAt }
    rounds { id status }
    decisionOutcome { id title initiatives { id } }
    decisionMeeting { id title }
    pilotApplications { id status statement appliedByName municipality { id name } }
    project { id title isNetworkProject participants { role municipality { id } } }
    viewerCan { update support decide openCall applyAsPilot confirmPilots startRealisation complete }
  }
}`;

/** Sends a mutation and returns its payload (the single field under `data`); fails on top-level errors. */
export async function mutate<T = any>(
  client: TestClient,
  query: string,
  input: Record<string, unknown>,
): Promise<T> {
  const result = await client.gql(query, { input });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return Object.values(result.data ?? {})[0] as T;
}
