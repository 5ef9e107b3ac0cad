import fs from 'node:fs';
import path from 'node:path';
import type { DocumentNode, SelectionSetNode } from 'graphql';
import { Kind, visit } from 'graphql';

/**
 * The operations of the web app, from the generated `src/gql/graphql.ts` (one `…Document` constant
 * with the parsed document, fragments included, per operation; the web package is ESM, which jest
 * does not load, so the constants are read as JSON).
 */
export function webOperations(): [string, DocumentNode][] {
  const file = path.join(__dirname, '../../packages/web/src/gql/graphql.ts');
  const pattern = /^export const (\w+Document) = (\{.*\}) as unknown as DocumentNode/gm;
  return [...fs.readFileSync(file, 'utf8').matchAll(pattern)].map((m) => [m[1], JSON.parse(m[2])]);
}

/** Apollo Client adds __typename to every selection set but the operation's own. */
export function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet(node: SelectionSetNode, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename'))
        return undefined;
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
}
