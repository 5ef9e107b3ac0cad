import type { Translate } from '../i18n';

/**
 * A message resolved when rendered, so errors already shown follow a change of language.
 * Server messages without a known code are passed through as they are.
 */
export type FormMessage = (t: Translate) => string;

/** The problems of one form: per field, and for the form as a whole. */
export interface FormErrors<Field extends string> {
  fields: Partial<Record<Field, FormMessage>>;
  form: FormMessage[];
}

export function noFormErrors<Field extends string>(): FormErrors<Field> {
  return { fields: {}, form: [] };
}

export function hasFormErrors<Field extends string>(errors: FormErrors<Field>): boolean {
  return errors.form.length > 0 || Object.keys(errors.fields).length > 0;
}

export function formError<Field extends string>(message: FormMessage): FormErrors<Field> {
  return { fields: {}, form: [message] };
}
