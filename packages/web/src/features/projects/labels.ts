import type { PlainMessageKey } from '../../i18n';

export const CATEGORIES = [
  'ADMINISTRATION',
  'CITIZEN_SERVICES',
  'PUBLIC_SAFETY',
  'MOBILITY',
  'EDUCATION_CHILDCARE',
  'INFRASTRUCTURE_NETWORKS',
  'TOURISM_CULTURE',
  'HEALTH_SOCIAL',
  'ENVIRONMENT_ENERGY',
  'ECONOMY',
] as const;

export const PHASES = [
  'IDEA',
  'CONCEPT',
  'PILOT',
  'ROLLOUT',
  'OPERATIONAL',
  'TRANSFERRED',
  'DISCONTINUED',
] as const;
export const COST_TYPES = ['LICENCE', 'HARDWARE', 'SERVICES', 'STAFF', 'OTHER'] as const;
export const RECURRENCES = ['ONE_OFF', 'YEARLY'] as const;

/** Narrows a string (e.g. from a link's query) to a category. */
export const isCategory = (value: string): value is (typeof CATEGORIES)[number] =>
  (CATEGORIES as readonly string[]).includes(value);

/** Narrows a string (e.g. from a link's query) to a phase. */
export const isPhase = (value: string): value is (typeof PHASES)[number] =>
  (PHASES as readonly string[]).includes(value);

export const categoryLabel = (value: string) => `projects.category.${value}` as PlainMessageKey;
export const phaseLabel = (value: string) => `projects.phase.${value}` as PlainMessageKey;
export const roleLabel = (value: string) => `projects.role.${value}` as PlainMessageKey;
export const costTypeLabel = (value: string) => `projects.costType.${value}` as PlainMessageKey;
export const recurrenceLabel = (value: string) => `projects.recurrence.${value}` as PlainMessageKey;
