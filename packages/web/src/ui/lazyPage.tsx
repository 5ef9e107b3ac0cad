import { type ComponentType, lazy } from 'react';

/**
 * A page in a chunk of its own, loaded on its first visit: `lazyPage(() => import('./X'), 'XPage')`
 * (React.lazy for a named export). The layout's Suspense boundary shows the loading indicator.
 */
export function lazyPage<Module, Name extends keyof Module>(
  load: () => Promise<Module>,
  name: Name,
): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
