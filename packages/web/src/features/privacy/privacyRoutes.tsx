import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { withPageMessages } from '../../i18n';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { privacyPaths } from './privacyPaths';

// Loaded on demand: none of these pages is on the way of a first visit.
const AuditTrailPage = lazy(() => withPageMessages(import('./AuditTrailPage')));
const PrivacyNoticePage = lazy(() => withPageMessages(import('./PrivacyNoticePage')));
const ProcessingRecordPage = lazy(() => withPageMessages(import('./ProcessingRecordPage')));
const ImprintPage = lazy(() => withPageMessages(import('./ImprintPage')));

const page = (Component: React.ComponentType) => (
  <Suspense fallback={<LoadingIndicator />}>
    <Component />
  </Suspense>
);

/** The audit trail's page, for signed-in people (the API decides who may read it). */
export const auditTrailElement = page(AuditTrailPage);

/** The documents anyone may read: the privacy notice, the processing record and the imprint. */
export const privacyPublicPages: RouteObject[] = [
  { path: privacyPaths.privacyNotice, element: page(PrivacyNoticePage) },
  { path: privacyPaths.processingRecord, element: page(ProcessingRecordPage) },
  { path: privacyPaths.imprint, element: page(ImprintPage) },
];
