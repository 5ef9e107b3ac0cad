import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  SelectionSetNode,
} from 'graphql';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { base64urlSql, toISOStringSql } from './relay';

/**
 * Answers built by PostgreSQL: a selection on an object type becomes one SQL expression giving its
 * JSON answer (`json_build_object` with the response keys, nested objects and lists as subqueries),
 * so that a list of fifty cards is one statement whose rows Node only passes on, instead of some
 * thousand field resolutions. Used for the hot lists (the catalogue, see the compiled executor);
 * any selection it cannot answer exactly as the resolvers would (a field without a projection, an
 * argument, a directive, a Float) gives null, and the request runs through the resolvers as ever.
 *
 * A type's plain column fields (a TypeORM column behind a field without a resolver of its own)
 * project themselves; fields with resolvers project only where the module declares how
 * (`ProjectedType.fields`), next to the resolver it must agree with. The Node `id` is the global ID.
 */
export interface ProjectedType {
  /** The GraphQL object type. */
  name: string;
  /** The entity whose plain column fields project themselves (none for computed types). */
  entity?: EntityTarget<ObjectLiteral>;
  /** Fields with resolvers of their own, as the module declares them. */
  fields?: Record<string, ProjectedField>;
}

export type ProjectedField =
  /** A scalar: SQL on the parent's alias giving the value as the resolver serialises it. */
  | { scalar: (parent: string) => string }
  /**
   * An object: `from` gives the FROM clause (with WHERE, ORDER BY, LIMIT) of at most one row under
   * `alias`; absent, the object's fields read the parent's row (a computed type like CostSummary).
   */
  | { object: () => ProjectedType; from?: (parent: string, alias: string) => string }
  /** A list: its rows under `alias`, in the resolver's order. */
  | {
      list: () => ProjectedType;
      from: (parent: string, alias: string) => string;
      orderBy: (alias: string) => string;
    };

export type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/**
 * The fields a selection asks of `type` by response key, in order, merged over fragments and
 * repeated keys as GraphQL merges them; null when a directive appears (@skip/@include would make
 * the answer depend on variables) or a fragment's type condition is unknown.
 */
export function collectFields(
  schema: GraphQLSchema,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
  fragments: Fragments,
): Map<string, FieldNode[]> | null {
  const fields = new Map<string, FieldNode[]>();
  const applies = (condition: string | undefined) => {
    if (!condition || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return (
      conditionType !== undefined && isAbstractType(conditionType) && schema.isSubType(conditionType, type)
    );
  };
  const visit = (selectionSet: SelectionSetNode): boolean => {
    for (const selection of selectionSet.selections) {
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const same = fields.get(key);
        if (same) same.push(selection);
        else fields.set(key, [selection]);
      } else {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        if (!fragment) return false;
        if (selection.kind === Kind.FRAGMENT_SPREAD && fragment.directives?.length) return false;
        if (applies(fragment.typeCondition?.name.value) && !visit(fragment.selectionSet)) return false;
      }
    }
    return true;
  };
  return selectionSets.every(visit) ? fields : null;
}

/** The selection sets below the nodes of one response key (merged by GraphQL). */
export function subselections(nodes: readonly FieldNode[]): SelectionSetNode[] {
  return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
}

/** What compiling a selection needs besides the selection. */
export interface ProjectionScope {
  schema: GraphQLSchema;
  dataSource: DataSource;
  fragments: Fragments;
}

/**
 * SQL giving the JSON answer of `fields` on a row of `type` under `alias`, or null when a field
 * cannot be answered in SQL exactly as its resolver answers it.
 */
export function selectionJsonSql(
  scope: ProjectionScope,
  type: ProjectedType,
  fields: Map<string, FieldNode[]>,
  alias: string,
): string | null {
  const graphqlType = scope.schema.getType(type.name);
  if (!isObjectType(graphqlType)) return null;
  // json_build_object takes at most 100 arguments.
  if (fields.size > 50) return null;
  const pairs: [string, string][] = [];
  // Each field's subquery rows get an alias of their own below this one.
  let children = 0;
  for (const [key, nodes] of fields) {
    if (nodes.some((node) => node.arguments?.length)) return null;
    const name = nodes[0].name.value;
    const sql =
      name === '__typename'
        ? typenameSql(type.name)
        : fieldSql(scope, type, graphqlType, name, subselections(nodes), alias, `${alias}_${children++}`);
    if (sql === null) return null;
    pairs.push([key, sql]);
  }
  return jsonObjectSql(pairs);
}

/** SQL: a JSON object of the response keys and their values' SQL, in that order. */
export function jsonObjectSql(pairs: readonly (readonly [key: string, sql: string])[]): string {
  return `json_build_object(${pairs.map(([key, sql]) => `${literal(key)}, ${sql}`).join(', ')})`;
}

/** SQL: `__typename`'s answer. */
export const typenameSql = (typeName: string) => `${literal(typeName)}::text`;

function fieldSql(
  scope: ProjectionScope,
  type: ProjectedType,
  graphqlType: GraphQLObjectType,
  name: string,
  selectionSets: SelectionSetNode[],
  alias: string,
  childAlias: string,
): string | null {
  const field = graphqlType.getFields()[name];
  if (!field) return null;
  const declared = type.fields?.[name];
  if (declared) return declaredFieldSql(scope, declared, field, selectionSets, alias, childAlias);
  if (!type.entity) return null;
  if (name === 'id' && graphqlType.getInterfaces().some((i) => i.name === 'Node'))
    return globalIdSql(type.name, `${alias}.id`);
  const column = plainColumnFields(scope.dataSource, type.entity).get(name);
  return column ? columnSql(field, column, `${alias}."${column.databaseName}"`) : null;
}

function declaredFieldSql(
  scope: ProjectionScope,
  declared: ProjectedField,
  field: GraphQLField<unknown, unknown>,
  selectionSets: SelectionSetNode[],
  alias: string,
  childAlias: string,
): string | null {
  if ('scalar' in declared) return selectionSets.length ? null : declared.scalar(alias);
  const target = 'object' in declared ? declared.object() : declared.list();
  const targetType = scope.schema.getType(target.name);
  if (!isObjectType(targetType) || getNamedType(field.type) !== targetType) return null;
  const fields = collectFields(scope.schema, targetType, selectionSets, scope.fragments);
  if (!fields) return null;
  if ('list' in declared) {
    const element = selectionJsonSql(scope, target, fields, childAlias);
    return (
      element &&
      `(SELECT COALESCE(json_agg(${element} ORDER BY ${declared.orderBy(childAlias)}), '[]'::json) FROM ${declared.from(alias, childAlias)})`
    );
  }
  if (!declared.from) return selectionJsonSql(scope, target, fields, alias);
  const object = selectionJsonSql(scope, target, fields, childAlias);
  return object && `(SELECT ${object} FROM ${declared.from(alias, childAlias)})`;
}

/** SQL: the global ID of a row (`toGlobalId`: base64url of `Type:id`, unpadded). */
export function globalIdSql(typeName: string, idSql: string): string {
  return base64urlSql(`${literal(`${typeName}:`)} || ${idSql}`);
}

/**
 * A column as its field serialises it, for the pairs of column type and GraphQL type whose JSON
 * PostgreSQL writes exactly as the resolvers' answer reads; null for the others.
 */
function columnSql(
  field: GraphQLField<unknown, unknown>,
  column: ColumnMetadata,
  sql: string,
): string | null {
  if (isListType(isNonNullType(field.type) ? field.type.ofType : field.type)) return null;
  const named = getNamedType(field.type);
  const type = String(column.type);
  if (isEnumType(named)) {
    // The column holds the enum's values; they serialise as the names, equal for every enum of the hub.
    return type === 'enum' && named.getValues().every((value) => value.value === value.name) ? sql : null;
  }
  switch (named.name) {
    case 'String':
      return ['varchar', 'text', 'date', 'uuid', 'enum'].includes(type) && !column.transformer ? sql : null;
    case 'Boolean':
      return type === 'boolean' && !column.transformer ? sql : null;
    case 'Int':
      return INT4_COLUMNS.includes(type) ? sql : null;
    case 'SafeInt':
      // bigint: JSON numbers, which the transformer makes of the driver's strings (the hub's
      // amounts stay far below 2^53, where SafeInt would refuse them).
      return INT4_COLUMNS.includes(type) || type === 'bigint' ? sql : null;
    case 'DateTime':
      return type === 'timestamptz' && !column.transformer ? toISOStringSql(sql) : null;
    default:
      return null;
  }
}

/** Column types of 32-bit integers and less (GraphQL's Int). */
const INT4_COLUMNS = ['integer', 'int', 'smallint'];

/** A string as an SQL literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * The fields of an entity's object type that are plain columns (a column's property, no resolver
 * of its own), by field name; read once per entity's metadata (per data source).
 */
const plainColumnFieldsByEntity = new WeakMap<EntityMetadata, Map<string, ColumnMetadata>>();
export function plainColumnFields(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral>,
): Map<string, ColumnMetadata> {
  const metadata = dataSource.getMetadata(entity);
  let fields = plainColumnFieldsByEntity.get(metadata);
  if (!fields) {
    const storage = getMetadataStorage();
    const withResolvers = new Set(
      storage.fieldResolvers
        .filter(
          (resolver) =>
            (resolver.getObjectType?.() ?? resolver.resolverClassMetadata?.getObjectType?.()) === entity,
        )
        .map((resolver) => resolver.schemaName),
    );
    fields = new Map();
    for (const field of storage.fields) {
      if (field.target !== entity || field.params?.length || withResolvers.has(field.schemaName)) continue;
      // A field guarded by type-graphql (roles, middlewares) is its resolvers' to answer; the hub has none today.
      if (field.roles?.length || field.middlewares?.length) continue;
      const column = metadata.columns.find((c) => c.propertyName === field.name && c.isSelect);
      if (column) fields.set(field.schemaName, column);
    }
    plainColumnFieldsByEntity.set(metadata, fields);
  }
  return fields;
}
