import { lazy, Suspense } from 'react';

const ThreadSection = lazy(() => import('./ThreadSection'));

/** The discussions section of a subject page, loaded with its code only when the page shows. */
export function LazyThreadSection({ subjectId }: { subjectId: string }) {
  return (
    <Suspense fallback={null}>
      <ThreadSection subjectId={subjectId} />
    </Suspense>
  );
}
