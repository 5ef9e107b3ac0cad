import { limits } from '@hub/shared';
import { graphql } from '../gql';
import type { FormErrors, FormMessage } from '../ui/formErrors';

/** Selected by every mutation payload, so forms can show what the person can fix. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

interface UserError {
  field: string | null;
  message: string;
  code: string;
}

/** Known codes get a translated message; anything else shows the server's own message. */
function userErrorMessage({ code, message }: UserError): FormMessage {
  switch (code) {
    case 'INVALID_CREDENTIALS':
      return (t) => t('userError.INVALID_CREDENTIALS');
    case 'TOKEN_INVALID':
      return (t) => t('userError.TOKEN_INVALID');
    case 'PASSWORD_REQUIRED':
      return (t) => t('userError.PASSWORD_REQUIRED');
    case 'WRONG_PASSWORD':
      return (t) => t('userError.WRONG_PASSWORD');
    case 'PASSWORD_TOO_SHORT':
      return (t) => t('userError.PASSWORD_TOO_SHORT', { min: limits.password.minLength });
    default:
      return () => message;
  }
}

/**
 * Sorts a payload's userErrors onto the form's fields (by the last segment of `field`, so both
 * `password` and `input.password` match); the rest belong to the form as a whole.
 */
export function userErrorsToFormErrors<Field extends string>(
  userErrors: readonly UserError[],
  fields: readonly Field[],
): FormErrors<Field> {
  const errors: FormErrors<Field> = { fields: {}, form: [] };
  for (const userError of userErrors) {
    const fieldName = userError.field?.split('.').pop();
    const field = fields.find((candidate) => candidate === fieldName);
    const message = userErrorMessage(userError);
    if (field && !errors.fields[field]) errors.fields[field] = message;
    else errors.form.push(message);
  }
  return errors;
}
