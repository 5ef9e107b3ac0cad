import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { discussionPaths } from './discussionPaths';
import { ThreadListItem } from './ThreadListItem';
import './discussions.css';

export const ThreadSectionQuery = graphql(`
  query ThreadSection($subjectId: ID!) {
    subjectDiscussions(subjectId: $subjectId) {
      threadCount
      unreadPostCount
      viewerCanStartThread
      threads(first: 5) {
        totalCount
        edges {
          node {
            id
            ...ThreadListItem_thread
          }
        }
      }
    }
  }
`);

/**
 * The discussions on a project, working group, meeting or forum category page: the latest
 * threads with the viewer's unread posts ("3 neue Beiträge") and a link to start one. Nothing
 * when the viewer may not read the subject's discussions.
 */
export default function ThreadSection({
  subjectId,
  headingLevel = 2,
}: {
  subjectId: string;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const { data } = useQuery(ThreadSectionQuery, {
    variables: { subjectId },
    fetchPolicy: 'cache-and-network',
  });
  const discussions = data?.subjectDiscussions;
  if (!discussions) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `discussions-${subjectId}`;
  return (
    <section className="hub-thread-section" aria-labelledby={headingId}>
      <Heading className="kern-heading-medium" id={headingId}>
        {t('discussions.section.heading')}
      </Heading>
      <p className="kern-body">
        {t('discussions.section.summary', { count: discussions.threadCount })}
        {discussions.unreadPostCount > 0 ? (
          <>
            {' '}
            <strong className="kern-badge kern-badge--success">
              {t('discussions.unreadPosts', { count: discussions.unreadPostCount })}
            </strong>
          </>
        ) : null}
      </p>
      {discussions.threads.edges.length ? (
        <ul className="hub-thread-list">
          {discussions.threads.edges.map(({ node }) => (
            <ThreadListItem key={node.id} thread={node} showSubject={false} />
          ))}
        </ul>
      ) : null}
      {discussions.viewerCanStartThread ? (
        <p>
          <Link className="kern-btn kern-btn--secondary" to={discussionPaths.newThread(subjectId)}>
            <span className="kern-label">{t('discussions.section.start')}</span>
          </Link>
        </p>
      ) : null}
    </section>
  );
}
