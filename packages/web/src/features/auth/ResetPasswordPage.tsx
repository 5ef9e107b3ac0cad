import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { paths } from '../../paths';
import { noticeState } from '../../session/notices';
import { useStartSession } from '../../session/useSessionActions';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { TokenPasswordForm } from './TokenPasswordForm';

const ResetPasswordPageQuery = graphql(`
  query ResetPasswordPage($token: String!) {
    tokenInfo(token: $token) {
      purpose
      email
      expiresAt
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      viewer {
        ...SessionViewer
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function ResetPasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const token = useParams().token ?? '';
  const { data, loading, error } = useQuery(ResetPasswordPageQuery, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const [resetPassword] = useMutation(ResetPasswordMutation);

  const reset = data?.tokenInfo?.purpose === 'PASSWORD_RESET' ? data.tokenInfo : null;

  return (
    <Page title={t('resetPassword.title')}>
      <div className="hub-form-page">
        {loading ? (
          <LoadingIndicator />
        ) : error ? (
          <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
        ) : !reset ? (
          <Alert variant="warning" title={t('resetPassword.invalidTitle')}>
            <p className="kern-body">{t('resetPassword.invalid')}</p>
            <p className="kern-body">
              <Link className="kern-link" to={paths.forgotPassword}>
                {t('resetPassword.requestNew')}
              </Link>
            </p>
          </Alert>
        ) : (
          <>
            <p className="kern-body">{t('resetPassword.intro', { email: reset.email })}</p>
            <TokenPasswordForm
              idPrefix="reset"
              submitLabel={t('resetPassword.submit')}
              save={async (password) => {
                const result = await resetPassword({ variables: { input: { token, password } } });
                return result.data?.resetPassword;
              }}
              onSaved={(viewer) => {
                if (viewer) {
                  startSession(viewer);
                  void navigate(paths.home, { replace: true, state: noticeState('passwordChanged') });
                } else {
                  void navigate(paths.signIn, { replace: true, state: noticeState('passwordChangedSignIn') });
                }
              }}
            />
          </>
        )}
      </div>
    </Page>
  );
}
