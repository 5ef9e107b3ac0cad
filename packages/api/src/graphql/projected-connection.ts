import type { FieldNode } from 'graphql';
import { getNamedType, isObjectType } from 'graphql';
import type { Connection } from './relay';
import type { ProjectedType, ProjectionScope } from './sql-projection';
import { collectFields, selectionJsonSql, subselections } from './sql-projection';

/** A field's finished answer, as its selection reads it. */
export type ProjectedAnswer = Record<string, unknown>;

/**
 * A connection field's selection answered without resolvers: its nodes' JSON comes from SQL
 * (`nodeSql`, on the node table under the alias given), the edges' cursors and the page info
 * from the page as the resolver builds it (`connectionOf`), shaped here by the response keys.
 */
export interface ConnectionAnswerPlan {
  /** Names the plan (e.g. in a cache of statement texts), short beside its SQL. */
  key: string;
  /** SQL for one node's answer, or null when the selection asks no node. */
  nodeSql: string | null;
  totalCount: boolean;
  /** The answer: the connection with each edge's node already its JSON answer. */
  answer(connection: Connection<unknown>): ProjectedAnswer;
}

let plans = 0;

type Writer<T> = [key: string, value: (from: T) => unknown];

/**
 * The plan for a selection on a connection of `node` (see ConnectionAnswerPlan), or null when it
 * asks anything SQL cannot answer as the resolvers would.
 */
export function connectionAnswerPlan(
  scope: ProjectionScope,
  connectionTypeName: string,
  fieldNodes: readonly FieldNode[],
  node: ProjectedType,
  nodeAlias: string,
): ConnectionAnswerPlan | null {
  const { schema, fragments } = scope;
  const connectionType = schema.getType(connectionTypeName);
  if (!isObjectType(connectionType)) return null;
  const fields = collectFields(schema, connectionType, subselections(fieldNodes), fragments);
  if (!fields) return null;
  let nodeSql: string | null = null;
  let totalCount = false;
  const writers: Writer<Connection<unknown>>[] = [];
  for (const [key, nodes] of fields) {
    if (nodes.some((n) => n.arguments?.length)) return null;
    const name = nodes[0].name.value;
    if (name === '__typename') writers.push([key, () => connectionType.name]);
    else if (name === 'totalCount') {
      totalCount = true;
      writers.push([key, (c) => c.totalCount]);
    } else if (name === 'pageInfo') {
      const pageInfoType = schema.getType('PageInfo');
      if (!isObjectType(pageInfoType)) return null;
      const pageFields = collectFields(schema, pageInfoType, subselections(nodes), fragments);
      if (!pageFields) return null;
      const pageWriters: Writer<Connection<unknown>['pageInfo']>[] = [];
      for (const [pageKey, pageNodes] of pageFields) {
        const pageName = pageNodes[0].name.value;
        if (pageName === '__typename') pageWriters.push([pageKey, () => pageInfoType.name]);
        else if (['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].includes(pageName))
          pageWriters.push([pageKey, (p) => p[pageName as keyof typeof p]]);
        else return null;
      }
      writers.push([key, (c) => answerOf(pageWriters, c.pageInfo)]);
    } else if (name === 'edges') {
      const edges = connectionType.getFields().edges;
      const edgeType = edges && getNamedType(edges.type);
      if (!isObjectType(edgeType)) return null;
      const edgeFields = collectFields(schema, edgeType, subselections(nodes), fragments);
      if (!edgeFields) return null;
      const edgeWriters: Writer<Connection<unknown>['edges'][number]>[] = [];
      for (const [edgeKey, edgeNodes] of edgeFields) {
        const edgeName = edgeNodes[0].name.value;
        if (edgeName === '__typename') edgeWriters.push([edgeKey, () => edgeType.name]);
        else if (edgeName === 'cursor') edgeWriters.push([edgeKey, (e) => e.cursor]);
        else if (edgeName === 'node') {
          const nodeType = schema.getType(node.name);
          if (!isObjectType(nodeType)) return null;
          const nodeFields = collectFields(schema, nodeType, subselections(edgeNodes), fragments);
          // One SQL expression for the node: every `node` key of the edge reads the same selection.
          const sql = nodeFields && selectionJsonSql(scope, node, nodeFields, nodeAlias);
          if (!sql || (nodeSql !== null && nodeSql !== sql)) return null;
          nodeSql = sql;
          edgeWriters.push([edgeKey, (e) => e.node]);
        } else return null;
      }
      writers.push([key, (c) => c.edges.map((edge) => answerOf(edgeWriters, edge))]);
    } else return null;
  }
  return {
    key: `answer ${++plans}`,
    nodeSql,
    totalCount,
    answer: (connection) => answerOf(writers, connection),
  };
}

function answerOf<T>(writers: Writer<T>[], from: T): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  for (const [key, value] of writers) answer[key] = value(from);
  return answer;
}
