import { type UserError, userErrorMessage } from '../../errors/userErrorMessages';
import type { FormMessage } from '../../ui/formErrors';

/** A problem with inviting a person or changing their role, in the viewer's language. */
export function personErrorMessage(error: UserError): FormMessage {
  return userErrorMessage(error, 'people');
}
