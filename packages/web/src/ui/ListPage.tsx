import type { FormEvent, ReactNode } from 'react';
import { apiErrorMessage } from '../errors/apiErrors';
import { useT } from '../i18n';
import { Alert } from './Alert';
import { LoadingIndicator } from './LoadingIndicator';
import { Page } from './Page';

interface ListPageProps {
  title: string;
  intro?: ReactNode;
  /** Links and buttons above the filters ("Create", "Import", …). */
  actions?: ReactNode;
  /** Usually a FilterForm. */
  filters?: ReactNode;
  /** Usually ListResults, with whatever the page shows after it. */
  children: ReactNode;
}

/** The frame every list page shares: title, intro, actions, filters, then the results. */
export function ListPage({ title, intro, actions, filters, children }: ListPageProps) {
  return (
    <Page title={title}>
      {intro ? <p className="kern-body">{intro}</p> : null}
      {actions ? <div className="hub-list-page__actions">{actions}</div> : null}
      {filters}
      {children}
    </Page>
  );
}

interface FilterFormProps {
  /** Names the search landmark ("Arbeitsgruppen filtern"). */
  label: string;
  submitLabel: string;
  onSubmit: () => void;
  /** The form's layout: `hub-list-filter` (fields side by side) unless given. */
  className?: string;
  children: ReactNode;
}

/** A list page's filters: a search landmark with a form applied by its one submit button. */
export function FilterForm({
  label,
  submitLabel,
  onSubmit,
  className = 'hub-list-filter',
  children,
}: FilterFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <search aria-label={label}>
      <form className={className} onSubmit={submit}>
        {children}
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary">
            <span className="kern-label">{submitLabel}</span>
          </button>
        </div>
      </form>
    </search>
  );
}

interface ListResultsProps {
  /** Id of the result count, which names the results section. */
  id: string;
  /** "12 Arbeitsgruppen"; null while nothing is loaded yet. */
  count: string | null;
  /** A failed first load; shown with a retry button when nothing is loaded. */
  error?: unknown;
  onRetry?: () => void;
  /** The first load is under way. */
  loading: boolean;
  /** Shown instead of the list when the loaded list is empty. */
  emptyText: string;
  isEmpty: boolean;
  hasNextPage: boolean;
  onLoadMore: () => void;
  loadMoreLabel: string;
  loadingMore?: boolean;
  /** The list or table of the loaded items. */
  children: ReactNode;
  /** Shown below the list once loaded (exports, a calendar's month buttons, …). */
  footer?: ReactNode;
}

/**
 * The results of a list page: a failed load with a retry, the loading indicator, the result count
 * (announced politely when a filter changes it), the list or the empty state, and "load more".
 */
export function ListResults({
  id,
  count,
  error,
  onRetry,
  loading,
  emptyText,
  isEmpty,
  hasNextPage,
  onLoadMore,
  loadMoreLabel,
  loadingMore,
  children,
  footer,
}: ListResultsProps) {
  const t = useT();
  return (
    <>
      {error && count === null ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          {onRetry ? (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={onRetry}>
              <span className="kern-label">{t('error.retry')}</span>
            </button>
          ) : null}
        </Alert>
      ) : null}
      {count === null && loading ? <LoadingIndicator /> : null}
      {count !== null ? (
        <section aria-labelledby={id} className="hub-list-results">
          <h2 className="kern-heading-medium" id={id} aria-live="polite">
            {count}
          </h2>
          {isEmpty ? <p className="kern-body">{emptyText}</p> : children}
          {hasNextPage ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={onLoadMore}
              aria-disabled={loadingMore || undefined}
            >
              <span className="kern-label">{loadMoreLabel}</span>
            </button>
          ) : null}
          {footer}
        </section>
      ) : null}
    </>
  );
}
