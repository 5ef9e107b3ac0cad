import { workingGroupLimits } from '@hub/shared';
import { apiErrorMessage } from '../../errors/apiErrors';
import type { Translate } from '../../i18n';
import type { FormMessage } from '../../ui/formErrors';

interface UserError {
  field: string | null;
  message: string;
  code: string;
}

/** The working-group userError codes the UI explains in its own words. */
const knownCodes = [
  'NAME_TAKEN',
  'UNKNOWN_LEAD',
  'NOT_FOUND',
  'GROUP_ARCHIVED',
  'ALREADY_REQUESTED',
  'ALREADY_MEMBER',
  'NOT_REQUESTED',
  'NOT_ACTIVE',
  'ALREADY_LEAD',
  'NOT_LEAD',
  'LAST_LEAD',
  'USE_LEAVE',
  'NOT_A_MEMBER',
] as const;
type KnownCode = (typeof knownCodes)[number];
const isKnown = (code: string): code is KnownCode => (knownCodes as readonly string[]).includes(code);

/** A translated message for a working-group userError; unknown codes show the server's message. */
export function workingGroupErrorMessage({ code, message }: UserError): FormMessage {
  if (code === 'VALIDATION') {
    return (t) => t('workingGroups.userError.VALIDATION', { min: workingGroupLimits.topic.minLength });
  }
  return isKnown(code) ? (t) => t(`workingGroups.userError.${code}`) : () => message;
}

/** The message for a failed membership action: the first userError, or the request's error. */
export function actionErrorMessage(
  t: Translate,
  userErrors: readonly UserError[] | undefined,
  error?: unknown,
): string {
  if (userErrors?.length) return workingGroupErrorMessage(userErrors[0])(t);
  return apiErrorMessage(error, t);
}
