import { type FormEvent, useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorsToFormErrors } from '../../errors/userErrors';
import type { UserErrorFieldsFragment } from '../../gql/graphql';
import type { Viewer } from '../../session/useViewer';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { type FormErrors, formError, hasFormErrors, noFormErrors } from '../../ui/formErrors';
import { NewPasswordFields, newPasswordFieldIds } from './NewPasswordFields';
import { type NewPasswordField, validateNewPassword } from './validation';

/** What the invitation and password-reset mutations both return. */
export interface PasswordPayload {
  viewer: Viewer | null;
  userErrors: readonly UserErrorFieldsFragment[];
}

interface TokenPasswordFormProps {
  idPrefix: string;
  submitLabel: string;
  /** Sends the password with the page's token; resolves to the mutation's payload. */
  save: (password: string) => Promise<PasswordPayload | undefined>;
  onSaved: (viewer: Viewer | null) => void;
}

const fields: readonly NewPasswordField[] = ['password', 'passwordConfirmation'];

/** Sets a password through a link from an e-mail (invitation or password reset). */
export function TokenPasswordForm({ idPrefix, submitLabel, save, onSaved }: TokenPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FormErrors<NewPasswordField>>(noFormErrors);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setAttempt((count) => count + 1);
    const clientErrors: FormErrors<NewPasswordField> = {
      fields: validateNewPassword(password, confirmation),
      form: [],
    };
    setErrors(clientErrors);
    if (hasFormErrors(clientErrors)) return;

    setSaving(true);
    try {
      const payload = await save(password);
      if (payload && payload.userErrors.length > 0)
        setErrors(userErrorsToFormErrors(payload.userErrors, fields));
      else onSaved(payload?.viewer ?? null);
    } catch (error) {
      setErrors(formError((t) => apiErrorMessage(error, t)));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={newPasswordFieldIds(idPrefix)} attempt={attempt} />
      <form className="hub-form" noValidate onSubmit={submit}>
        <NewPasswordFields
          idPrefix={idPrefix}
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          errors={errors.fields}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={saving || undefined}>
            <span className="kern-label">{submitLabel}</span>
          </button>
        </div>
      </form>
    </>
  );
}
