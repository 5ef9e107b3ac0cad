import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { WorkingGroupFilter } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { WorkingGroupCard } from './WorkingGroupCard';
import { workingGroupPaths } from './workingGroupPaths';
import './working-groups.css';

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

/** The working groups of the network: search, archived ones, the viewer's municipality; create for coordinators. */
export function WorkingGroupsPage() {
  const t = useT();
  const { viewer } = useViewer();
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [ownMunicipality, setOwnMunicipality] = useState(false);
  const [filter, setFilter] = useState<WorkingGroupFilter>({ archived: false });
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(WorkingGroupsPageQuery, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const municipalityId = viewer?.municipality?.id ?? null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFilter({
      archived,
      search: search.trim() || null,
      memberMunicipalityId: ownMunicipality && municipalityId ? municipalityId : null,
    });
  };

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
    <Page title={t('workingGroups.title')}>
      <p className="kern-body">{t('workingGroups.intro')}</p>
      {viewer?.role === 'COORDINATOR' ? (
        <p>
          <Link className="kern-btn kern-btn--primary" to={workingGroupPaths.create}>
            <span className="kern-label">{t('workingGroups.create.link')}</span>
          </Link>
        </p>
      ) : null}

      <search aria-label={t('workingGroups.filter.label')}>
        <form className="hub-wg-filter" onSubmit={submit}>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="wg-search">
              {t('workingGroups.filter.search')}
            </label>
            <input
              className="kern-form-input__input"
              id="wg-search"
              name="search"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              id="wg-archived"
              type="checkbox"
              checked={archived}
              onChange={(event) => setArchived(event.target.checked)}
            />
            <label className="kern-label" htmlFor="wg-archived">
              {t('workingGroups.filter.archived')}
            </label>
          </div>
          {municipalityId ? (
            <div className="kern-form-check">
              <input
                className="kern-form-check__checkbox"
                id="wg-own-municipality"
                type="checkbox"
                checked={ownMunicipality}
                onChange={(event) => setOwnMunicipality(event.target.checked)}
              />
              <label className="kern-label" htmlFor="wg-own-municipality">
                {t('workingGroups.filter.ownMunicipality')}
              </label>
            </div>
          ) : null}
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-label">{t('workingGroups.filter.submit')}</span>
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
        <section aria-labelledby="wg-results">
          <p className="kern-body" id="wg-results" role="status">
            {t('workingGroups.resultCount', { count: connection.totalCount })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="kern-body">{t('workingGroups.empty')}</p>
          ) : (
            <ul className="hub-wg-list">
              {connection.edges.map(({ node }) => (
                <li key={node.id}>
                  <WorkingGroupCard workingGroup={node} />
                </li>
              ))}
            </ul>
          )}
          {connection.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={loadMore}
              aria-disabled={networkStatus === NetworkStatus.fetchMore || undefined}
            >
              <span className="kern-label">{t('workingGroups.loadMore')}</span>
            </button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
