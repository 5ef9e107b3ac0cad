import type { PlainMessageKey } from '../../i18n';

/** The catalogue keys of the initiatives' enums (one place for the pattern of each). */
export const statusLabel = (status: string) => `initiatives.status.${status}` as PlainMessageKey;
export const methodLabel = (method: string) => `initiatives.method.${method}` as PlainMessageKey;
export const criterionLabel = (criterion: string) => `initiatives.criterion.${criterion}` as PlainMessageKey;
export const roundStatusLabel = (status: string) => `initiatives.roundStatus.${status}` as PlainMessageKey;
export const applicationStatusLabel = (status: string) =>
  `initiatives.call.applicationStatus.${status}` as PlainMessageKey;

/** Badge colours by status: decided-against and paused look different from moving forward. */
export function statusBadgeClass(status: string): string {
  if (status === 'REJECTED') return 'kern-badge kern-badge--danger';
  if (status === 'DEFERRED') return 'kern-badge kern-badge--warning';
  if (status === 'PROPOSED' || status === 'IN_ROUND') return 'kern-badge kern-badge--info';
  return 'kern-badge kern-badge--success';
}
