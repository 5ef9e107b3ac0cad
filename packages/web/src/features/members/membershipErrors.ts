import { type UserError, userErrorMessage } from '../../errors/userErrorMessages';
import type { Translate } from '../../i18n';

/** A userError of the membership workflow in the viewer's language. */
export function membershipErrorMessage(t: Translate, error: UserError): string {
  return userErrorMessage(error, 'members')(t);
}
