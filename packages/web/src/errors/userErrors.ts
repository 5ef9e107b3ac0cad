import { graphql } from '../gql';
import type { FormErrors } from '../ui/formErrors';
import { type UserError, type UserErrorScope, userErrorMessage } from './userErrorMessages';

/** Selected by every mutation payload, so forms can show what the person can fix. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

export type { UserError, UserErrorScope } from './userErrorMessages';
export { userErrorMessage } from './userErrorMessages';

/**
 * Sorts a payload's userErrors onto the form's fields: by the whole `field` path first
 * (`costs.1.amountCents`), then by its last segment (so both `password` and `input.password`
 * match); the rest belong to the form as a whole.
 */
export function userErrorsToFormErrors<Field extends string>(
  userErrors: readonly UserError[],
  fields: readonly Field[],
  scope?: UserErrorScope,
): FormErrors<Field> {
  const errors: FormErrors<Field> = { fields: {}, form: [] };
  for (const userError of userErrors) {
    const path = userError.field?.replace(/^input\./, '');
    const lastSegment = path?.split('.').pop();
    const field =
      fields.find((candidate) => candidate === path) ?? fields.find((candidate) => candidate === lastSegment);
    const message = userErrorMessage(userError, scope);
    if (field && !errors.fields[field]) errors.fields[field] = message;
    else errors.form.push(message);
  }
  return errors;
}
