/** A person's role in a working group (Arbeitsgruppe). */
export enum WorkingGroupRole {
  /** Accepts requests, appoints further leads, removes members. A group has one or more. */
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
}

/** Where a person's membership in a working group stands; ended memberships are kept as history. */
export enum WorkingGroupMembershipStatus {
  /** The person asked to join; a lead has not decided yet. */
  REQUESTED = 'REQUESTED',
  ACTIVE = 'ACTIVE',
  /** The person left (or withdrew the request). */
  LEFT = 'LEFT',
  /** A lead turned the request down. */
  DECLINED = 'DECLINED',
  /** A lead or coordinator removed the member. */
  REMOVED = 'REMOVED',
}

/** Statuses of a membership that is still current: at most one per person and group. */
export const currentWorkingGroupStatuses = [
  WorkingGroupMembershipStatus.REQUESTED,
  WorkingGroupMembershipStatus.ACTIVE,
] as const;

/** Limits of a working group's fields, used by API validation and by the forms alike. */
export const workingGroupLimits = {
  name: { minLength: 3, maxLength: 120 },
  topic: { minLength: 2, maxLength: 120 },
  description: { maxLength: 5000 },
  goals: { maxLength: 5000 },
  /** Optional note with a request to join. */
  requestNote: { maxLength: 1000 },
  /** Leads named when a coordinator creates a group. */
  initialLeads: { max: 5 },
} as const;
