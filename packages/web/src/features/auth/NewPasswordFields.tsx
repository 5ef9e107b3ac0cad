import { limits } from '@hub/shared';
import { useT } from '../../i18n';
import type { FormMessage } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';
import type { NewPasswordField } from './validation';

interface NewPasswordFieldsProps {
  idPrefix: string;
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  errors: Partial<Record<NewPasswordField, FormMessage>>;
}

export function newPasswordFieldIds(idPrefix: string): Record<NewPasswordField, string> {
  return { password: `${idPrefix}-password`, passwordConfirmation: `${idPrefix}-password-confirmation` };
}

/** Choosing a password: entered twice, with the length rule stated up front. */
export function NewPasswordFields({
  idPrefix,
  password,
  confirmation,
  onPasswordChange,
  onConfirmationChange,
  errors,
}: NewPasswordFieldsProps) {
  const t = useT();
  const ids = newPasswordFieldIds(idPrefix);
  return (
    <>
      <TextField
        id={ids.password}
        label={t('field.password')}
        type="password"
        autoComplete="new-password"
        hint={t('field.newPasswordHint', { min: limits.password.minLength })}
        value={password}
        onChange={onPasswordChange}
        error={errors.password}
      />
      <TextField
        id={ids.passwordConfirmation}
        label={t('field.passwordConfirmation')}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={onConfirmationChange}
        error={errors.passwordConfirmation}
      />
    </>
  );
}
