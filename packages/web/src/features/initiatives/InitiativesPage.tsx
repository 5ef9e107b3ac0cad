import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { InitiativeFilter, InitiativeStatus } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Checkbox } from '../../ui/Checkbox';
import { FilterForm, ListPage, ListResults } from '../../ui/ListPage';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useDraft, useUrlFilters } from '../../ui/useUrlFilters';
import { InitiativeCard } from './InitiativeCard';
import { initiativePaths } from './initiativePaths';
import { methodLabel, roundStatusLabel, statusLabel } from './labels';
import './initiatives.css';

const PAGE_SIZE = 20;

/** The statuses in the order an initiative moves through them. */
export const INITIATIVE_STATUSES: InitiativeStatus[] = [
  'PROPOSED',
  'IN_ROUND',
  'SELECTED',
  'DEFERRED',
  'REJECTED',
  'CALL_OPEN',
  'IN_REALISATION',
  'COMPLETED',
];

export const InitiativesPageQuery = graphql(`
  query InitiativesPage($first: Int, $after: String, $filter: InitiativeFilter) {
    viewerCanProposeInitiative
    viewerCanOpenPrioritisationRound
    initiatives(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...InitiativeCard_initiative
        }
      }
    }
    prioritisationRounds(first: 10) {
      edges {
        node {
          id
          title
          status
          method
          deadline
          closedAt
          viewerCan {
            vote
          }
          viewerBallot {
            updatedAt
          }
        }
      }
    }
  }
`);

const NO_FILTERS = { search: '', status: '', supported: false };

/** "Initiativen": the proposals of the network by search text and status, the prioritisation rounds, proposing and opening rounds. */
export function InitiativesPage() {
  const t = useT();
  const { locale } = useLocale();
  const { viewer } = useViewer();
  const [filters, applyFilters] = useUrlFilters(NO_FILTERS);
  const [search, setSearch] = useDraft(filters.search);
  const [statusDraft, setStatusDraft] = useDraft(filters.status);
  const [supported, setSupported] = useDraft(filters.supported);
  const status = INITIATIVE_STATUSES.find((value) => value === filters.status) ?? null;
  const filter: InitiativeFilter = {
    search: filters.search || null,
    statuses: status ? [status] : null,
    supportedByViewer: filters.supported || null,
  };
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(InitiativesPageQuery, {
    variables: { first: PAGE_SIZE, filter },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const loadMore = () =>
    fetchMore({
      variables: { after: data?.initiatives.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        initiatives: {
          ...fetchMoreResult.initiatives,
          edges: [...previous.initiatives.edges, ...fetchMoreResult.initiatives.edges],
        },
      }),
    });
  const connection = data?.initiatives;
  const rounds = data?.prioritisationRounds.edges.map((edge) => edge.node) ?? [];
  const mayPropose = data?.viewerCanProposeInitiative ?? false;
  const mayOpenRound = data?.viewerCanOpenPrioritisationRound ?? false;
  return (
    <ListPage
      title={t('initiatives.title')}
      intro={t('initiatives.intro')}
      actions={
        mayPropose || mayOpenRound ? (
          <>
            {mayPropose ? (
              <Link className="kern-btn kern-btn--primary" to={initiativePaths.propose}>
                <span className="kern-label">{t('initiatives.propose.link')}</span>
              </Link>
            ) : null}
            {mayOpenRound ? (
              <Link className="kern-btn kern-btn--secondary" to={initiativePaths.openRound}>
                <span className="kern-label">{t('initiatives.openRound.link')}</span>
              </Link>
            ) : null}
          </>
        ) : null
      }
      filters={
        <FilterForm
          label={t('initiatives.filter.label')}
          submitLabel={t('initiatives.filter.submit')}
          onSubmit={() => applyFilters({ search: search.trim(), status: statusDraft, supported })}
        >
          <TextField
            id="initiatives-search"
            type="search"
            label={t('initiatives.filter.search')}
            value={search}
            onChange={setSearch}
            required={false}
          />
          <SelectField
            id="initiatives-status"
            label={t('initiatives.filter.status')}
            value={statusDraft}
            onChange={setStatusDraft}
          >
            <option value="">{t('initiatives.filter.anyStatus')}</option>
            {INITIATIVE_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(statusLabel(value))}
              </option>
            ))}
          </SelectField>
          {viewer?.municipality ? (
            <Checkbox
              id="initiatives-supported"
              label={t('initiatives.filter.supported')}
              checked={supported}
              onChange={setSupported}
            />
          ) : null}
        </FilterForm>
      }
    >
      {data ? (
        <section className="hub-initiative-section" aria-labelledby="initiative-rounds">
          <h2 className="kern-heading-medium" id="initiative-rounds">
            {t('initiatives.rounds.heading')}
          </h2>
          {rounds.some((round) => round.status === 'OPEN') ? null : (
            <p className="kern-body">{t('initiatives.rounds.none')}</p>
          )}
          {rounds.length ? (
            <ul className="hub-initiative-rounds">
              {rounds.map((round) => (
                <li key={round.id}>
                  <Link className="kern-link kern-body--bold" to={initiativePaths.round(round.id)}>
                    {round.title}
                  </Link>
                  <span className="kern-body kern-body--small">
                    {t(roundStatusLabel(round.status))} · {t(methodLabel(round.method))} ·{' '}
                    {round.status === 'OPEN' || !round.closedAt
                      ? t('initiatives.rounds.deadline', { date: formatDateTime(round.deadline, locale) })
                      : t('initiatives.rounds.closedOn', { date: formatDateTime(round.closedAt, locale) })}
                  </span>
                  {round.status === 'OPEN' && round.viewerCan.vote ? (
                    <span className="kern-body kern-body--small">
                      {round.viewerBallot ? t('initiatives.rounds.voted') : t('initiatives.rounds.notVoted')}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
      <ListResults
        id="initiatives-results"
        count={connection ? t('initiatives.count', { count: connection.totalCount }) : null}
        error={error}
        onRetry={() => void refetch()}
        loading={networkStatus === NetworkStatus.loading}
        emptyText={t('initiatives.empty')}
        isEmpty={connection?.edges.length === 0}
        hasNextPage={connection?.pageInfo.hasNextPage ?? false}
        onLoadMore={() => void loadMore()}
        loadMoreLabel={t('initiatives.more')}
        loadingMore={networkStatus === NetworkStatus.fetchMore}
      >
        <ul className="hub-initiative-list">
          {connection?.edges.map(({ node }) => (
            <li key={node.id}>
              <InitiativeCard initiative={node} />
            </li>
          ))}
        </ul>
      </ListResults>
    </ListPage>
  );
}
