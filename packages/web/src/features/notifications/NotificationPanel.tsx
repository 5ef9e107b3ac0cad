import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { notificationPaths } from './notificationPaths';
import { groupBySubject, notificationLine } from './notificationText';
import { useMarkNotificationsRead } from './useMarkNotificationsRead';

const NotificationPopoverQuery = graphql(`
  query NotificationPopover {
    notifications(first: 8) {
      edges {
        node {
          ...NotificationEntry
        }
      }
    }
  }
`);

export const NotificationEntryFragment = graphql(`
  fragment NotificationEntry on Notification {
    id
    kind
    subjectKey
    subjectTitle
    actorName
    excerpt
    link
    createdAt
    readAt
  }
`);

/**
 * The bell's panel: the newest notifications by subject, asked for each time it opens (the last
 * answer shows meanwhile). A chunk of its own, loaded when the bell is first pointed at, focused or
 * opened: the first load of every page carries only the bell.
 */
export default function NotificationPanel({ unreadCount }: { unreadCount: number }) {
  const t = useT();
  const { locale } = useLocale();
  const { data } = useQuery(NotificationPopoverQuery, { fetchPolicy: 'cache-and-network' });
  const [markRead] = useMarkNotificationsRead();
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];

  return (
    <>
      <div className="hub-bell__panel-head">
        <h2 className="kern-heading-small">{t('notifications.title')}</h2>
        {unreadCount ? (
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--small"
            onClick={() => void markRead({ all: true })}
          >
            <span className="kern-label">{t('notifications.markAllRead')}</span>
          </button>
        ) : null}
      </div>
      {items.length ? (
        <ul className="hub-bell__groups">
          {groupBySubject(items).map((group) => (
            <li key={group.key}>
              <h3 className="hub-bell__subject">{group.title}</h3>
              <ul className="hub-bell__entries">
                {group.items.map((item) => (
                  <li key={item.id} className={item.readAt ? undefined : 'hub-notification--unread'}>
                    <Link
                      to={item.link}
                      className="kern-link"
                      onClick={() => (item.readAt ? undefined : void markRead({ ids: [item.id] }))}
                    >
                      {notificationLine(item, locale)}
                    </Link>
                    {item.readAt ? null : (
                      <span className="kern-sr-only"> ({t('notifications.unread')})</span>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p>{data ? t('notifications.empty') : t('app.loading')}</p>
      )}
      <p className="hub-bell__all">
        <Link className="kern-link" to={notificationPaths.inbox}>
          {t('notifications.showAll')}
        </Link>
      </p>
    </>
  );
}
