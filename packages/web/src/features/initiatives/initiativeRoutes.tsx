import type { RouteObject } from 'react-router';
import { lazyPage } from '../../ui/lazyPage';
import { initiativePaths } from './initiativePaths';

// Every initiative page is a chunk of its own: the first load of the app carries none of them.
const InitiativesPage = lazyPage(() => import('./InitiativesPage'), 'InitiativesPage');
const InitiativePage = lazyPage(() => import('./InitiativePage'), 'InitiativePage');
const ProposeInitiativePage = lazyPage(() => import('./ProposeInitiativePage'), 'ProposeInitiativePage');
const OpenRoundPage = lazyPage(() => import('./OpenRoundPage'), 'OpenRoundPage');
const RoundPage = lazyPage(() => import('./RoundPage'), 'RoundPage');

/** The "Initiativen" entry of the main navigation. */
export const initiativesSection = {
  path: initiativePaths.list,
  label: 'nav.initiatives' as const,
  element: <InitiativesPage />,
};

/** The initiative pages without a navigation entry (signed-in people). */
export const initiativePages: RouteObject[] = [
  { path: initiativePaths.propose, element: <ProposeInitiativePage /> },
  { path: initiativePaths.openRound, element: <OpenRoundPage /> },
  { path: initiativePaths.roundPattern, element: <RoundPage /> },
  { path: initiativePaths.detailPattern, element: <InitiativePage /> },
];
