import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorsToFormErrors } from '../../errors/userErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { paths, returnToParam, safeReturnPath, signedOutParam } from '../../paths';
import { useStartSession } from '../../session/useSessionActions';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { type FormErrors, formError, hasFormErrors, noFormErrors } from '../../ui/formErrors';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { projectPaths } from '../projects/projectPaths';
import { validateEmail } from './validation';

const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      viewer {
        ...SessionViewer
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type SignInField = 'email' | 'password';
const fields: readonly SignInField[] = ['email', 'password'];
const fieldIds: Record<SignInField, string> = { email: 'sign-in-email', password: 'sign-in-password' };

export function SignInPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const { viewer } = useViewer();
  const startSession = useStartSession();
  const [signIn, { loading }] = useMutation(SignInMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<SignInField>>(noFormErrors);
  const [attempt, setAttempt] = useState(0);

  const returnTo = safeReturnPath(searchParams.get(returnToParam));
  // Also taken right after a successful sign-in, once the new viewer is in the cache.
  if (viewer) return <Navigate replace to={returnTo} />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setAttempt((count) => count + 1);
    const clientErrors: FormErrors<SignInField> = noFormErrors();
    const emailError = validateEmail(email);
    if (emailError) clientErrors.fields.email = emailError;
    if (!password) clientErrors.fields.password = (translate) => translate('validation.passwordRequired');
    setErrors(clientErrors);
    if (hasFormErrors(clientErrors)) return;

    try {
      const { data } = await signIn({ variables: { input: { email: email.trim(), password } } });
      const payload = data?.signIn;
      if (payload?.viewer) startSession(payload.viewer);
      else if (payload) setErrors(userErrorsToFormErrors(payload.userErrors, fields));
    } catch (error) {
      setErrors(formError((translate) => apiErrorMessage(error, translate)));
    }
  };

  return (
    <Page title={t('signIn.title')}>
      <div className="hub-form-page">
        {searchParams.has(signedOutParam) ? (
          <Alert variant="success" title={t('notice.signedOut')} role="status" />
        ) : searchParams.has(returnToParam) ? (
          <Alert variant="info" title={t('signIn.sessionExpired')} />
        ) : null}
        <p className="kern-body">{t('signIn.intro')}</p>
        <ErrorSummary errors={errors} fieldIds={fieldIds} attempt={attempt} />
        <form className="hub-form" noValidate onSubmit={submit}>
          <TextField
            id={fieldIds.email}
            label={t('field.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={errors.fields.email}
          />
          <TextField
            id={fieldIds.password}
            label={t('field.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={errors.fields.password}
          />
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
              <span className="kern-label">{t('signIn.submit')}</span>
            </button>
            <Link className="kern-link" to={paths.forgotPassword}>
              {t('signIn.forgotPassword')}
            </Link>
          </div>
        </form>
        <p className="kern-body">
          {t('signIn.marketplace.text')}{' '}
          <Link className="kern-link" to={projectPaths.marketplace}>
            {t('signIn.marketplace.link')}
          </Link>
          .
        </p>
      </div>
    </Page>
  );
}
