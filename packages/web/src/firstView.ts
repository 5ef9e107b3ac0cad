import type { ApolloCache, DocumentNode } from '@apollo/client';
import { ProjectsPageQuery } from './features/projects/catalogueDocument';
import { SessionQuery } from './session/session';

/** The id of the `<script type="application/json">` in which the API puts a page's first answers. */
export const FIRST_VIEW_ELEMENT_ID = 'hub-first-view';

/** The queries whose answers the API may put into the page (vite.config.ts lists them per route). */
const documents: Record<string, DocumentNode> = { Session: SessionQuery, ProjectsPage: ProjectsPageQuery };

export interface FirstViewAnswer {
  operationName: string;
  variables: Record<string, unknown>;
  data: Record<string, unknown>;
}

/**
 * The answers the API embedded in the page (packages/api/src/server/first-view.ts: the same queries,
 * run for the same viewer while the scripts loaded), read once: a later navigation must not find
 * stale answers. Empty when there are none.
 */
export function readFirstViewAnswers(): FirstViewAnswer[] {
  const element = document.getElementById(FIRST_VIEW_ELEMENT_ID);
  if (!element?.textContent) return [];
  element.remove();
  try {
    return JSON.parse(element.textContent) as FirstViewAnswer[];
  } catch {
    return [];
  }
}

/**
 * Writes a first view's answers into the cache, so that the first render shows them without asking
 * again: in the browser, and on the server that renders the page with them (entry-server.tsx).
 * Returns whether there were any.
 */
export function writeAnswers(cache: ApolloCache, answers: FirstViewAnswer[]): boolean {
  let written = false;
  for (const { operationName, variables, data } of answers) {
    const query = documents[operationName];
    if (!query) continue;
    cache.writeQuery({ query, variables, data });
    written = true;
  }
  return written;
}
