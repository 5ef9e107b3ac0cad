import { NavLink } from 'react-router';
import { type PlainMessageKey, useT } from '../i18n';
import { paths } from '../paths';
import type { Viewer } from '../session/useViewer';

export interface NavigationItem {
  path: string;
  label: PlainMessageKey;
  /** Only for viewers this says yes to; everyone when absent. */
  shownTo?: (viewer: Viewer) => boolean;
}

/**
 * The sections of the hub; the current one is marked with aria-current="page". `unread` counts
 * new things per section path: shown as a badge, and said in the link's name (not by colour alone).
 */
export function MainNavigation({
  items,
  viewer,
  unread = {},
}: {
  items: readonly NavigationItem[];
  viewer: Viewer;
  unread?: Readonly<Record<string, number>>;
}) {
  const t = useT();
  return (
    <nav className="hub-nav" aria-label={t('nav.label')}>
      <ul className="kern-container hub-nav__list">
        {items
          .filter((item) => !item.shownTo || item.shownTo(viewer))
          .map((item) => (
            <li key={item.path}>
              <NavLink className="hub-nav__link" to={item.path} end={item.path === paths.home}>
                {t(item.label)}
                {unread[item.path] ? (
                  <>
                    <span className="hub-nav__badge" aria-hidden="true">
                      {unread[item.path] > 99 ? '99+' : unread[item.path]}
                    </span>
                    <span className="kern-sr-only">
                      {` (${t('nav.unread', { count: unread[item.path] })})`}
                    </span>
                  </>
                ) : null}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
