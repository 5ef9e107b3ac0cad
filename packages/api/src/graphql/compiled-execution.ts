import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { DocumentNode, ExecutionResult, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { execute, GraphQLError, printSchema, valueFromASTUntyped } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { perDocument } from './per-document';

/**
 * Queries run as JavaScript compiled per document (graphql-jit) instead of graphql-js's generic
 * executor, which walks the document for every field of every object: a catalogue page of 50 is
 * about 1,500 field completions, the largest part of its Node CPU. Apollo Server takes another
 * executor only from a "gateway"; this one serves the hub's own schema, unchanged.
 *
 * What stays with graphql-js: mutations (run once per change, not worth a compilation), the first
 * run of each query text, and variable coercion, so that refused variables read exactly as before
 * (Apollo codes them BAD_USER_INPUT by graphql-js's wording).
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
    compilation.compiled ??= compileQuery(schema, document, operationName ?? undefined, {
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(compilation.compiled)) return compilation.compiled;
    compilation.defaults ??= defaultsOf(operation);
    const result = await compilation.compiled.query(
      undefined,
      context,
      withDefaults(variableValues, compilation.defaults),
    );
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLError) } : result;
  };
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
