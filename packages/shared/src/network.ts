/** Who must answer an open invitation or application. */
export enum MembershipAnswerBy {
  /** An invitation: the municipality (its officers) accepts or declines it. */
  MUNICIPALITY = 'MUNICIPALITY',
  /** An application: the network's coordinators decide. */
  COORDINATORS = 'COORDINATORS',
}

/** Where a municipality stands in the network "Digitale Städte Rheinland-Pfalz". */
export enum MembershipStatus {
  /** The coordinator invited it; no answer yet. */
  INVITED = 'INVITED',
  /** It asked to join; the coordinator has not decided yet. */
  APPLIED = 'APPLIED',
  ACTIVE = 'ACTIVE',
  /** Temporarily not taking part; keeps its history. */
  SUSPENDED = 'SUSPENDED',
  LEFT = 'LEFT',
  /** An invitation or application that was turned down. */
  DECLINED = 'DECLINED',
}
