import { limits } from '@hub/shared';
import type { FormMessage } from '../../ui/formErrors';

// Deliberately loose: the server has the final word; this only catches obvious typing slips.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateEmail(email: string): FormMessage | undefined {
  const trimmed = email.trim();
  if (!trimmed) return (t) => t('validation.emailRequired');
  if (trimmed.length > limits.email.maxLength || !emailPattern.test(trimmed)) {
    return (t) => t('validation.emailInvalid');
  }
  return undefined;
}

export type NewPasswordField = 'password' | 'passwordConfirmation';

/** The same length rules the API enforces, from the shared limits. */
export function validateNewPassword(
  password: string,
  confirmation: string,
): Partial<Record<NewPasswordField, FormMessage>> {
  const { minLength, maxLength } = limits.password;
  const errors: Partial<Record<NewPasswordField, FormMessage>> = {};
  if (password.length < minLength)
    errors.password = (t) => t('validation.passwordTooShort', { min: minLength });
  else if (password.length > maxLength)
    errors.password = (t) => t('validation.passwordTooLong', { max: maxLength });
  if (!confirmation) errors.passwordConfirmation = (t) => t('validation.passwordConfirmationRequired');
  else if (confirmation !== password) errors.passwordConfirmation = (t) => t('validation.passwordMismatch');
  return errors;
}
