import { useLazyQuery, useQuery } from '@apollo/client/react';
import { useState } from 'react';
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

/** Offers the CSV text as a file download (it is fetched through GraphQL with the session). */
function download(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** Coordinators: invitations, applications and every membership with its actions; invite; export. */
export function MembershipAdminPage() {
  const t = useT();
  const { locale } = useLocale();
  const [status, setStatus] = useState<MembershipStatus | ''>('');
  const { data, loading, error, refetch } = useQuery(MembershipAdminPageQuery, {
    variables: { statuses: status ? [status] : null },
    fetchPolicy: 'cache-and-network',
  });
  const [exportCsv, exported] = useLazyQuery(MembersCsvQuery, { fetchPolicy: 'network-only' });

  const startExport = async () => {
    const result = await exportCsv();
    if (result.data?.networkMembersCsv) download(result.data.networkMembersCsv, 'netzwerk-mitglieder.csv');
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
            onChange={(value) => setStatus(value as MembershipStatus | '')}
          >
            <option value="">{t('members.filter.all')}</option>
            {membershipStatuses.map((s) => (
              <option key={s} value={s}>
                {t(statusLabel[s])}
              </option>
            ))}
          </SelectField>
          <div className="hub-form__actions">
            <button type="button" className="kern-btn kern-btn--secondary" onClick={startExport}>
              <span className="kern-label">{t('members.admin.export')}</span>
            </button>
          </div>
        </div>
        {exported.error ? (
          <Alert variant="danger" title={apiErrorMessage(exported.error, t)} role="alert" />
        ) : null}
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
