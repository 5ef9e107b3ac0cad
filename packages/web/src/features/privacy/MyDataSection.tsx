import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorMessage } from '../../errors/userErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useConfirm } from '../../ui/ConfirmDialog';
import { privacyPaths } from './privacyPaths';
import { usePersonalDataDownload } from './usePersonalDataDownload';
import './privacy.css';

const MyDataQuery = graphql(`
  query MyData {
    viewer {
      id
      erasureRequestedAt
      viewerCanExportData
      viewerCanRequestErasure
      viewerCanWithdrawErasureRequest
    }
  }
`);

const RequestErasure = graphql(`
  mutation RequestErasure {
    requestErasure {
      person {
        id
        erasureRequestedAt
        viewerCanRequestErasure
        viewerCanWithdrawErasureRequest
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const WithdrawErasureRequest = graphql(`
  mutation WithdrawErasureRequest {
    withdrawErasureRequest {
      person {
        id
        erasureRequestedAt
        viewerCanRequestErasure
        viewerCanWithdrawErasureRequest
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** „Meine Daten“ in the profile: download everything the hub holds about me, ask to be erased. */
export default function MyDataSection() {
  const t = useT();
  const { locale } = useLocale();
  const { data } = useQuery(MyDataQuery);
  const me = data?.viewer;
  const { download, busy, problem } = usePersonalDataDownload();
  const { confirm, dialog } = useConfirm();
  const [request] = useMutation(RequestErasure);
  const [withdraw] = useMutation(WithdrawErasureRequest);
  const [message, setMessage] = useState<string | null>(null);

  if (!me) return null;

  const act = async (
    work: () => Promise<readonly { field: string | null; code: string; message: string }[]>,
  ) => {
    setMessage(null);
    try {
      const errors = await work();
      if (errors.length) setMessage(errors.map((e) => userErrorMessage(e, 'privacy')(t)).join(' '));
    } catch (error) {
      setMessage(apiErrorMessage(error, t));
    }
  };

  return (
    <section className="hub-privacy-section" aria-labelledby="my-data-heading">
      <h2 className="kern-heading-medium" id="my-data-heading">
        {t('privacy.myData.title')}
      </h2>
      <p className="kern-body">{t('privacy.myData.intro')}</p>
      {me.viewerCanExportData ? (
        <div className="hub-form__actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            aria-disabled={busy || undefined}
            onClick={() => download(null, 'html')}
          >
            <span className="kern-label">{t('privacy.myData.downloadDocument')}</span>
          </button>
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            aria-disabled={busy || undefined}
            onClick={() => download(null, 'json')}
          >
            <span className="kern-label">{t('privacy.myData.downloadJson')}</span>
          </button>
        </div>
      ) : null}
      {busy ? (
        <p className="kern-body kern-body--small" role="status">
          {t('privacy.myData.preparing')}
        </p>
      ) : null}
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}

      <h3 className="kern-heading-small">{t('privacy.myData.erasureTitle')}</h3>
      {me.erasureRequestedAt ? (
        <Alert
          variant="info"
          title={t('privacy.myData.erasureRequested', {
            date: formatDateTime(me.erasureRequestedAt, locale),
          })}
          role="status"
        />
      ) : (
        <p className="kern-body">{t('privacy.myData.erasureIntro')}</p>
      )}
      <div className="hub-form__actions">
        {me.viewerCanRequestErasure ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={async () => {
              const confirmed = await confirm({
                title: t('privacy.myData.confirmRequest.title'),
                consequence: t('privacy.myData.confirmRequest.consequence'),
                confirmLabel: t('privacy.myData.confirmRequest.confirm'),
              });
              if (confirmed) await act(async () => (await request()).data?.requestErasure.userErrors ?? []);
            }}
          >
            <span className="kern-label">{t('privacy.myData.requestErasure')}</span>
          </button>
        ) : null}
        {me.viewerCanWithdrawErasureRequest ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            onClick={() => act(async () => (await withdraw()).data?.withdrawErasureRequest.userErrors ?? [])}
          >
            <span className="kern-label">{t('privacy.myData.withdrawErasure')}</span>
          </button>
        ) : null}
      </div>
      {message ? (
        <p className="kern-body kern-body--small" role="status">
          {message}
        </p>
      ) : null}
      <p className="kern-body kern-body--small">
        <Link className="kern-link" to={privacyPaths.privacyNotice}>
          {t('privacy.notice.title')}
        </Link>
      </p>
      {dialog}
    </section>
  );
}
