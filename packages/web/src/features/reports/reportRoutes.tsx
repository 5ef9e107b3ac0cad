import { lazy, type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { withPageMessages } from '../../i18n';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { reportPaths } from './reportPaths';

// Every report page is its own chunk: the first load of the app carries none of them (nor chart.js).
const ReportsPage = lazy(() => withPageMessages(import('./ReportsPage')));
const CreateReportPage = lazy(() => withPageMessages(import('./CreateReportPage')));
const ReportPage = lazy(() => withPageMessages(import('./ReportPage')));
const EditReportPage = lazy(() => withPageMessages(import('./EditReportPage')));
const KeyFiguresPage = lazy(() => withPageMessages(import('./KeyFiguresPage')));

const loading = (page: ReactNode) => <Suspense fallback={<LoadingIndicator />}>{page}</Suspense>;

/** The "Berichte" entry of the main navigation. */
export const reportsSection = {
  path: reportPaths.list,
  label: 'nav.reports' as const,
  element: loading(<ReportsPage />),
};

/** The report pages without a navigation entry (signed-in people). */
export const reportPages: RouteObject[] = [
  { path: reportPaths.create, element: loading(<CreateReportPage />) },
  { path: reportPaths.editPattern, element: loading(<EditReportPage />) },
  { path: reportPaths.detailPattern, element: loading(<ReportPage />) },
  { path: reportPaths.keyFigures, element: loading(<KeyFiguresPage />) },
];
