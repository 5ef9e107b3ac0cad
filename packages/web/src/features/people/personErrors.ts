import type { PlainMessageKey } from '../../i18n';
import type { FormMessage } from '../../ui/formErrors';

interface PersonError {
  field: string | null;
  code: string;
  message: string;
}

const messageKey: Record<string, PlainMessageKey> = {
  EMAIL_TAKEN: 'people.importError.EMAIL_TAKEN',
  MUNICIPALITY_REQUIRED: 'people.invite.municipalityRequired',
  MUNICIPALITY_NOT_ALLOWED: 'people.userError.MUNICIPALITY_NOT_ALLOWED',
};

/** A problem with inviting a person or changing their role, in the viewer's language when known. */
export function personErrorMessage(error: PersonError): FormMessage {
  const key = messageKey[error.code];
  return key ? (t) => t(key) : () => error.message;
}
