import type { DocumentNode } from 'graphql';

/**
 * A fact about a parsed document, computed once per document: Apollo Server hands the same parsed
 * document for the same query text (its document store), so per-request checks that walk the whole
 * document (input limits, introspection, compilation) pay for it once per query text, not per request.
 */
export function perDocument<T>(compute: (document: DocumentNode) => T): (document: DocumentNode) => T {
  const known = new WeakMap<DocumentNode, { value: T }>();
  return (document) => {
    let entry = known.get(document);
    if (!entry) {
      entry = { value: compute(document) };
      known.set(document, entry);
    }
    return entry.value;
  };
}
