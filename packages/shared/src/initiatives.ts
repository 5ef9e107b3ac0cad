/** Where a network initiative (Netzwerkinitiative) stands, from the proposal to the running network project. */
export enum InitiativeStatus {
  PROPOSED = 'PROPOSED',
  IN_ROUND = 'IN_ROUND',
  SELECTED = 'SELECTED',
  DEFERRED = 'DEFERRED',
  REJECTED = 'REJECTED',
  CALL_OPEN = 'CALL_OPEN',
  IN_REALISATION = 'IN_REALISATION',
  COMPLETED = 'COMPLETED',
}

/** What the steering committee decides about an initiative. */
export enum InitiativeDecision {
  SELECTED = 'SELECTED',
  DEFERRED = 'DEFERRED',
  REJECTED = 'REJECTED',
}

/** How a prioritisation round weighs its proposals. */
export enum PrioritisationMethod {
  /** Each member municipality distributes a number of points over the proposals. */
  DOT_VOTING = 'DOT_VOTING',
  /** Each member municipality rates each proposal on the published criteria, 1–5 each. */
  RATING = 'RATING',
}

export enum PrioritisationRoundStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

/** The published criteria of a RATING round. */
export const RATING_CRITERIA = ['benefit', 'feasibility', 'transferability', 'urgency'] as const;
export type RatingCriterion = (typeof RATING_CRITERIA)[number];

export enum PilotApplicationStatus {
  APPLIED = 'APPLIED',
  CONFIRMED = 'CONFIRMED',
  WITHDRAWN = 'WITHDRAWN',
}

/** Which status moves are allowed, and by which step (the service enforces these). */
export const INITIATIVE_DECIDABLE: readonly InitiativeStatus[] = [
  InitiativeStatus.PROPOSED,
  InitiativeStatus.IN_ROUND,
  InitiativeStatus.DEFERRED,
];

/** Statuses whose initiatives may be put into a new prioritisation round. */
export const INITIATIVE_ROUND_ELIGIBLE: readonly InitiativeStatus[] = [
  InitiativeStatus.PROPOSED,
  InitiativeStatus.DEFERRED,
];

export const initiativeLimits = {
  title: { minLength: 3, maxLength: 200 },
  /** Problem, goal and expected benefit (plain text or Markdown). */
  text: { maxLength: 5_000 },
  reason: { maxLength: 2_000 },
  fundingProgramme: { maxLength: 200 },
  fundingProgrammes: { max: 10 },
  relatedProjects: { max: 20 },
  /** 100 million euro in cents, as for project costs. */
  maxCostCents: 10_000_000_000,
  roundTitle: { minLength: 3, maxLength: 200 },
  roundInitiatives: { min: 2, max: 30 },
  points: { min: 1, max: 100, default: 10 },
  quorumPercent: { min: 0, max: 100, default: 50 },
  rating: { min: 1, max: 5 },
  pilotStatement: { minLength: 10, maxLength: 2_000 },
  /** Days before a round's deadline when member municipalities are reminded. */
  reminderDays: 3,
} as const;
