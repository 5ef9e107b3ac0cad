import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { discussionPaths } from './discussionPaths';

export const PostSearchQuery = graphql(`
  query DiscussionPostSearch($text: String!, $first: Int, $after: String) {
    discussionPostSearch(text: $text, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          createdAt
          excerpt
          author {
            displayName
          }
          thread {
            id
            title
          }
        }
      }
    }
  }
`);

/** Posts matching a German full-text search, newest first, each linking to its place in the thread. */
export function PostSearchResults({ text }: { text: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { data, error, networkStatus, fetchMore } = useQuery(PostSearchQuery, {
    variables: { text, first: 20 },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.discussionPostSearch;
  if (error && !connection) return <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />;
  if (!connection) return <LoadingIndicator />;
  return (
    <section aria-labelledby="post-search-results">
      <h2 className="kern-heading-small" id="post-search-results">
        {t('discussions.search.heading', { text })}
      </h2>
      <p className="kern-body" role="status">
        {t('discussions.search.count', { count: connection.totalCount })}
      </p>
      <ul className="hub-thread-list">
        {connection.edges.map(({ node }) => (
          <li key={node.id} className="hub-thread-item">
            <h3 className="kern-title kern-title--small hub-thread-item__title">
              <Link to={discussionPaths.thread(node.thread.id, node.number)}>{node.thread.title}</Link>
            </h3>
            <p className="kern-body kern-body--small hub-thread-item__meta">
              <span>{node.author.displayName}</span>
              <span>{formatDateTime(node.createdAt, locale)}</span>
            </p>
            <p className="kern-body">{node.excerpt}</p>
          </li>
        ))}
      </ul>
      {connection.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={networkStatus === NetworkStatus.fetchMore}
          onClick={() =>
            fetchMore({
              variables: { after: connection.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                discussionPostSearch: {
                  ...fetchMoreResult.discussionPostSearch,
                  edges: [
                    ...previous.discussionPostSearch.edges,
                    ...fetchMoreResult.discussionPostSearch.edges,
                  ],
                },
              }),
            })
          }
        >
          <span className="kern-label">{t('discussions.search.more')}</span>
        </button>
      ) : null}
    </section>
  );
}
