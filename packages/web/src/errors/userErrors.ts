import { limits } from '@hub/shared';
import { graphql } from '../gql';
import type { PlainMessageKey } from '../i18n';
import { de } from '../i18n/de';
import type { FormErrors, FormMessage } from '../ui/formErrors';

/** Selected by every mutation payload, so forms can show what the person can fix. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

export interface UserError {
  field: string | null;
  message: string;
  code: string;
}

/** A catalogue key for a userError code: the feature's own (`projects.userError.X`), else the general one. */
function catalogueKeyFor(code: string, scope: string | undefined): PlainMessageKey | null {
  const candidates = [scope ? `${scope}.userError.${code}` : null, `userError.${code}`];
  for (const key of candidates) {
    // Only messages without placeholders can be shown without values to fill in.
    const entry = key && key in de ? de[key as keyof typeof de] : null;
    // Plural entries need a count; none of them is a userError message.
    if (typeof entry === 'string' && !entry.includes('{')) return key as PlainMessageKey;
  }
  return null;
}

/**
 * The message for a userError in the viewer's language: a message key for its `code` in the i18n
 * catalogues (the feature's `scope` first), falling back to the server's own (English) message.
 */
export function userErrorMessage({ code, message }: UserError, scope?: string): FormMessage {
  if (code === 'PASSWORD_TOO_SHORT')
    return (t) => t('userError.PASSWORD_TOO_SHORT', { min: limits.password.minLength });
  const key = catalogueKeyFor(code, scope);
  return key ? (t) => t(key) : () => message;
}

/** A feature's catalogue scope (`projects`), or its own function where a message needs values. */
export type UserErrorMessages = string | ((error: UserError) => FormMessage);

/**
 * Sorts a payload's userErrors onto the form's fields: by the whole `field` path first
 * (`costs.1.amountCents`), then by its last segment (so both `password` and `input.password`
 * match); the rest belong to the form as a whole.
 */
export function userErrorsToFormErrors<Field extends string>(
  userErrors: readonly UserError[],
  fields: readonly Field[],
  messages?: UserErrorMessages,
): FormErrors<Field> {
  const errors: FormErrors<Field> = { fields: {}, form: [] };
  for (const userError of userErrors) {
    const path = userError.field?.replace(/^input\./, '');
    const lastSegment = path?.split('.').pop();
    const field =
      fields.find((candidate) => candidate === path) ?? fields.find((candidate) => candidate === lastSegment);
    const message =
      typeof messages === 'function' ? messages(userError) : userErrorMessage(userError, messages);
    if (field && !errors.fields[field]) errors.fields[field] = message;
    else errors.form.push(message);
  }
  return errors;
}
