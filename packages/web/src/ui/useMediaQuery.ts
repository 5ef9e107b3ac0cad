import { useSyncExternalStore } from 'react';

/** Phones and narrow windows: below this width, pages fold side panels and wide grids away. */
export const narrowScreen = '(max-width: 48rem)';

/**
 * Whether a CSS media query matches now; re-renders when that changes (rotating a phone). Null while
 * the server renders a first view and while the app takes that markup over (entry-server.tsx): the
 * server cannot know the screen, so a page then draws both forms and lets the stylesheet show one
 * (`hub-narrow-only`, `hub-wide-only`); the next render has the answer.
 */
export function useMediaQuery(query: string): boolean | null {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => null,
  );
}
