import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { PeopleFilter, Role } from '../../gql/graphql';
import { useT } from '../../i18n';
import { FilterForm, ListPage, ListResults } from '../../ui/ListPage';
import { TextField } from '../../ui/TextField';
import { useDraft, useUrlFilters } from '../../ui/useUrlFilters';
import '../members/members.css';
import { useViewerCan } from '../../session/useViewerCan';
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

const NO_FILTERS = { search: '', role: '' };

/** The people of the network, for coordinators and officers; coordinators administer them here. */
export function PeoplePage() {
  const t = useT();
  const viewerCan = useViewerCan();
  const [filters, applyFilters] = useUrlFilters(NO_FILTERS);
  const [search, setSearch] = useDraft(filters.search);
  const [role, setRole] = useDraft(filters.role);
  const filter: PeopleFilter = {
    search: filters.search || null,
    roles: filters.role ? [filters.role as Role] : null,
  };
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(PeoplePageQuery, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
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
    <ListPage
      title={t('people.title')}
      intro={t('people.intro')}
      actions={
        viewerCan?.invitePeople ? (
          <>
            <Link className="kern-btn kern-btn--primary" to={peoplePaths.invite}>
              <span className="kern-label">{t('people.invite.link')}</span>
            </Link>
            <Link className="kern-btn kern-btn--secondary" to={peoplePaths.import}>
              <span className="kern-label">{t('people.import.link')}</span>
            </Link>
          </>
        ) : null
      }
      filters={
        <FilterForm
          label={t('people.filter.label')}
          submitLabel={t('members.filter.submit')}
          onSubmit={() => applyFilters({ search: search.trim(), role })}
        >
          <TextField
            id="people-search"
            type="search"
            label={t('people.filter.search')}
            value={search}
            onChange={setSearch}
            required={false}
          />
          <SelectField id="people-role" label={t('people.filter.role')} value={role} onChange={setRole}>
            <option value="">{t('members.filter.all')}</option>
            <option value="COORDINATOR">{t('role.COORDINATOR')}</option>
            <option value="OFFICER">{t('role.OFFICER')}</option>
            <option value="MINISTRY">{t('role.MINISTRY')}</option>
          </SelectField>
        </FilterForm>
      }
    >
      <ListResults
        id="people-results"
        count={connection ? t('people.resultCount', { count: connection.totalCount }) : null}
        error={error}
        onRetry={() => void refetch()}
        loading={networkStatus === NetworkStatus.loading}
        emptyText={t('people.empty')}
        isEmpty={connection?.edges.length === 0}
        hasNextPage={connection?.pageInfo.hasNextPage ?? false}
        onLoadMore={() => void loadMore()}
        loadMoreLabel={t('members.loadMore')}
        loadingMore={networkStatus === NetworkStatus.fetchMore}
      >
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
              {(connection?.edges ?? []).map(({ node }) => (
                <PersonRow key={node.id} person={node} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </ListResults>
    </ListPage>
  );
}
