/** Topic areas of the network's projects ("Markt der Projekte"). */
export enum ProjectCategory {
  ADMINISTRATION = 'ADMINISTRATION',
  CITIZEN_SERVICES = 'CITIZEN_SERVICES',
  PUBLIC_SAFETY = 'PUBLIC_SAFETY',
  MOBILITY = 'MOBILITY',
  EDUCATION_CHILDCARE = 'EDUCATION_CHILDCARE',
  INFRASTRUCTURE_NETWORKS = 'INFRASTRUCTURE_NETWORKS',
  TOURISM_CULTURE = 'TOURISM_CULTURE',
  HEALTH_SOCIAL = 'HEALTH_SOCIAL',
  ENVIRONMENT_ENERGY = 'ENVIRONMENT_ENERGY',
  ECONOMY = 'ECONOMY',
}

/** German labels of the categories, as the network names them. */
export const projectCategoryLabelsDe: Record<ProjectCategory, string> = {
  [ProjectCategory.ADMINISTRATION]: 'Verwaltung',
  [ProjectCategory.CITIZEN_SERVICES]: 'Bürgerservice',
  [ProjectCategory.PUBLIC_SAFETY]: 'Öffentliche Sicherheit',
  [ProjectCategory.MOBILITY]: 'Mobilität',
  [ProjectCategory.EDUCATION_CHILDCARE]: 'Bildung & Kita',
  [ProjectCategory.INFRASTRUCTURE_NETWORKS]: 'Infrastruktur & Netze',
  [ProjectCategory.TOURISM_CULTURE]: 'Tourismus & Kultur',
  [ProjectCategory.HEALTH_SOCIAL]: 'Gesundheit & Soziales',
  [ProjectCategory.ENVIRONMENT_ENERGY]: 'Umwelt & Energie',
  [ProjectCategory.ECONOMY]: 'Wirtschaft',
};

/** Maturity of a project: IDEA → CONCEPT → PILOT → ROLLOUT → OPERATIONAL → TRANSFERRED, or DISCONTINUED. */
export enum ProjectPhase {
  IDEA = 'IDEA',
  CONCEPT = 'CONCEPT',
  PILOT = 'PILOT',
  ROLLOUT = 'ROLLOUT',
  OPERATIONAL = 'OPERATIONAL',
  TRANSFERRED = 'TRANSFERRED',
  DISCONTINUED = 'DISCONTINUED',
}

/** Phases in which a project has something another municipality can reuse. */
export const reusableProjectPhases: readonly ProjectPhase[] = [
  ProjectPhase.PILOT,
  ProjectPhase.ROLLOUT,
  ProjectPhase.OPERATIONAL,
  ProjectPhase.TRANSFERRED,
];

export enum ProjectParticipantRole {
  LEAD = 'LEAD',
  PARTNER = 'PARTNER',
  ADOPTER = 'ADOPTER',
  INTERESTED = 'INTERESTED',
}

export enum ProjectStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
}

export enum CostRecurrence {
  ONE_OFF = 'ONE_OFF',
  YEARLY = 'YEARLY',
}

export enum CostType {
  LICENCE = 'LICENCE',
  HARDWARE = 'HARDWARE',
  SERVICES = 'SERVICES',
  STAFF = 'STAFF',
  OTHER = 'OTHER',
}

export enum ProjectSort {
  NEWEST = 'NEWEST',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
  MOST_ADOPTED = 'MOST_ADOPTED',
  /** With a search text: more and rarer matching words first (the default then). */
  RELEVANCE = 'RELEVANCE',
}

/** The only currency amounts may be given in. */
export const PROJECT_CURRENCY = 'EUR';

/** Limits of project fields, used by API validation and by the forms alike. */
export const projectLimits = {
  title: { minLength: 3, maxLength: 200 },
  summary: { maxLength: 1000 },
  description: { maxLength: 50_000 },
  notes: { maxLength: 20_000 },
  shortText: { maxLength: 200 },
  url: { maxLength: 500 },
  /** 100 million euro per line item: anything above is a typo. */
  maxAmountCents: 10_000_000_000,
  maxLineItems: 50,
  maxMilestones: 50,
  maxContacts: 20,
  maxPartners: 50,
  statusText: { maxLength: 5_000 },
  publiccodeYml: { maxLength: 100_000 },
  similar: { default: 5, max: 20 },
} as const;
