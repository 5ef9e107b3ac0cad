import { useMutation } from '@apollo/client/react';
import { limits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorsToFormErrors } from '../../errors/userErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { paths } from '../../paths';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { type FormErrors, formError, hasFormErrors, noFormErrors } from '../../ui/formErrors';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { validateEmail } from './validation';

const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type ForgotPasswordField = 'email';
const fields: readonly ForgotPasswordField[] = ['email'];
const fieldIds: Record<ForgotPasswordField, string> = { email: 'forgot-password-email' };

/**
 * Requests a reset link. The answer is the same whether or not the address has an account, so the
 * page cannot be used to find out who is registered.
 */
export function ForgotPasswordPage() {
  const t = useT();
  const [requestReset] = useMutation(RequestPasswordResetMutation);
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors<ForgotPasswordField>>(noFormErrors);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setAttempt((count) => count + 1);
    const emailError = validateEmail(email);
    const clientErrors: FormErrors<ForgotPasswordField> = {
      fields: emailError ? { email: emailError } : {},
      form: [],
    };
    setErrors(clientErrors);
    if (hasFormErrors(clientErrors)) return;

    setSending(true);
    try {
      const { data } = await requestReset({ variables: { input: { email: email.trim() } } });
      const userErrors = data?.requestPasswordReset.userErrors ?? [];
      if (userErrors.length > 0) setErrors(userErrorsToFormErrors(userErrors, fields));
      else setSent(true);
    } catch (error) {
      setErrors(formError((translate) => apiErrorMessage(error, translate)));
    } finally {
      setSending(false);
    }
  };

  return (
    <Page title={t('forgotPassword.title')}>
      <div className="hub-form-page">
        {sent ? (
          <Alert variant="success" title={t('forgotPassword.sentTitle')} role="status">
            <p className="kern-body">{t('forgotPassword.sent', { hours: limits.passwordResetTtlHours })}</p>
          </Alert>
        ) : (
          <>
            <p className="kern-body">{t('forgotPassword.intro')}</p>
            <ErrorSummary errors={errors} fieldIds={fieldIds} attempt={attempt} />
            <form className="hub-form" noValidate onSubmit={submit}>
              <TextField
                id={fieldIds.email}
                label={t('field.email')}
                type="email"
                autoComplete="email"
                value={email}
                onChange={setEmail}
                error={errors.fields.email}
              />
              <div className="hub-form__actions">
                <button
                  type="submit"
                  className="kern-btn kern-btn--primary"
                  aria-disabled={sending || undefined}
                >
                  <span className="kern-label">{t('forgotPassword.submit')}</span>
                </button>
              </div>
            </form>
          </>
        )}
        <p className="kern-body">
          <Link className="kern-link" to={paths.signIn}>
            {t('forgotPassword.backToSignIn')}
          </Link>
        </p>
      </div>
    </Page>
  );
}
