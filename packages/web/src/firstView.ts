import type { ApolloCache, DocumentNode } from '@apollo/client';
import { ProjectsPageQuery } from './features/projects/catalogueDocument';
import { SessionQuery } from './session/session';

/** The id of the `<script type="application/json">` in which the API puts a page's first answers. */
export const FIRST_VIEW_ELEMENT_ID = 'hub-first-view';

/** The queries whose answers the API may put into the page (vite.config.ts lists them per route). */
const documents: Record<string, DocumentNode> = { Session: SessionQuery, ProjectsPage: ProjectsPageQuery };

interface FirstViewAnswer {
  operationName: string;
  variables: Record<string, unknown>;
  data: Record<string, unknown>;
}

/**
 * Writes the answers the API embedded in the page (packages/api/src/server/first-view.ts: the same
 * queries, run for the same viewer while the scripts loaded) into the cache, so that the first
 * render shows them without asking again. Returns whether there were any.
 */
export function writeFirstViewAnswers(cache: ApolloCache): boolean {
  const element = document.getElementById(FIRST_VIEW_ELEMENT_ID);
  if (!element?.textContent) return false;
  let answers: FirstViewAnswer[];
  try {
    answers = JSON.parse(element.textContent) as FirstViewAnswer[];
  } catch {
    return false;
  }
  // Read once: a later navigation must not find stale answers.
  element.remove();
  let written = false;
  for (const { operationName, variables, data } of answers) {
    const query = documents[operationName];
    if (!query) continue;
    cache.writeQuery({ query, variables, data });
    written = true;
  }
  return written;
}
