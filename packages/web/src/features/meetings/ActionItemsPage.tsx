import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ActionItemScope } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { ListPage, ListResults } from '../../ui/ListPage';
import { RadioGroup } from '../../ui/RadioGroup';
import { SelectField } from '../../ui/SelectField';
import { useUrlFilters } from '../../ui/useUrlFilters';
import { meetingPaths } from './meetingPaths';
import { OutcomeItem } from './OutcomeItem';
import './meetings.css';
import { Checkbox } from '../../ui/Checkbox';

export const ActionItemsPageQuery = graphql(`
  query ActionItemsPage($filter: ActionItemFilter, $first: Int, $after: String) {
    actionItems(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          meeting {
            id
            title
            workingGroup {
              id
              name
            }
          }
          ...OutcomeItem_outcome
        }
      }
    }
    workingGroups(first: 100, filter: { archived: false }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

const SCOPES: readonly ActionItemScope[] = ['MINE', 'MY_MUNICIPALITY', 'ALL'];

/** The action-item board: what the viewer or their municipality owes, per group, overdue first. */
export function ActionItemsPage() {
  const t = useT();
  const { viewer } = useViewer();
  const [filters, applyFilters] = useUrlFilters({ scope: 'MINE', overdue: false, group: '' });
  const scopes = SCOPES.filter((value) => value !== 'MY_MUNICIPALITY' || viewer?.municipality);
  const scope = scopes.find((value) => value === filters.scope) ?? 'MINE';
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(ActionItemsPageQuery, {
    variables: {
      filter: { scope, overdue: filters.overdue, workingGroupId: filters.group || null },
      first: 50,
    },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const items = data?.actionItems.edges.map((edge) => edge.node) ?? [];
  const loadMore = () =>
    fetchMore({
      variables: { after: data?.actionItems.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        actionItems: {
          ...fetchMoreResult.actionItems,
          edges: [...previous.actionItems.edges, ...fetchMoreResult.actionItems.edges],
        },
      }),
    });

  return (
    <ListPage
      title={t('meetings.board.title')}
      actions={
        <Link className="kern-link" to={meetingPaths.list}>
          {t('meetings.backToList')}
        </Link>
      }
      intro={t('meetings.board.intro')}
      filters={
        <>
          <RadioGroup
            className="hub-meeting-filter"
            name="board-scope"
            legend={t('meetings.board.scope')}
            options={scopes.map((value) => ({ value, label: t(`meetings.board.scope.${value}`) }))}
            value={scope}
            onChange={(value) => applyFilters({ scope: value })}
          >
            <Checkbox
              id="board-overdue"
              label={t('meetings.board.overdueOnly')}
              checked={filters.overdue}
              onChange={(checked) => applyFilters({ overdue: checked })}
            />
          </RadioGroup>
          <div className="hub-meeting-filter">
            <SelectField
              id="board-group"
              label={t('meetings.board.group')}
              value={filters.group}
              onChange={(value) => applyFilters({ group: value })}
            >
              <option value="">{t('meetings.board.allGroups')}</option>
              {data?.workingGroups.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name}
                </option>
              ))}
            </SelectField>
          </div>
        </>
      }
    >
      <ListResults
        id="board-results"
        count={data ? t('meetings.board.count', { count: data.actionItems.totalCount }) : null}
        error={error}
        onRetry={() => void refetch()}
        loading={networkStatus === NetworkStatus.loading}
        emptyText={t('meetings.board.empty')}
        isEmpty={items.length === 0}
        hasNextPage={data?.actionItems.pageInfo.hasNextPage ?? false}
        onLoadMore={() => void loadMore()}
        loadMoreLabel={t('meetings.more')}
        loadingMore={networkStatus === NetworkStatus.fetchMore}
      >
        <ul className="hub-meeting-list">
          {items.map((item) => (
            <OutcomeItem
              key={item.id}
              outcome={item}
              context={[item.meeting?.title, item.meeting?.workingGroup?.name].filter(Boolean).join(' · ')}
            />
          ))}
        </ul>
      </ListResults>
    </ListPage>
  );
}
