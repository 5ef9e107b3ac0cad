import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { type PlainMessageKey, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { ScrollTable } from '../../ui/ScrollTable';
import { reportPaths } from './reportPaths';
import './reports.css';

export const ReportsPageQuery = graphql(`
  query ReportsPage {
    viewerCanCreateProgressReport
    progressReports(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          status
          version
          period {
            label
          }
        }
      }
    }
  }
`);

export const statusLabel = (status: string) => `reports.status.${status}` as PlainMessageKey;

/** "Berichte": the progress reports, newest period first; coordinators also see drafts and start new ones. */
export default function ReportsPage() {
  const t = useT();
  const { data, loading, error, refetch } = useQuery(ReportsPageQuery);
  const reports = data?.progressReports.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('reports.title')}>
      <p className="kern-body">{t('reports.intro')}</p>
      <ul className="hub-report__actions">
        <li>
          <Link className="kern-link" to={reportPaths.keyFigures}>
            {t('reports.keyFiguresLink')}
          </Link>
        </li>
        {data?.viewerCanCreateProgressReport ? (
          <li>
            <Link className="kern-btn kern-btn--primary" to={reportPaths.create}>
              <span className="kern-label">{t('reports.create')}</span>
            </Link>
          </li>
        ) : null}
      </ul>
      {error && !data ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {loading && !data ? <LoadingIndicator /> : null}
      {data && !reports.length ? <p className="kern-body">{t('reports.empty')}</p> : null}
      {reports.length ? (
        <ScrollTable label={t('reports.listCaption')}>
          <table className="kern-table kern-table--striped">
            <caption className="kern-sr-only">{t('reports.listCaption')}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('reports.column.title')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('reports.column.period')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('reports.column.status')}
                </th>
                <th scope="col" className="kern-table__header kern-table__header--numeric">
                  {t('reports.column.version')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {reports.map((report) => (
                <tr key={report.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell">
                    <Link className="kern-link" to={reportPaths.detail(report.id)}>
                      {report.title}
                    </Link>
                  </th>
                  <td className="kern-table__cell">{report.period.label}</td>
                  <td className="kern-table__cell">{t(statusLabel(report.status))}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{report.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      ) : null}
    </Page>
  );
}
