import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useViewerCan } from '../../session/useViewerCan';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { notificationPaths } from './notificationPaths';
import { groupBySubject, notificationLine } from './notificationText';
import { useMarkNotificationsRead } from './useMarkNotificationsRead';

const PAGE_SIZE = 30;

const NotificationsPageQuery = graphql(`
  query NotificationsPage($first: Int!, $after: String) {
    unreadNotificationCount
    notifications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...NotificationEntry
        }
      }
    }
  }
`);

/** The inbox: every notification, grouped by subject, newest first; read one by opening it, or all at once. */
export function NotificationsPage() {
  const t = useT();
  const { locale } = useLocale();
  const viewerCan = useViewerCan();
  const { data, loading, fetchMore } = useQuery(NotificationsPageQuery, {
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const [markRead, { loading: marking }] = useMarkNotificationsRead();
  if (loading && !data) return <LoadingIndicator />;
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const unread = data?.unreadNotificationCount ?? 0;

  return (
    <Page title={t('notifications.title')}>
      <div className="hub-toolbar">
        <p>{t('notifications.summary', { count: unread })}</p>
        {unread ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={marking}
            onClick={() => void markRead({ all: true })}
          >
            <span className="kern-label">{t('notifications.markAllRead')}</span>
          </button>
        ) : null}
      </div>
      {items.length ? (
        groupBySubject(items).map((group) => (
          <section key={group.key} className="hub-notification-group" aria-labelledby={`group-${group.key}`}>
            <h2 id={`group-${group.key}`} className="kern-heading-small">
              {group.title}
            </h2>
            <ul className="hub-notification-list">
              {group.items.map((item) => (
                <li
                  key={item.id}
                  className={item.readAt ? 'hub-notification' : 'hub-notification hub-notification--unread'}
                >
                  <Link
                    className="kern-link"
                    to={item.link}
                    onClick={() => (item.readAt ? undefined : void markRead({ ids: [item.id] }))}
                  >
                    {notificationLine(item, locale)}
                  </Link>
                  {item.readAt ? null : (
                    <span className="hub-notification__badge">{t('notifications.unread')}</span>
                  )}
                  <span className="hub-notification__time">{formatDateTime(item.createdAt, locale)}</span>
                  {item.excerpt ? <p className="hub-notification__excerpt">{item.excerpt}</p> : null}
                  {item.readAt ? null : (
                    <button
                      type="button"
                      className="kern-btn kern-btn--tertiary kern-btn--small"
                      onClick={() => void markRead({ ids: [item.id] })}
                    >
                      <span className="kern-label">{t('notifications.markRead')}</span>
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))
      ) : (
        <p>{t('notifications.empty')}</p>
      )}
      {data?.notifications.pageInfo.hasNextPage ? (
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          onClick={() =>
            void fetchMore({
              variables: { after: data.notifications.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                ...fetchMoreResult,
                notifications: {
                  ...fetchMoreResult.notifications,
                  edges: [...previous.notifications.edges, ...fetchMoreResult.notifications.edges],
                },
              }),
            })
          }
        >
          <span className="kern-label">{t('notifications.more')}</span>
        </button>
      ) : null}
      <p>
        <Link className="kern-link" to={`/profil#benachrichtigungen`}>
          {t('notifications.settings.link')}
        </Link>
        {viewerCan?.listMailDeliveries ? (
          <>
            {' · '}
            <Link className="kern-link" to={notificationPaths.deliveries}>
              {t('notifications.deliveries.title')}
            </Link>
          </>
        ) : null}
      </p>
    </Page>
  );
}
