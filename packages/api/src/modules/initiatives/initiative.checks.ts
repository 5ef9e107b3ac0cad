import { initiativeLimits } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { isActiveMember } from '../network';
import type { User } from '../users';

/* Input checks the initiatives' services share: each problem becomes a userError naming its field. */

/** Trimmed text within its limit; empty is refused when `required`. */
export function checkedText(
  value: string | null | undefined,
  field: string,
  { required = false, min = 0, max }: { required?: boolean; min?: number; max: number },
): string {
  const text = (value ?? '').trim();
  if (required && !text) fail('REQUIRED', `${field} must not be empty.`, field);
  if (text && text.length < min) fail('VALIDATION', `${field} needs at least ${min} characters.`, field);
  if (text.length > max) fail('TOO_LONG', `${field} is longer than ${max} characters.`, field);
  return text;
}

export function checkedCost(value: number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isSafeInteger(value) || value < 0 || value > initiativeLimits.maxCostCents)
    fail(
      'VALIDATION',
      'The cost estimate is a number of euro cents (0 to 100 million euro).',
      'costEstimateCents',
    );
  return value;
}

export function checkedProgrammes(values: string[] | null | undefined): string[] {
  const list = (values ?? []).map((v) => v.trim()).filter(Boolean);
  if (list.length > initiativeLimits.fundingProgrammes.max)
    fail(
      'TOO_MANY',
      `At most ${initiativeLimits.fundingProgrammes.max} funding programmes.`,
      'fundingProgrammes',
    );
  list.forEach((programme, i) => {
    if (programme.length > initiativeLimits.fundingProgramme.maxLength)
      fail('TOO_LONG', 'A funding programme is named in at most 200 characters.', `fundingProgrammes.${i}`);
  });
  return [...new Set(list)];
}

/** A global ID of the given type, or a NOT_FOUND userError on `field`. */
export function idOrFail(globalId: string | null | undefined, type: string, field: string): string {
  return maybeIdOf(globalId, type) ?? fail('NOT_FOUND', `There is no such ${type}.`, field);
}

/** A calendar date YYYY-MM-DD between 2000 and 2100, or null. */
export function checkedDate(value: string | null | undefined, field: string): string | null {
  if (!value) return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(date.getTime()) ||
    date.toISOString().slice(0, 10) !== value
  )
    fail('INVALID_DATE', `${field} is not a date (YYYY-MM-DD).`, field);
  const year = date.getUTCFullYear();
  if (year < 2000 || year > 2100) fail('INVALID_DATE', `${field} must lie between 2000 and 2100.`, field);
  return value;
}

/**
 * The municipality an officer acts for: their own. Naming another one is NOT_OWN_MUNICIPALITY, and
 * a municipality that is not an active member of the network is NOT_NETWORK_MEMBER.
 */
export async function actingMunicipality(
  manager: EntityManager,
  viewer: User,
  requested: string | null | undefined,
  field = 'municipalityId',
): Promise<string> {
  const own = viewer.municipalityId;
  if (!own) fail('MUNICIPALITY_REQUIRED', 'Only officers act for a municipality.', field);
  if (requested && maybeIdOf(requested, 'Municipality') !== own)
    fail('NOT_OWN_MUNICIPALITY', 'You can only act for your own municipality.', field);
  if (!(await isActiveMember(manager, own)))
    fail('NOT_NETWORK_MEMBER', 'Your municipality is not an active member of the network.', field);
  return own;
}

/** Whether the viewer's municipality is an active member (false for people without one). */
export async function viewerIsMember(manager: EntityManager, viewer: User | null): Promise<boolean> {
  return viewer?.municipalityId ? isActiveMember(manager, viewer.municipalityId) : false;
}
