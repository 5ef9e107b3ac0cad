import type { FieldNode, GraphQLResolveInfo, OperationDefinitionNode } from 'graphql';
import { BREAK, Kind, visit } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/** The fields named `name` below the given fields, over all aliases and fragments. */
function fieldsNamed(parents: readonly ResolveTree[], name: string): ResolveTree[] {
  return parents.flatMap((parent) =>
    Object.values(parent.fieldsByTypeName).flatMap((fields) =>
      Object.values(fields).filter((field) => field.name === name),
    ),
  );
}

/** Whether an operation (or a fragment it may spread) has a @skip or @include that reads a variable. */
const directivesReadVariables = new WeakMap<OperationDefinitionNode, boolean>();
function selectionReadsVariables(info: GraphQLResolveInfo): boolean {
  let reads = directivesReadVariables.get(info.operation);
  if (reads === undefined) {
    reads = [info.operation, ...Object.values(info.fragments)].some((definition) => {
      let found = false;
      visit(definition, {
        Directive(node) {
          if (
            (node.name.value === 'skip' || node.name.value === 'include') &&
            node.arguments?.some((argument) => argument.value.kind === Kind.VARIABLE)
          ) {
            found = true;
            return BREAK;
          }
          return undefined;
        },
      });
      return found;
    });
    directivesReadVariables.set(info.operation, reads);
  }
  return reads;
}

interface Known<T> {
  parentType: GraphQLResolveInfo['parentType'];
  fieldNodes: readonly FieldNode[];
  value: T;
}

/**
 * A fact about which fields an operation selects below a field, computed once per parsed document:
 * Apollo hands the same document (the same field nodes) for the same query text, so look-ahead that
 * walks the selection pays for it once per query text, not per request. `compute` may read the
 * selection's field names and types only, not argument values; a selection whose @skip or
 * @include reads a variable is computed per request. The value is shared: callers must not change it.
 */
export function perSelection<T>(compute: (info: GraphQLResolveInfo) => T): (info: GraphQLResolveInfo) => T {
  const known = new WeakMap<FieldNode, Known<T>[]>();
  return (info) => {
    if (selectionReadsVariables(info)) return compute(info);
    const { parentType, fieldNodes } = info;
    const candidates = known.get(fieldNodes[0]);
    // The same node may be merged with others for another parent type (fragments on interfaces).
    const hit = candidates?.find(
      (entry) =>
        entry.parentType === parentType &&
        entry.fieldNodes.length === fieldNodes.length &&
        entry.fieldNodes.every((node, i) => node === fieldNodes[i]),
    );
    if (hit) return hit.value;
    const entry: Known<T> = { parentType, fieldNodes: [...fieldNodes], value: compute(info) };
    if (candidates) candidates.push(entry);
    else known.set(fieldNodes[0], [entry]);
    return entry.value;
  };
}

/** What an operation asks of a connection field: its nodes' fields and whether its total count. */
export interface ConnectionAsks {
  /** The names of the fields asked of the nodes (`edges { node { … } }`), over aliases and fragments. */
  readonly nodeFields: ReadonlySet<string>;
  readonly totalCount: boolean;
}

/**
 * Look-ahead on a connection field, so that a page brings what its operation reads in its own
 * statement; once per document and field (see perSelection).
 */
export const connectionAsks = perSelection((info: GraphQLResolveInfo): ConnectionAsks => {
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
});
