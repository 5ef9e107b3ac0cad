import { useLazyQuery, useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { MembershipStatus } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { membershipStatuses, statusLabel } from './labels';
import { MembershipActions } from './MembershipActions';
import { memberPaths } from './memberPaths';
import './members.css';
import { SelectField } from '../../ui/SelectField';
import { type ExportFormat, saveExport } from '../../ui/saveExport';

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

export const MembershipAdminInviteSearchQuery = graphql(`
  query MembershipAdminInviteSearch($search: String!) {
    municipalities(first: 10, filter: { search: $search }) {
      edges {
        node {
          id
          name
          district {
            id
            name
          }
          ...MembershipActions_municipality
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
  const [status, setStatus] = useState<MembershipStatus | ''>('');
  const { data, loading, error, refetch } = useQuery(MembershipAdminPageQuery, {
    variables: { statuses: status ? [status] : null },
    fetchPolicy: 'cache-and-network',
  });
  const [search, setSearch] = useState('');
  const [findMunicipalities, found] = useLazyQuery(MembershipAdminInviteSearchQuery);
  const [exportCsv, exportedCsv] = useLazyQuery(MembersCsvQuery, { fetchPolicy: 'network-only' });
  const [exportXlsx, exportedXlsx] = useLazyQuery(MembersXlsxQuery, { fetchPolicy: 'network-only' });
  const exportError = exportedCsv.error ?? exportedXlsx.error;

  const submitSearch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (search.trim()) findMunicipalities({ variables: { search: search.trim() } });
  };
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
        <search aria-label={t('members.admin.invite')}>
          <form className="hub-members-filter" onSubmit={submitSearch}>
            <div className="kern-form-input">
              <label className="kern-label" htmlFor="admin-invite-search">
                {t('members.filter.search')}
              </label>
              <input
                className="kern-form-input__input"
                id="admin-invite-search"
                type="search"
                value={search}
                onChange={(event) => setSearch(event.target.value)}
              />
            </div>
            <div className="hub-form__actions">
              <button type="submit" className="kern-btn kern-btn--secondary">
                <span className="kern-label">{t('members.admin.find')}</span>
              </button>
            </div>
          </form>
        </search>
        {found.loading ? <LoadingIndicator /> : null}
        {found.data ? (
          found.data.municipalities.edges.length === 0 ? (
            <p className="kern-body" role="status">
              {t('members.empty')}
            </p>
          ) : (
            <ul className="hub-wg-list" aria-label={t('members.admin.candidates')}>
              {found.data.municipalities.edges.map(({ node }) => (
                <li key={node.id} className="kern-card hub-wg-card">
                  <div className="kern-card__container">
                    <div className="kern-card__body">
                      <Link className="kern-link" to={memberPaths.municipality(node.id)}>
                        {node.name}
                      </Link>
                      {node.district && node.district.id !== node.id ? ` (${node.district.name})` : ''}
                      <MembershipActions municipality={node} />
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )
        ) : null}
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
            <div className="kern-table-responsive">
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
            </div>
          </>
        ) : null}
      </section>
    </Page>
  );
}
