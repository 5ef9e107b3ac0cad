import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { ActionItemScope } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { actionItemParams, meetingPaths } from './meetingPaths';
import { OutcomeItem } from './OutcomeItem';
import './meetings.css';
import { Select } from '../../ui/Select';

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

/** The action-item board: what the viewer or their municipality owes, per group, overdue first. */
export function ActionItemsPage() {
  const t = useT();
  const { viewer } = useViewer();
  const [scope, setScope] = useState<ActionItemScope>('MINE');
  // The start page links here with only the overdue items shown.
  const [linked] = useSearchParams();
  const [overdue, setOverdue] = useState(() => linked.get(actionItemParams.overdue) === '1');
  const [groupId, setGroupId] = useState('');
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(ActionItemsPageQuery, {
    variables: { filter: { scope, overdue, workingGroupId: groupId || null }, first: 50 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const scopes: ActionItemScope[] = viewer?.municipality
    ? ['MINE', 'MY_MUNICIPALITY', 'ALL']
    : ['MINE', 'ALL'];
  const items = data?.actionItems.edges.map((edge) => edge.node) ?? [];

  return (
    <Page title={t('meetings.board.title')}>
      <p>
        <Link className="kern-link" to={meetingPaths.list}>
          {t('meetings.backToList')}
        </Link>
      </p>
      <p className="kern-body">{t('meetings.board.intro')}</p>
      <fieldset className="kern-fieldset hub-meeting-filter">
        <legend className="kern-label">{t('meetings.board.scope')}</legend>
        <div className="kern-fieldset__body">
          {scopes.map((value) => (
            <div className="kern-form-check" key={value}>
              <input
                className="kern-form-check__radio"
                type="radio"
                name="board-scope"
                id={`board-scope-${value}`}
                checked={scope === value}
                onChange={() => setScope(value)}
              />
              <label className="kern-label" htmlFor={`board-scope-${value}`}>
                {t(`meetings.board.scope.${value}`)}
              </label>
            </div>
          ))}
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              type="checkbox"
              id="board-overdue"
              checked={overdue}
              onChange={(e) => setOverdue(e.target.checked)}
            />
            <label className="kern-label" htmlFor="board-overdue">
              {t('meetings.board.overdueOnly')}
            </label>
          </div>
        </div>
      </fieldset>
      <div className="kern-form-input hub-meeting-filter">
        <label className="kern-label" htmlFor="board-group">
          {t('meetings.board.group')}
        </label>
        <Select id="board-group" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          <option value="">{t('meetings.board.allGroups')}</option>
          {data?.workingGroups.edges.map(({ node }) => (
            <option key={node.id} value={node.id}>
              {node.name}
            </option>
          ))}
        </Select>
      </div>
      {error && !data ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {!data && networkStatus === NetworkStatus.loading ? <LoadingIndicator /> : null}
      {data ? (
        <section aria-labelledby="board-results">
          <h2 className="kern-heading-medium" id="board-results">
            {t('meetings.board.count', { count: data.actionItems.totalCount })}
          </h2>
          {items.length === 0 ? <p className="kern-body">{t('meetings.board.empty')}</p> : null}
          <ul className="hub-meeting-list">
            {items.map((item) => (
              <OutcomeItem
                key={item.id}
                outcome={item}
                context={[item.meeting?.title, item.meeting?.workingGroup?.name].filter(Boolean).join(' · ')}
              />
            ))}
          </ul>
          {data.actionItems.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() =>
                fetchMore({
                  variables: { after: data.actionItems.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    ...fetchMoreResult,
                    actionItems: {
                      ...fetchMoreResult.actionItems,
                      edges: [...previous.actionItems.edges, ...fetchMoreResult.actionItems.edges],
                    },
                  }),
                })
              }
            >
              <span className="kern-label">{t('meetings.more')}</span>
            </button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
