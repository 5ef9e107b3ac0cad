import type { MouseEvent } from 'react';
import { useT } from '../i18n';

export const mainContentId = 'main-content';

/** The first focusable element: lets keyboard users jump past header and navigation. */
export function SkipLink() {
  const t = useT();
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(mainContentId);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="hub-skip-link" href={`#${mainContentId}`} onClick={skipToMain}>
      {t('app.skipToContent')}
    </a>
  );
}
