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

/** What an operation asks of a connection field: its nodes' fields and whether its total count. */
export interface ConnectionAsks {
  /** The names of the fields asked of the nodes (`edges { node { … } }`), over aliases and fragments. */
  nodeFields: Set<string>;
  totalCount: boolean;
}

/**
 * Look-ahead on a connection field, so that a page brings what its operation reads in its own
 * statement.
 */
export function connectionAsks(info: GraphQLResolveInfo): ConnectionAsks {
  const connection = parseResolveInfo(info) as ResolveTree;
  const nodes = fieldsNamed(fieldsNamed([connection], 'edges'), 'node');
  return {
    nodeFields: new Set(
      nodes.flatMap((node) =>
        Object.values(node.fieldsByTypeName).flatMap((fields) => Object.values(fields).map((f) => f.name)),
      ),
    ),
    totalCount: fieldsNamed([connection], 'totalCount').length > 0,
  };
}
