import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ThreadListItem_ThreadFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { discussionPaths } from './discussionPaths';

export const ThreadListItemFragment = graphql(`
  fragment ThreadListItem_thread on DiscussionThread {
    id
    title
    subjectType
    subject {
      id
      title
    }
    author {
      displayName
    }
    postCount
    lastPostAt
    locked
    pinned
    unreadCount
    firstUnreadPostNumber
  }
`);

/** One thread in a list: title, subject, activity and the viewer's unread posts. */
export function ThreadListItem({
  thread,
  showSubject = true,
}: {
  thread: ThreadListItem_ThreadFragment;
  showSubject?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <li className="hub-thread-item">
      <h3 className="kern-title kern-title--small hub-thread-item__title">
        <Link to={discussionPaths.thread(thread.id)}>{thread.title}</Link>
      </h3>
      <p className="kern-body kern-body--small hub-thread-item__meta">
        {showSubject && thread.subject ? (
          <span>
            {t(`discussions.subjectType.${thread.subjectType}`)}: {thread.subject.title}
          </span>
        ) : null}
        <span>{t('discussions.startedBy', { name: thread.author.displayName })}</span>
        <span>{t('discussions.postCount', { count: thread.postCount })}</span>
        <span>{t('discussions.lastActivity', { when: formatDateTime(thread.lastPostAt, locale) })}</span>
      </p>
      <p className="hub-thread-item__badges">
        {thread.pinned ? (
          <span className="kern-badge kern-badge--info">{t('discussions.pinned')}</span>
        ) : null}
        {thread.locked ? (
          <span className="kern-badge kern-badge--warning">{t('discussions.locked')}</span>
        ) : null}
        {thread.unreadCount > 0 && thread.firstUnreadPostNumber ? (
          <Link
            className="kern-badge kern-badge--success hub-thread-item__unread"
            to={discussionPaths.thread(thread.id, thread.firstUnreadPostNumber)}
          >
            {t('discussions.unreadPosts', { count: thread.unreadCount })}
          </Link>
        ) : null}
      </p>
    </li>
  );
}
