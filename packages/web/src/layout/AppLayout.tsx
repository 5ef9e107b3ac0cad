import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useT } from '../i18n';
import { useNoticeMessage } from '../session/notices';
import { useViewer } from '../session/useViewer';
import { useViewerLocaleSync } from '../session/useViewerLocaleSync';
import { Alert } from '../ui/Alert';
import { Footer } from './Footer';
import { Header } from './Header';
import { MainNavigation, type NavigationItem } from './MainNavigation';
import { mainContentId, SkipLink } from './SkipLink';

/** The frame of every page: skip link, header, navigation (when signed in), main content, footer. */
export function AppLayout({ navigation }: { navigation: readonly NavigationItem[] }) {
  const t = useT();
  const { viewer } = useViewer();
  const notice = useNoticeMessage();
  useViewerLocaleSync(viewer);
  useFocusOnNavigation();

  return (
    <div className="hub-app">
      <SkipLink />
      <Header viewer={viewer} />
      {viewer ? <MainNavigation items={navigation} /> : null}
      <main id={mainContentId} className="kern-container hub-main" tabIndex={-1}>
        {notice ? <Alert variant="success" title={t(notice)} role="status" /> : null}
        <Outlet />
      </main>
      <Footer />
    </div>
  );
}

/**
 * After client-side navigation, moves the focus to the new page's heading (or the main area), as a full
 * page load would reset it, so that screen-reader users learn that the page changed.
 */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    const main = document.getElementById(mainContentId);
    const target = main?.querySelector<HTMLElement>('h1') ?? main;
    target?.focus();
  }, [pathname]);
}
