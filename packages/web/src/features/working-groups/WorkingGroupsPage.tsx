import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { WorkingGroupFilter } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Checkbox } from '../../ui/Checkbox';
import { FilterForm, ListPage, ListResults } from '../../ui/ListPage';
import { TextField } from '../../ui/TextField';
import { useDraft, useUrlFilters } from '../../ui/useUrlFilters';
import { WorkingGroupCard } from './WorkingGroupCard';
import { workingGroupPaths } from './workingGroupPaths';
import './working-groups.css';
import { useViewerCan } from '../../session/useViewerCan';

const PAGE_SIZE = 20;

export const WorkingGroupsPageQuery = graphql(`
  query WorkingGroupsPage($first: Int, $after: String, $filter: WorkingGroupFilter) {
    workingGroups(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...WorkingGroupCard_workingGroup
        }
      }
    }
  }
`);

const NO_FILTERS = { search: '', archived: false, ownMunicipality: false };

/** The working groups of the network: search, archived ones, the viewer's municipality; create for coordinators. */
export function WorkingGroupsPage() {
  const t = useT();
  const { viewer } = useViewer();
  const viewerCan = useViewerCan();
  const [filters, applyFilters] = useUrlFilters(NO_FILTERS);
  const [search, setSearch] = useDraft(filters.search);
  const [archived, setArchived] = useDraft(filters.archived);
  const [ownMunicipality, setOwnMunicipality] = useDraft(filters.ownMunicipality);
  const municipalityId = viewer?.municipality?.id ?? null;
  const filter: WorkingGroupFilter = {
    archived: filters.archived,
    search: filters.search || null,
    memberMunicipalityId: filters.ownMunicipality && municipalityId ? municipalityId : null,
  };
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(WorkingGroupsPageQuery, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const loadMore = () =>
    fetchMore({
      variables: { after: data?.workingGroups.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        workingGroups: {
          ...fetchMoreResult.workingGroups,
          edges: [...previous.workingGroups.edges, ...fetchMoreResult.workingGroups.edges],
        },
      }),
    });

  const connection = data?.workingGroups;
  return (
    <ListPage
      title={t('workingGroups.title')}
      intro={t('workingGroups.intro')}
      actions={
        viewerCan?.createWorkingGroup ? (
          <Link className="kern-btn kern-btn--primary" to={workingGroupPaths.create}>
            <span className="kern-label">{t('workingGroups.create.link')}</span>
          </Link>
        ) : null
      }
      filters={
        <FilterForm
          label={t('workingGroups.filter.label')}
          submitLabel={t('workingGroups.filter.submit')}
          className="hub-wg-filter"
          onSubmit={() => applyFilters({ search: search.trim(), archived, ownMunicipality })}
        >
          <TextField
            id="wg-search"
            type="search"
            label={t('workingGroups.filter.search')}
            value={search}
            onChange={setSearch}
            required={false}
          />
          <Checkbox
            id="wg-archived"
            label={t('workingGroups.filter.archived')}
            checked={archived}
            onChange={setArchived}
          />
          {municipalityId ? (
            <Checkbox
              id="wg-own-municipality"
              label={t('workingGroups.filter.ownMunicipality')}
              checked={ownMunicipality}
              onChange={setOwnMunicipality}
            />
          ) : null}
        </FilterForm>
      }
    >
      <ListResults
        id="wg-results"
        count={connection ? t('workingGroups.resultCount', { count: connection.totalCount }) : null}
        error={error}
        onRetry={() => void refetch()}
        loading={networkStatus === NetworkStatus.loading}
        emptyText={t('workingGroups.empty')}
        isEmpty={connection?.edges.length === 0}
        hasNextPage={connection?.pageInfo.hasNextPage ?? false}
        onLoadMore={() => void loadMore()}
        loadMoreLabel={t('workingGroups.loadMore')}
        loadingMore={networkStatus === NetworkStatus.fetchMore}
      >
        <ul className="hub-wg-list">
          {connection?.edges.map(({ node }) => (
            <li key={node.id}>
              <WorkingGroupCard workingGroup={node} />
            </li>
          ))}
        </ul>
      </ListResults>
    </ListPage>
  );
}
