import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorMessage } from '../../errors/userErrorMessages';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { paths } from '../../paths';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';

const RestoreEmailPageQuery = graphql(`
  query RestoreEmailPage($token: String!) {
    tokenInfo(token: $token) {
      purpose
      email
      expiresAt
    }
  }
`);

const RevertEmailChangeMutation = graphql(`
  mutation RevertEmailChange($input: RevertEmailChangeInput!) {
    revertEmailChange(input: $input) {
      email
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * Opened from the mail sent to the previous address after the sign-in e-mail changed: restores
 * that address and ends every session, for when someone else made the change.
 */
export function RestoreEmailPage() {
  const t = useT();
  const client = useApolloClient();
  const token = useParams().token ?? '';
  const { data, loading, error } = useQuery(RestoreEmailPageQuery, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const [revert, { loading: restoring }] = useMutation(RevertEmailChangeMutation);
  const [restored, setRestored] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const link = data?.tokenInfo?.purpose === 'EMAIL_CHANGE_REVERT' ? data.tokenInfo : null;

  const restore = async () => {
    if (restoring) return;
    setFailure(null);
    try {
      const result = await revert({ variables: { input: { token } } });
      const payload = result.data?.revertEmailChange;
      const [problem] = payload?.userErrors ?? [];
      if (problem) {
        setFailure(userErrorMessage(problem, 'restoreEmail')(t));
      } else if (payload?.email) {
        // Every session of the person has ended, this browser's included: forget what it showed.
        await client.clearStore();
        setRestored(payload.email);
      }
    } catch (caught) {
      setFailure(apiErrorMessage(caught, t));
    }
  };

  return (
    <Page title={t('restoreEmail.title')}>
      <div className="hub-form-page">
        {restored ? (
          <Alert variant="success" title={t('restoreEmail.doneTitle')} role="status">
            <p className="kern-body">{t('restoreEmail.done', { email: restored })}</p>
            <p className="kern-body">{t('restoreEmail.newPassword')}</p>
            <p className="kern-body">
              <Link className="kern-link" to={paths.forgotPassword}>
                {t('restoreEmail.setPassword')}
              </Link>
            </p>
            <p className="kern-body">
              <Link className="kern-link" to={paths.signIn}>
                {t('restoreEmail.signIn')}
              </Link>
            </p>
          </Alert>
        ) : loading ? (
          <LoadingIndicator />
        ) : error ? (
          <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
        ) : !link ? (
          <Alert variant="warning" title={t('restoreEmail.invalidTitle')}>
            <p className="kern-body">{t('restoreEmail.invalid')}</p>
          </Alert>
        ) : (
          <>
            {failure ? <Alert variant="danger" title={failure} role="alert" /> : null}
            <p className="kern-body">{t('restoreEmail.intro', { email: link.email })}</p>
            <p className="kern-body">{t('restoreEmail.consequences')}</p>
            <div className="hub-form__actions">
              <button
                type="button"
                className="kern-btn kern-btn--primary"
                onClick={() => void restore()}
                aria-disabled={restoring || undefined}
              >
                <span className="kern-label">{t('restoreEmail.submit')}</span>
              </button>
            </div>
          </>
        )}
      </div>
    </Page>
  );
}
