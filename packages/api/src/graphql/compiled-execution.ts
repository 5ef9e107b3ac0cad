import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type {
  DocumentNode,
  ExecutionResult,
  FieldNode,
  GraphQLField,
  GraphQLResolveInfo,
  GraphQLSchema,
  OperationDefinitionNode,
} from 'graphql';
import { execute, GraphQLError, Kind, printSchema, valueFromASTUntyped } from 'graphql';
import { buildResolveInfo, type ExecutionContext } from 'graphql/execution/execute';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values';
import type { CompiledQuery } from 'graphql-jit';
import { deferredModule } from '../deferred-module';
import type { Context } from './context';
import { perDocument } from './per-document';
import type { Fragments, ProjectionScope } from './sql-projection';

/** graphql-jit, loaded with the first compilation (deferred-module.ts). */
const jit = deferredModule(() => require('graphql-jit') as typeof import('graphql-jit'));

/**
 * Queries run as JavaScript compiled per document (graphql-jit) instead of graphql-js's generic
 * executor, which walks the document for every field of every object: a catalogue page of 50 is
 * about 1,500 field completions, the largest part of its Node CPU. Apollo Server takes another
 * executor only from a "gateway"; this one serves the hub's own schema, unchanged.
 *
 * What stays with graphql-js: mutations (run once per change, not worth a compilation), the first
 * run of each query text, and variable coercion, so that refused variables read exactly as before
 * (Apollo codes them BAD_USER_INPUT by graphql-js's wording).
 *
 * Compiled queries may also have root fields answered by PostgreSQL (`registerProjectedRootField`):
 * their resolver gets the plan of the selection in its info (`projectionPlanOf`) and returns the finished
 * answer, which is not completed field by field; the other root fields run compiled beside it.
 */
export function compiledExecutionGateway(schema: GraphQLSchema, compileFromRun: number): GatewayInterface {
  const executor = compiledExecutor(schema, compileFromRun);
  return {
    async load() {
      return { schema, executor };
    },
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async stop() {},
  };
}

interface Compilation {
  /** Requests that ran this operation so far. */
  runs: number;
  compiled?: CompiledQuery | ExecutionResult;
  /** The variables with a default value, as a client would send it (see `withDefaults`). */
  defaults?: [name: string, value: unknown][];
  /** Its root fields answered by PostgreSQL, null when none (see `projectionOf`). */
  projection?: Projection | null;
}

/** Per document, per operation name: Apollo hands the same parsed document for the same text. */
const compilations = perDocument(() => new Map<string, Compilation>());

export function compiledExecutor(schema: GraphQLSchema, compileFromRun: number): GatewayExecutor {
  return async ({ document, operationName, operation, request, context }) => {
    const variableValues = request.variables ?? {};
    const interpreted = () =>
      execute({ schema, document, operationName, contextValue: context, variableValues });
    if (operation.operation !== 'query') return interpreted();
    const compilation = compilationOf(document, operationName);
    // A query text seen once is not worth compiling (under 1 ms for most of the web app's queries,
    // about 20 ms for the meeting page's): a client sending ever new texts must not make the
    // server compile for each.
    if (++compilation.runs < compileFromRun) return interpreted();
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues, {
      maxErrors: 50,
    });
    if (coerced.errors) return { errors: coerced.errors };
    compilation.compiled ??= jit().compileQuery(schema, document, operationName ?? undefined, {
      disablingCapturingStackErrors: true,
    });
    if (!jit().isCompiledQuery(compilation.compiled)) return compilation.compiled;
    compilation.defaults ??= defaultsOf(operation);
    const variables = withDefaults(variableValues, compilation.defaults);
    compilation.projection ??= projectionOf(schema, document, operation, context as Context);
    if (compilation.projection) {
      const answered = await runProjected(
        compilation.projection,
        context as Context,
        variables,
        coerced.coerced,
      );
      if (answered) return answered;
    }
    return compiledResult(await compilation.compiled.query(undefined, context, variables));
  };
}

function compiledResult(result: ExecutionResult): ExecutionResult {
  return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
}

/** A root query field whose resolver can answer some selections in finished form (see sql-projection.ts). */
export interface ProjectedRootField {
  /**
   * What the resolver needs to answer this selection (its SQL and shape), or null when it must be
   * resolved field by field. Once per query text: may read the selection, not argument values.
   */
  plan(fieldNodes: readonly FieldNode[], scope: ProjectionScope): unknown | null;
}

const projectedRootFields = new Map<string, ProjectedRootField>();

/** Declares that the resolver of `Query.<fieldName>` answers selections its `plan` accepts in finished form. */
export function registerProjectedRootField(fieldName: string, field: ProjectedRootField): void {
  projectedRootFields.set(fieldName, field);
}

const PROJECTION_PLAN = Symbol('projection plan');

/**
 * The plan the executor chose for this field's selection: the resolver then returns the finished
 * answer for it (no field below is resolved); undefined when it resolves as usual.
 */
export function projectionPlanOf<T>(info: GraphQLResolveInfo): T | undefined {
  return (info as GraphQLResolveInfo & { [PROJECTION_PLAN]?: T })[PROJECTION_PLAN];
}

interface ProjectedField {
  key: string;
  node: FieldNode;
  field: GraphQLField<unknown, unknown>;
  plan: unknown;
}

interface Projection {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Fragments;
  /** The root keys in the operation's order, each answered by a projection or by `rest`. */
  keys: string[];
  projected: ProjectedField[];
  /** The operation without the projected fields, compiled; null when nothing else is asked. */
  rest: CompiledQuery | null;
}

/** The operation's root fields that are answered by their projections, or null when none is. */
function projectionOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  context: Context,
): Projection | null {
  const queryType = schema.getQueryType();
  const selections = operation.selectionSet.selections;
  if (!queryType || operation.directives?.length) return null;
  const fields = selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && !s.directives?.length);
  // Fragments or directives at the root, or a key asked twice: resolved as usual.
  const keys = fields.map((node) => node.alias?.value ?? node.name.value);
  if (fields.length !== selections.length || new Set(keys).size !== keys.length) return null;
  const fragments: Fragments = Object.fromEntries(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [])),
  );
  const scope: ProjectionScope = { schema, dataSource: context.dataSource, fragments };
  const projected: ProjectedField[] = [];
  fields.forEach((node, i) => {
    const root = projectedRootFields.get(node.name.value);
    const field = queryType.getFields()[node.name.value];
    const plan = root && field ? root.plan([node], scope) : null;
    if (plan) projected.push({ key: keys[i], node, field, plan });
  });
  if (!projected.length) return null;
  const rest = fields.filter((node) => !projected.some((p) => p.node === node));
  let compiledRest: CompiledQuery | null = null;
  if (rest.length) {
    const restDocument: DocumentNode = {
      ...document,
      definitions: document.definitions.map((d) =>
        d === operation ? { ...operation, selectionSet: { ...operation.selectionSet, selections: rest } } : d,
      ),
    };
    const compiled = jit().compileQuery(schema, restDocument, operation.name?.value, {
      disablingCapturingStackErrors: true,
    });
    if (!jit().isCompiledQuery(compiled)) return null;
    compiledRest = compiled;
  }
  return { schema, operation, fragments, keys, projected, rest: compiledRest };
}

/**
 * Runs the projected root fields' resolvers (with the plan in their info) beside the rest of the
 * operation, and puts the answers together in the operation's order. Null when a projected
 * resolver fails: the whole operation then runs as usual, so errors read as they always do (a
 * failure that is no GraphQL error, e.g. from the SQL, is logged: the answer in SQL has a fault).
 */
async function runProjected(
  projection: Projection,
  context: Context,
  variables: Record<string, unknown>,
  coerced: Record<string, unknown>,
): Promise<ExecutionResult | null> {
  const { schema, operation, fragments, projected, rest } = projection;
  const parentType = schema.getQueryType();
  // What buildResolveInfo reads of an execution: once for the request's projected fields.
  const executionContext = {
    schema,
    fragments,
    rootValue: undefined,
    operation,
    variableValues: coerced,
  } as unknown as ExecutionContext;
  const answers = projected.map(async ({ key, node, field, plan }) => {
    const args = getArgumentValues(field, node, coerced);
    if (!parentType || !field.resolve) throw new Error(`no resolver for Query.${field.name}`);
    const info = buildResolveInfo(executionContext, field, [node], parentType, {
      prev: undefined,
      key,
      typename: parentType.name,
    }) as GraphQLResolveInfo & { [PROJECTION_PLAN]?: unknown };
    info[PROJECTION_PLAN] = plan;
    return field.resolve(undefined, args, context, info);
  });
  const [restResult, ...values] = await Promise.all([
    rest ? rest.query(undefined, context, variables) : { data: {} },
    ...answers.map((answer) =>
      answer.then(
        (value) => ({ value }),
        (error) => {
          if (!(error instanceof GraphQLError))
            context.log.error({ err: error }, 'answer in SQL failed: resolved field by field instead');
          return null;
        },
      ),
    ),
  ]);
  if (values.some((value) => value === null)) return null;
  if (!restResult.data) return compiledResult(restResult);
  const data: Record<string, unknown> = {};
  for (const key of projection.keys) {
    const i = projected.findIndex((p) => p.key === key);
    data[key] = i >= 0 ? values[i]?.value : restResult.data[key];
  }
  return compiledResult({ ...restResult, data });
}

/**
 * graphql-jit ignores the default of a non-null variable (`$language: Locale! = DE`) and refuses
 * the request when the client leaves it out, which graphql-js accepts: the defaults go in first.
 */
function defaultsOf(operation: OperationDefinitionNode): [string, unknown][] {
  return (operation.variableDefinitions ?? []).flatMap((definition) =>
    definition.defaultValue
      ? [[definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)] as [string, unknown]]
      : [],
  );
}

function withDefaults(
  variables: Record<string, unknown>,
  defaults: [string, unknown][],
): Record<string, unknown> {
  const missing = defaults.filter(([name]) => variables[name] === undefined);
  return missing.length ? { ...variables, ...Object.fromEntries(missing) } : variables;
}

/**
 * graphql-jit reports errors with a class of its own (an `instanceof GraphQLError`) that has no
 * `extensions` unless the original error had some: Apollo Server then failed while formatting them
 * (the default of a non-null variable, above, answered "Internal server error"). Such errors become
 * graphql-js errors, with the same message, path and locations.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
  });
  (converted as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return converted;
}

function compilationOf(document: DocumentNode, operationName: string | null): Compilation {
  const byOperation = compilations(document);
  const key = operationName ?? '';
  let compilation = byOperation.get(key);
  if (!compilation) {
    compilation = { runs: 0 };
    byOperation.set(key, compilation);
  }
  return compilation;
}
