import type { FieldNode } from 'graphql';
import { getNamedType, isObjectType } from 'graphql';
import type { RawJson } from './raw-json';
import type { PageInfo } from './relay';
import type { ProjectedType, ProjectionScope } from './sql-projection';
import { collectFields, jsonObjectSql, selectionJsonSql, subselections, typenameSql } from './sql-projection';

/** A field's finished answer, as its selection reads it. */
export type ProjectedAnswer = Record<string, unknown>;

/** A connection's page as one statement answered it: each `edges` key's list is JSON text already. */
export interface ProjectedPage {
  totalCount: number;
  pageInfo: Pick<PageInfo, 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor'>;
  /** One list per `edgesSql` element. */
  edges: readonly RawJson[];
}

/**
 * A connection field's selection answered without resolvers: its edges' JSON comes from SQL
 * (`edgesSql`, with the node on the node table under the alias given), the page info and total
 * count from the page, shaped here by the response keys.
 */
export interface ConnectionAnswerPlan {
  /** Names the plan (e.g. in a cache of statement texts), short beside its SQL. */
  key: string;
  totalCount: boolean;
  /**
   * SQL for one edge of each `edges` key of the selection, in its order (empty when it asks no
   * edges), given the SQL of the edge's cursor (`encodeCursorSql`).
   */
  edgesSql(cursorSql: string): string[];
  /** How many lists `edgesSql` gives. */
  edgeLists: number;
  answer(page: ProjectedPage): ProjectedAnswer;
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
  const writers: Writer<ProjectedPage>[] = [];
  // Per `edges` key: the edge's response keys, each the type's name, the cursor or the node.
  const edgeShapes: [key: string, value: 'cursor' | 'node' | { typename: string }][][] = [];
  for (const [key, nodes] of fields) {
    if (nodes.some((n) => n.arguments?.length)) return null;
    const name = nodes[0].name.value;
    if (name === '__typename') writers.push([key, () => connectionType.name]);
    else if (name === 'totalCount') {
      totalCount = true;
      writers.push([key, (page) => page.totalCount]);
    } else if (name === 'pageInfo') {
      const pageInfoType = schema.getType('PageInfo');
      if (!isObjectType(pageInfoType)) return null;
      const pageFields = collectFields(schema, pageInfoType, subselections(nodes), fragments);
      if (!pageFields) return null;
      const pageWriters: Writer<ProjectedPage['pageInfo']>[] = [];
      for (const [pageKey, pageNodes] of pageFields) {
        const pageName = pageNodes[0].name.value;
        if (pageName === '__typename') pageWriters.push([pageKey, () => pageInfoType.name]);
        else if (['hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor'].includes(pageName))
          pageWriters.push([pageKey, (p) => p[pageName as keyof typeof p]]);
        else return null;
      }
      writers.push([key, (page) => answerOf(pageWriters, page.pageInfo)]);
    } else if (name === 'edges') {
      const edges = connectionType.getFields().edges;
      const edgeType = edges && getNamedType(edges.type);
      if (!isObjectType(edgeType)) return null;
      const edgeFields = collectFields(schema, edgeType, subselections(nodes), fragments);
      if (!edgeFields) return null;
      const shape: (typeof edgeShapes)[number] = [];
      for (const [edgeKey, edgeNodes] of edgeFields) {
        const edgeName = edgeNodes[0].name.value;
        if (edgeName === '__typename') shape.push([edgeKey, { typename: edgeType.name }]);
        else if (edgeName === 'cursor') shape.push([edgeKey, 'cursor']);
        else if (edgeName === 'node') {
          const nodeType = schema.getType(node.name);
          if (!isObjectType(nodeType)) return null;
          const nodeFields = collectFields(schema, nodeType, subselections(edgeNodes), fragments);
          // One SQL expression for the node: every `node` key of the edge reads the same selection.
          const sql = nodeFields && selectionJsonSql(scope, node, nodeFields, nodeAlias);
          if (!sql || (nodeSql !== null && nodeSql !== sql)) return null;
          nodeSql = sql;
          shape.push([edgeKey, 'node']);
        } else return null;
      }
      // json_build_object takes at most 100 arguments.
      if (shape.length > 50) return null;
      const list = edgeShapes.push(shape) - 1;
      writers.push([key, (page) => page.edges[list]]);
    } else return null;
  }
  return {
    key: `answer ${++plans}`,
    totalCount,
    edgesSql: (cursorSql) =>
      edgeShapes.map((shape) =>
        jsonObjectSql(
          shape.map(([key, value]) => [
            key,
            value === 'cursor'
              ? cursorSql
              : value === 'node'
                ? (nodeSql as string)
                : typenameSql(value.typename),
          ]),
        ),
      ),
    edgeLists: edgeShapes.length,
    answer: (page) => answerOf(writers, page),
  };
}

function answerOf<T>(writers: Writer<T>[], from: T): Record<string, unknown> {
  const answer: Record<string, unknown> = {};
  for (const [key, value] of writers) answer[key] = value(from);
  return answer;
}
