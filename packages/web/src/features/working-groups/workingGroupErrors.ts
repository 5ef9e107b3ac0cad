import { apiErrorMessage } from '../../errors/apiErrors';
import { type UserError, userErrorMessage } from '../../errors/userErrorMessages';
import type { Translate } from '../../i18n';
import type { FormMessage } from '../../ui/formErrors';

/** A translated message for a working-group userError. */
export function workingGroupErrorMessage(error: UserError): FormMessage {
  return userErrorMessage(error, 'workingGroups');
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
