import path from 'node:path';
import { addTypenameToDocument } from '@apollo/client/utilities';
import { type DocumentNode, print } from 'graphql';
import type { Plugin } from 'vite';
import { readGeneratedDocuments } from './graphqlDocumentImports';

/** One query the first render of a page runs, by its GraphQL name, with the variables it runs it with. */
export interface FirstViewOperation {
  operationName: string;
  variables: Record<string, unknown>;
  /** Run only for a signed-in viewer (the page sends anonymous visitors to the sign-in page). */
  viewerOnly?: boolean;
}

/** What the build writes to `dist/first-view.json` for the API (packages/api/src/server/first-view.ts). */
export interface FirstViewFile {
  routes: Record<
    string,
    { operationName: string; query: string; variables: Record<string, unknown>; viewerOnly: boolean }[]
  >;
}

export const FIRST_VIEW_FILE = 'first-view.json';

/**
 * Writes, for each listed route, the queries its first render runs as Apollo Client sends them
 * (`__typename` added to every selection, as the cache does), so that the API can run them while
 * the browser loads the scripts and put the answers into the page: they land in the cache under
 * the keys the page reads (src/firstView.ts), and the cards show in the first render.
 */
export function firstViewOperations(
  generatedDir: string,
  routes: Record<string, FirstViewOperation[]>,
): Plugin {
  return {
    name: 'hub-first-view-operations',
    apply: 'build',
    generateBundle() {
      const documents = readGeneratedDocuments(path.join(generatedDir, 'graphql.ts'));
      const file: FirstViewFile = { routes: {} };
      for (const [route, operations] of Object.entries(routes)) {
        file.routes[route] = operations.map(({ operationName, variables, viewerOnly = false }) => {
          const json = documents.get(operationName);
          if (!json) throw new Error(`first view of ${route}: no generated document "${operationName}"`);
          const document = addTypenameToDocument(JSON.parse(json) as DocumentNode);
          return { operationName, query: print(document), variables, viewerOnly };
        });
      }
      this.emitFile({ type: 'asset', fileName: FIRST_VIEW_FILE, source: JSON.stringify(file) });
    },
  };
}
