import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { PeopleFilter, Role } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import '../members/members.css';
import { ScrollTable } from '../../ui/ScrollTable';
import { SelectField } from '../../ui/SelectField';
import { PersonRow } from './PersonRow';
import { peoplePaths } from './peoplePaths';

const PAGE_SIZE = 50;

export const PeoplePageQuery = graphql(`
  query PeoplePage($first: Int, $after: String, $filter: PeopleFilter) {
    people(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...PersonRow_user
        }
      }
    }
  }
`);

/** The people of the network, for coordinators and officers; coordinators administer them here. */
export function PeoplePage() {
  const t = useT();
  const { viewer } = useViewer();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [filter, setFilter] = useState<PeopleFilter>({});
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(PeoplePageQuery, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({ search: search.trim() || null, roles: role ? [role] : null });
  };
  const loadMore = () =>
    fetchMore({
      variables: { after: data?.people.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        people: {
          ...fetchMoreResult.people,
          edges: [...previous.people.edges, ...fetchMoreResult.people.edges],
        },
      }),
    });
  const connection = data?.people;
  return (
    <Page title={t('people.title')}>
      <p className="kern-body">{t('people.intro')}</p>
      {viewer?.role === 'COORDINATOR' ? (
        <p className="hub-members-links">
          <Link className="kern-btn kern-btn--primary" to={peoplePaths.invite}>
            <span className="kern-label">{t('people.invite.link')}</span>
          </Link>
          <Link className="kern-btn kern-btn--secondary" to={peoplePaths.import}>
            <span className="kern-label">{t('people.import.link')}</span>
          </Link>
        </p>
      ) : null}
      <search aria-label={t('people.filter.label')}>
        <form className="hub-members-filter" onSubmit={submit}>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="people-search">
              {t('people.filter.search')}
            </label>
            <input
              className="kern-form-input__input"
              id="people-search"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <SelectField
            id="people-role"
            label={t('people.filter.role')}
            value={role}
            onChange={(value) => setRole(value as Role | '')}
          >
            <option value="">{t('members.filter.all')}</option>
            <option value="COORDINATOR">{t('role.COORDINATOR')}</option>
            <option value="OFFICER">{t('role.OFFICER')}</option>
            <option value="MINISTRY">{t('role.MINISTRY')}</option>
          </SelectField>
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-label">{t('members.filter.submit')}</span>
            </button>
          </div>
        </form>
      </search>
      {error && !connection ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {!connection && networkStatus === NetworkStatus.loading ? <LoadingIndicator /> : null}
      {connection ? (
        <section aria-labelledby="people-results">
          <p className="kern-body" id="people-results" role="status">
            {t('people.resultCount', { count: connection.totalCount })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="kern-body">{t('people.empty')}</p>
          ) : (
            <ScrollTable label={t('people.caption')}>
              <table className="kern-table kern-table--striped">
                <caption className="kern-sr-only">{t('people.caption')}</caption>
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('people.name')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.municipality')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.role')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.contact')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.statusColumn')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('people.actions')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {connection.edges.map(({ node }) => (
                    <PersonRow key={node.id} person={node} />
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          {connection.pageInfo.hasNextPage ? (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={loadMore}>
              <span className="kern-label">{t('members.loadMore')}</span>
            </button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
