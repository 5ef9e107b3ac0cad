import { useLazyQuery, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { MembershipStatus } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { InviteMemberFlow } from './InviteMemberFlow';
import { membershipStatuses, statusLabel } from './labels';
import { MembershipActions } from './MembershipActions';
import { memberPaths } from './memberPaths';
import './members.css';
import { ScrollTable } from '../../ui/ScrollTable';
import { SelectField } from '../../ui/SelectField';
import { type ExportFormat, saveExport } from '../../ui/saveExport';
import { useUrlFilters } from '../../ui/useUrlFilters';

export const MembershipAdminPageQuery = graphql(`
  query MembershipAdminPage($statuses: [MembershipStatus!]) {
    networkMemberships(first: 100, filter: { statuses: $statuses }) {
      totalCount
      edges {
        node {
          id
          status
          since
          createdAt
          municipality {
            id
            name
            ...MembershipActions_municipality
          }
        }
      }
    }
  }
`);

export const MembersCsvQuery = graphql(`
  query MembersCsv {
    networkMembersCsv
  }
`);

export const MembersXlsxQuery = graphql(`
  query MembersXlsx {
    networkMembersXlsx
  }
`);

/** Coordinators: invitations, applications and every membership with its actions; invite; export. */
export function MembershipAdminPage() {
  const t = useT();
  const { locale } = useLocale();
  const [filters, applyFilters] = useUrlFilters({ status: '' });
  const status = filters.status as MembershipStatus | '';
  const { data, loading, error, refetch } = useQuery(MembershipAdminPageQuery, {
    variables: { statuses: status ? [status] : null },
    fetchPolicy: 'cache-and-network',
  });
  const [exportCsv, exportedCsv] = useLazyQuery(MembersCsvQuery, { fetchPolicy: 'network-only' });
  const [exportXlsx, exportedXlsx] = useLazyQuery(MembersXlsxQuery, { fetchPolicy: 'network-only' });
  const exportError = exportedCsv.error ?? exportedXlsx.error;

  const startExport = async (format: ExportFormat) => {
    const content =
      format === 'csv'
        ? (await exportCsv()).data?.networkMembersCsv
        : (await exportXlsx()).data?.networkMembersXlsx;
    if (content) saveExport(content, 'netzwerk-mitglieder', format);
  };

  const connection = data?.networkMemberships;
  return (
    <Page title={t('members.admin.title')}>
      <p>
        <Link className="kern-link" to={memberPaths.directory}>
          {t('members.municipality.back')}
        </Link>
      </p>

      <section className="hub-members-section" aria-labelledby="admin-invite">
        <h2 className="kern-heading-medium" id="admin-invite">
          {t('members.admin.invite')}
        </h2>
        <p className="kern-body">{t('members.flow.intro')}</p>
        <InviteMemberFlow />
      </section>

      <section className="hub-members-section" aria-labelledby="admin-memberships">
        <h2 className="kern-heading-medium" id="admin-memberships">
          {t('members.admin.memberships')}
        </h2>
        <div className="hub-members-filter">
          <SelectField
            id="admin-status"
            label={t('members.filter.status')}
            value={status}
            onChange={(value) => applyFilters({ status: value })}
          >
            <option value="">{t('members.filter.all')}</option>
            {membershipStatuses.map((s) => (
              <option key={s} value={s}>
                {t(statusLabel[s])}
              </option>
            ))}
          </SelectField>
          <div className="hub-form__actions">
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => void startExport('csv')}
            >
              <span className="kern-label">{t('members.admin.export')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() => void startExport('xlsx')}
            >
              <span className="kern-label">{t('members.admin.exportXlsx')}</span>
            </button>
          </div>
        </div>
        {exportError ? <Alert variant="danger" title={apiErrorMessage(exportError, t)} role="alert" /> : null}
        {error && !connection ? (
          <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
        ) : null}
        {loading && !connection ? <LoadingIndicator /> : null}
        {connection ? (
          <>
            <p className="kern-body" role="status">
              {t('members.admin.count', { count: connection.totalCount })}
            </p>
            <ScrollTable label={t('members.admin.memberships')}>
              <table className="kern-table kern-table--striped">
                <caption className="kern-sr-only">{t('members.admin.memberships')}</caption>
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('members.table.name')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('members.table.status')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('members.admin.since')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('members.admin.actions')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id} className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        <Link className="kern-link" to={memberPaths.municipality(node.municipality.id)}>
                          {node.municipality.name}
                        </Link>
                      </th>
                      <td className="kern-table__cell">{t(statusLabel[node.status])}</td>
                      <td className="kern-table__cell">
                        {formatDateTime(node.since ?? node.createdAt, locale)}
                      </td>
                      <td className="kern-table__cell">
                        <MembershipActions
                          municipality={node.municipality}
                          onChanged={() => refetch()}
                          compact
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </>
        ) : null}
      </section>
    </Page>
  );
}
