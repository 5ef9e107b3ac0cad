import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

interface PageProps {
  /** Names the page in the document title, and is its heading unless `heading` is given. */
  title: string;
  heading?: string;
  children?: ReactNode;
}

/** A routed page: sets the document title and renders the page's one h1 (focused after navigation). */
export function Page({ title, heading, children }: PageProps) {
  usePageTitle(title);
  return (
    <>
      <h1 className="kern-heading-large hub-page-heading" tabIndex={-1}>
        {heading ?? title}
      </h1>
      {children}
    </>
  );
}
