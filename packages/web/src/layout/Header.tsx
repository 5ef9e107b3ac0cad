import { Link } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { peoplePaths } from '../features/people/peoplePaths';
import { useT } from '../i18n';
import { paths } from '../paths';
import { type Viewer, viewerAffiliation } from '../session/useViewer';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { SignOutButton } from './SignOutButton';

/** Product name, the search box, who is signed in, the language switch and sign-out. */
export function Header({ viewer }: { viewer: Viewer | null }) {
  const t = useT();
  const affiliation = viewer ? viewerAffiliation(viewer) : null;
  return (
    <header className="hub-header">
      <div className="kern-container hub-header__inner">
        <Link className="hub-header__brand" to={paths.home}>
          {t('app.name')}
        </Link>
        <HeaderSearch />
        <div className="hub-header__tools">
          {viewer ? (
            <p className="hub-header__viewer">
              <span className="kern-sr-only">{t('header.signedInAs')} </span>
              <span className="hub-header__viewer-name">{viewer.name}</span>
              <span className="hub-header__viewer-role">
                {t(`role.${viewer.role}`)}
                {affiliation ? `, ${affiliation}` : null}
              </span>
            </p>
          ) : null}
          {viewer ? <NotificationBell /> : null}
          {viewer ? (
            <Link className="kern-link hub-header__profile" to={peoplePaths.profile}>
              {t('people.profile.title')}
            </Link>
          ) : null}
          <LanguageSwitch />
          {viewer ? <SignOutButton /> : null}
        </div>
      </div>
    </header>
  );
}
