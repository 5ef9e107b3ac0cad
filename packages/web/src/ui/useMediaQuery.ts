import { useSyncExternalStore } from 'react';

/** Phones and narrow windows: below this width, pages fold side panels and wide grids away. */
export const narrowScreen = '(max-width: 48rem)';

/** Whether a CSS media query matches now; re-renders when that changes (rotating a phone). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}
