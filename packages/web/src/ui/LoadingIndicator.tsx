import { useT } from '../i18n';

/** Tells sighted and screen-reader users alike that content is on its way. */
export function LoadingIndicator() {
  const t = useT();
  return (
    <div className="hub-loading" role="status">
      <span className="kern-loader kern-loader--visible hub-loading__spinner" aria-hidden="true" />
      <span className="kern-body">{t('app.loading')}</span>
    </div>
  );
}
