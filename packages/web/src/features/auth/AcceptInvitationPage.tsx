import { useMutation, useQuery } from '@apollo/client/react';
import { useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { paths } from '../../paths';
import { noticeState } from '../../session/notices';
import { useStartSession } from '../../session/useSessionActions';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { TokenPasswordForm } from './TokenPasswordForm';

const AcceptInvitationPageQuery = graphql(`
  query AcceptInvitationPage($token: String!) {
    tokenInfo(token: $token) {
      purpose
      email
      name
      expiresAt
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      viewer {
        ...SessionViewer
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export function AcceptInvitationPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const startSession = useStartSession();
  const token = useParams().token ?? '';
  const { data, loading, error } = useQuery(AcceptInvitationPageQuery, {
    variables: { token },
    fetchPolicy: 'network-only',
  });
  const [acceptInvitation] = useMutation(AcceptInvitationMutation);

  const invitation = data?.tokenInfo?.purpose === 'INVITATION' ? data.tokenInfo : null;

  return (
    <Page title={t('invitation.title')}>
      <div className="hub-form-page">
        {loading ? (
          <LoadingIndicator />
        ) : error ? (
          <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
        ) : !invitation ? (
          <Alert variant="warning" title={t('invitation.invalidTitle')}>
            <p className="kern-body">{t('invitation.invalid')}</p>
          </Alert>
        ) : (
          <>
            <p className="kern-body">{t('invitation.intro')}</p>
            <dl className="kern-description-list hub-invitation">
              {invitation.name ? (
                <div className="kern-description-list-item">
                  <dt className="kern-description-list-item__key">{t('invitation.invitedName')}</dt>
                  <dd className="kern-description-list-item__value">{invitation.name}</dd>
                </div>
              ) : null}
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('invitation.invitedEmail')}</dt>
                <dd className="kern-description-list-item__value">{invitation.email}</dd>
              </div>
              <div className="kern-description-list-item">
                <dt className="kern-description-list-item__key">{t('invitation.validUntil')}</dt>
                <dd className="kern-description-list-item__value">
                  {formatDateTime(invitation.expiresAt, locale)}
                </dd>
              </div>
            </dl>
            <TokenPasswordForm
              idPrefix="invitation"
              submitLabel={t('invitation.submit')}
              save={async (password) => {
                const result = await acceptInvitation({ variables: { input: { token, password } } });
                return result.data?.acceptInvitation;
              }}
              onSaved={(viewer) => {
                if (viewer) {
                  startSession(viewer);
                  void navigate(paths.home, { replace: true, state: noticeState('invitationAccepted') });
                } else {
                  void navigate(paths.signIn, { replace: true, state: noticeState('accountActivated') });
                }
              }}
            />
          </>
        )}
      </div>
    </Page>
  );
}
