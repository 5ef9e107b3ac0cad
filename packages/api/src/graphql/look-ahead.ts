import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** The fields named `name` below the given fields, over all aliases and fragments. */
function fieldsNamed(parents: readonly ResolveTree[], name: string): ResolveTree[] {
  return parents.flatMap((parent) =>
    Object.values(parent.fieldsByTypeName).flatMap((fields) =>
      Object.values(fields).filter((field) => field.name === name),
    ),
  );
}

/**
 * Look-ahead on a connection field: the names of the fields its operation asks of the nodes
 * (`edges { node { … } }`, over aliases and fragments), so that a page brings what they read in
 * its own statement.
 */
export function askedNodeFields(info: GraphQLResolveInfo): Set<string> {
  const connection = parseResolveInfo(info) as ResolveTree;
  const nodes = fieldsNamed(fieldsNamed([connection], 'edges'), 'node');
  return new Set(
    nodes.flatMap((node) =>
      Object.values(node.fieldsByTypeName).flatMap((fields) => Object.values(fields).map((f) => f.name)),
    ),
  );
}
