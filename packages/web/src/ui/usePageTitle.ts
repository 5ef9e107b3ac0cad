import { useEffect } from 'react';
import { useT } from '../i18n';

/** Sets the document title, so each route announces itself in tabs, history and screen readers. */
export function usePageTitle(page: string): void {
  const t = useT();
  useEffect(() => {
    document.title = t('app.pageTitle', { page });
  }, [page, t]);
}
