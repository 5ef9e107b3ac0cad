import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useUnreadDiscussionCount } from '../features/discussions/useUnreadDiscussionCount';
import { useT } from '../i18n';
import { paths } from '../paths';
import { useNoticeMessage } from '../session/notices';
import { useViewer } from '../session/useViewer';
import { useViewerLocaleSync } from '../session/useViewerLocaleSync';
import { Alert } from '../ui/Alert';
import { LoadingIndicator } from '../ui/LoadingIndicator';
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
  const unreadDiscussions = useUnreadDiscussionCount(Boolean(viewer));
  useFocusOnNavigation();

  return (
    <div className="hub-app">
      <SkipLink />
      <Header viewer={viewer} />
      {viewer ? (
        <MainNavigation
          items={navigation}
          viewer={viewer}
          unread={{ [paths.discussions]: unreadDiscussions }}
        />
      ) : null}
      <main id={mainContentId} className="kern-container hub-main" tabIndex={-1}>
        {notice ? <Alert variant="success" title={t(notice)} role="status" /> : null}
        {/* Pages are loaded on their first visit (lazyPage): the indicator stands in meanwhile. */}
        <Suspense fallback={<LoadingIndicator />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
    </div>
  );
}

/**
 * After client-side navigation, opens the new page at its top and moves the focus to its heading (or
 * the main area), as a full page load would, so that screen-reader users learn that the page changed.
 * A page that loads its data shows its heading later: the focus follows once it appears.
 */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation();
  const previousPathname = useRef(pathname);

  useEffect(() => {
    if (previousPathname.current === pathname) return;
    previousPathname.current = pathname;
    window.scrollTo(0, 0);
    const main = document.getElementById(mainContentId);
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.focus();
      return;
    }
    main.focus({ preventScroll: true });
    const waitForHeading = new MutationObserver(() => {
      const appeared = main.querySelector<HTMLElement>('h1');
      if (!appeared) return;
      waitForHeading.disconnect();
      // Only if the person has not moved on meanwhile (clicked or tabbed somewhere).
      if (document.activeElement === main || document.activeElement === document.body) appeared.focus();
    });
    waitForHeading.observe(main, { childList: true, subtree: true });
    const giveUp = setTimeout(() => waitForHeading.disconnect(), 10_000);
    return () => {
      waitForHeading.disconnect();
      clearTimeout(giveUp);
    };
  }, [pathname]);
}
