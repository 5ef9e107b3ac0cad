import type { PlainMessageKey } from '../../i18n';
import type { FormErrors, FormMessage } from '../../ui/formErrors';

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

/** Sorts the payload's userErrors onto the form's fields (by the last segment of `field`). */
export function personErrorsToFormErrors<Field extends string>(
  userErrors: readonly PersonError[],
  fields: readonly Field[],
): FormErrors<Field> {
  const errors: FormErrors<Field> = { fields: {}, form: [] };
  for (const userError of userErrors) {
    const fieldName = userError.field?.split('.').pop();
    const field = fields.find((candidate) => candidate === fieldName);
    const message = personErrorMessage(userError);
    if (field && !errors.fields[field]) errors.fields[field] = message;
    else errors.form.push(message);
  }
  return errors;
}
