import { type UserError, userErrorMessage } from '../../errors/userErrorMessages';
import type { Translate } from '../../i18n';

/** A problem of the CSV import in the viewer's language. */
export function importErrorMessage(t: Translate, error: UserError): string {
  return userErrorMessage(error, 'officerImport')(t);
}
