import { useLazyQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { notificationPaths } from './notificationPaths';
import { groupBySubject, notificationLine } from './notificationText';
import { useMarkNotificationsRead } from './useMarkNotificationsRead';
import { useUnreadNotificationCount } from './useUnreadNotificationCount';

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

/** The bell in the header: the unread count, and on click the newest notifications by subject. */
export function NotificationBell() {
  const t = useT();
  const { locale } = useLocale();
  const count = useUnreadNotificationCount(true);
  const [open, setOpen] = useState(false);
  const [load, { data, refetch }] = useLazyQuery(NotificationPopoverQuery, { fetchPolicy: 'network-only' });
  const [markRead] = useMarkNotificationsRead();
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { pathname } = useLocation();

  useEffect(() => {
    if (pathname) setOpen(false);
  }, [pathname]);

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: MouseEvent) => {
      if (!panel.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node))
        setOpen(false);
    };
    document.addEventListener('mousedown', closeOutside);
    return () => document.removeEventListener('mousedown', closeOutside);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    // Escape closes the popover from anywhere in it, and the focus goes back to the bell.
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [open]);

  const toggle = () => {
    if (!open) void (data ? refetch() : load());
    setOpen(!open);
  };
  const items = data?.notifications.edges.map((edge) => edge.node) ?? [];
  const label = count ? t('notifications.bell.unread', { count }) : t('notifications.bell.none');

  return (
    <div className="hub-bell">
      <button
        ref={button}
        type="button"
        className="kern-btn kern-btn--tertiary hub-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={toggle}
      >
        <svg aria-hidden="true" focusable="false" width="22" height="22" viewBox="0 0 24 24">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {count ? (
          <span className="hub-bell__count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      <div ref={panel} id={panelId} className="hub-bell__panel" hidden={!open}>
        <div className="hub-bell__panel-head">
          <h2 className="kern-heading-small">{t('notifications.title')}</h2>
          {count ? (
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
      </div>
    </div>
  );
}
