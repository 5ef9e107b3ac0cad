import { NavLink } from 'react-router';
import { type PlainMessageKey, useT } from '../i18n';
import { paths } from '../paths';

export interface NavigationItem {
  path: string;
  label: PlainMessageKey;
}

/** The sections of the hub; the current one is marked with aria-current="page". */
export function MainNavigation({ items }: { items: readonly NavigationItem[] }) {
  const t = useT();
  return (
    <nav className="hub-nav" aria-label={t('nav.label')}>
      <ul className="kern-container hub-nav__list">
        {items.map((item) => (
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
