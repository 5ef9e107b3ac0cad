import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { ScrollTable } from '../../ui/ScrollTable';

const DeliveriesPageQuery = graphql(`
  query DeliveriesPage {
    failedMailDeliveries(first: 100) {
      totalCount
      edges {
        node {
          id
          recipient
          subject
          kind
          createdAt
          attempts
          lastError
          givenUp
        }
      }
    }
  }
`);

const RetryMailDelivery = graphql(`
  mutation RetryMailDelivery($input: RetryDeliveryInput!) {
    retryMailDelivery(input: $input) {
      delivery {
        id
        attempts
        lastError
        givenUp
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** "Zustellung": e-mails the hub could not send, with the SMTP error, to be sent again (coordinators). */
export function DeliveriesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error } = useQuery(DeliveriesPageQuery, { fetchPolicy: 'cache-and-network' });
  // The retried e-mail stays in the list until it is sent; its row follows from the answer.
  const [retry, { loading: retrying }] = useMutation(RetryMailDelivery);
  if (loading && !data) return <LoadingIndicator />;
  if (error && !data) return <Alert variant="danger" title={t('notifications.deliveries.forbidden')} />;
  const rows = data?.failedMailDeliveries.edges.map((edge) => edge.node) ?? [];
  return (
    <Page title={t('notifications.deliveries.title')}>
      <p>{t('notifications.deliveries.intro')}</p>
      {rows.length ? (
        <ScrollTable label={t('notifications.deliveries.title')}>
          <table className="kern-table">
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th className="kern-table__header" scope="col">
                  {t('notifications.deliveries.recipient')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('notifications.deliveries.subject')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('notifications.deliveries.created')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('notifications.deliveries.attempts')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('notifications.deliveries.error')}
                </th>
                <th className="kern-table__header" scope="col">
                  {t('notifications.deliveries.action')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {rows.map((row) => (
                <tr key={row.id} className="kern-table__row">
                  <td className="kern-table__cell">{row.recipient}</td>
                  <td className="kern-table__cell">{row.subject}</td>
                  <td className="kern-table__cell">{formatDateTime(row.createdAt, locale)}</td>
                  <td className="kern-table__cell">
                    {row.attempts}
                    {row.givenUp ? ` (${t('notifications.deliveries.givenUp')})` : ''}
                  </td>
                  <td className="kern-table__cell">{row.lastError}</td>
                  <td className="kern-table__cell">
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary kern-btn--small"
                      disabled={retrying}
                      onClick={() => void retry({ variables: { input: { id: row.id } } })}
                    >
                      <span className="kern-label">{t('notifications.deliveries.retry')}</span>
                      <span className="kern-sr-only">: {row.subject}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : (
        <p>{t('notifications.deliveries.none')}</p>
      )}
    </Page>
  );
}
