import { type ComponentType, lazy } from 'react';
import { withPageMessages } from '../i18n';

/**
 * A page in a chunk of its own, loaded on its first visit: `lazyPage(() => import('./X'), 'XPage')`
 * (React.lazy for a named export). It renders once its chunk and the pages' messages (i18n/de.pages.ts)
 * are there; the layout's Suspense boundary shows the loading indicator meanwhile.
 */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
): ComponentType {
  return lazy(async () => ({ default: (await withPageMessages(load()))[name] as ComponentType }));
}
