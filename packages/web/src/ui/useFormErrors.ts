import { useCallback, useState } from 'react';
import { apiErrorMessage } from '../errors/apiErrors';
import { type UserError, type UserErrorScope, userErrorsToFormErrors } from '../errors/userErrors';
import type { ErrorSummaryProps } from './ErrorSummary';
import { type FormErrors, type FormMessage, formError, hasFormErrors, noFormErrors } from './formErrors';

export interface FormErrorsState<Field extends string> {
  errors: FormErrors<Field>;
  /** For `<ErrorSummary {...summary} />` at the top of the form. */
  summary: ErrorSummaryProps<Field>;
  /** The error of one field, for its `error` prop (which sets aria-invalid and aria-describedby). */
  errorOf(field: Field): FormMessage | undefined;
  /** Counts a submission and shows what the client found; true when nothing was found. */
  check(found: FormErrors<Field>): boolean;
  /** Shows a payload's userErrors on their fields (in the viewer's language where the code is known). */
  showUserErrors(userErrors: readonly UserError[]): void;
  /** Shows a failed request (network, FORBIDDEN, …) for the form as a whole. */
  showRequestError(error: unknown): void;
  /**
   * The person changed the field: its error is gone until the next submission says otherwise.
   * A path prefix (`costs.1`, `costs`) clears the errors of all fields under it.
   */
  fieldChanged(field: Field): void;
}

/**
 * The state behind the error pattern every form shares: an error summary linking to the fields,
 * errors tied to their fields, cleared when a field is changed, and server userErrors mapped by
 * `code` to the i18n catalogues (`scope` names the feature whose wording comes first, e.g. `projects`).
 */
export function useFormErrors<Field extends string>(
  fieldIds: Record<Field, string>,
  scope?: UserErrorScope,
): FormErrorsState<Field> {
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [attempt, setAttempt] = useState(0);
  const fields = Object.keys(fieldIds) as Field[];

  const fieldChanged = useCallback((field: Field) => {
    setErrors((current) => {
      const fixed = (Object.keys(current.fields) as Field[]).filter(
        (name) => name === field || name.startsWith(`${field}.`),
      );
      if (!fixed.length) return current;
      const rest = { ...current.fields };
      for (const name of fixed) delete rest[name];
      return { ...current, fields: rest };
    });
  }, []);

  return {
    errors,
    summary: { errors, fieldIds, attempt },
    errorOf: (field) => errors.fields[field],
    check(found) {
      setAttempt((n) => n + 1);
      setErrors(found);
      return !hasFormErrors(found);
    },
    showUserErrors(userErrors) {
      setAttempt((n) => n + 1);
      setErrors(userErrorsToFormErrors(userErrors, fields, scope));
    },
    showRequestError(error) {
      setAttempt((n) => n + 1);
      setErrors(formError((t) => apiErrorMessage(error, t)));
    },
    fieldChanged,
  };
}
