import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../../i18n';
import { useUnreadNotificationCount } from './useUnreadNotificationCount';

/** The panel's chunk: fetched when the bell is first pointed at or focused, so a click finds it. */
const loadPanel = () => import('./NotificationPanel');
const NotificationPanel = lazy(loadPanel);

/** The bell in the header: the unread count, and on click the panel of the newest notifications. */
export function NotificationBell() {
  const t = useT();
  const count = useUnreadNotificationCount(true);
  const [open, setOpen] = useState(false);
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

  const toggle = () => setOpen(!open);
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
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
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
        {open ? (
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <NotificationPanel unreadCount={count} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
