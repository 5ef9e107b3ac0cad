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

/** The sections of the hub; the current one is marked with aria-current="page". */
export function MainNavigation({ items, viewer }: { items: readonly NavigationItem[]; viewer: Viewer }) {
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
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}
