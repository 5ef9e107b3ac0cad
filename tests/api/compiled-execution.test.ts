import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import {
  GraphQLError,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  Kind,
  parse,
  print,
} from 'graphql';
import { compiledExecutor } from '../../packages/api/src/graphql/compiled-execution';
import { toGlobalId } from '../../packages/api/src/graphql/relay';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { seedDemo } from '../../packages/api/src/seed/demo';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { webOperations, withTypenames } from '../support/web-operations';

/**
 * Queries run compiled from their second run in production (graphql/compiled-execution.ts): the
 * first answer (graphql-js) and the second (compiled) of the same text must be the same, data and
 * errors, for every query the web app sends, signed out and signed in, on the demo network.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ compileQueriesFromRun: 2 });
  await t.dataSource.transaction((m) => seedDemo(m));
});
afterAll(() => t.close());

/** The web app's queries. */
function webQueries(): [string, DocumentNode][] {
  return webOperations().filter(([, document]) =>
    document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query'),
  );
}

/** The answer with timestamps of the last minute (when it was made, e.g. `generatedAt`) as "<now>". */
function withoutNow(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null), (_key, item) =>
    typeof item === 'string' &&
    /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(item) &&
    Math.abs(Date.parse(item) - Date.now()) < 60_000
      ? '<now>'
      : item,
  );
}

/** Variables for an operation: demo IDs by variable name where one is required, else none. */
function variablesFor(document: DocumentNode, ids: Record<string, string>): Record<string, unknown> | null {
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION,
  ) as OperationDefinitionNode;
  const variables: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.type.kind !== Kind.NON_NULL_TYPE || definition.defaultValue) continue;
    const name = definition.variable.name.value;
    if (!(name in ids)) return null;
    variables[name] = ids[name];
  }
  return variables;
}

it('answers every query of the web app the same, interpreted on its first run and compiled on its second', async () => {
  const one = async (sql: string) => (await t.dataSource.query(sql))[0].id as string;
  const ids = {
    id: toGlobalId(
      'Project',
      await one(`SELECT id FROM project WHERE status = 'PUBLISHED' ORDER BY title LIMIT 1`),
    ),
    projectId: toGlobalId(
      'Project',
      await one(`SELECT id FROM project WHERE status = 'PUBLISHED' ORDER BY title LIMIT 1`),
    ),
    municipalityId: toGlobalId(
      'Municipality',
      await one(`SELECT id FROM municipality WHERE name = 'Kaiserslautern'`),
    ),
    meetingId: toGlobalId('Meeting', await one(`SELECT id FROM meeting ORDER BY starts_at DESC LIMIT 1`)),
    workingGroupId: toGlobalId(
      'WorkingGroup',
      await one(`SELECT id FROM working_group ORDER BY name LIMIT 1`),
    ),
    reportId: toGlobalId(
      'ProgressReport',
      await one(`SELECT id FROM progress_report ORDER BY created_at LIMIT 1`),
    ),
    initiativeId: toGlobalId(
      'Initiative',
      await one(`SELECT id FROM initiative ORDER BY created_at LIMIT 1`),
    ),
  };
  const users = t.dataSource.getRepository(User);
  const clients: [string, TestClient][] = [
    ['anonymous', t.client()],
    ['coordinator', await t.as(await users.findOneByOrFail({ email: 'koordination@kl.digital.demo' }))],
    ['officer', await t.as(await users.findOneByOrFail({ email: 'digital@kaiserslautern.demo' }))],
  ];
  const queries = webQueries();
  expect(queries.length).toBeGreaterThan(40);
  let compared = 0;
  let withData = 0;
  for (const [name, document] of queries) {
    // Exports carry the moment they were made (in the file's metadata): two runs differ anyway.
    if (/(Xlsx|Pdf|Csv)Document$/.test(name)) continue;
    const variables = variablesFor(document, ids);
    if (!variables) continue;
    const text = print(withTypenames(document));
    for (const [who, client] of clients) {
      const interpreted = await client.gql(text, variables);
      const compiled = await client.gql(text, variables);
      expect({
        name,
        who,
        status: compiled.status,
        data: withoutNow(compiled.data),
        errors: compiled.errors,
      }).toEqual({
        name,
        who,
        status: interpreted.status,
        data: withoutNow(interpreted.data),
        errors: interpreted.errors,
      });
      compared++;
      if (interpreted.data && !interpreted.errors) withData++;
    }
  }
  expect(compared).toBeGreaterThan(100);
  expect(withData).toBeGreaterThan(60);
});

it('answers refused variables, errors in fields and @include the same both ways', async () => {
  const client = t.client();
  const projectsOf = (full: boolean) =>
    `query($full: Boolean!) { projects(first: 3) { edges { node { id title @include(if: ${full ? '$full' : 'false'}) summary @skip(if: $full) } } } }`;
  // Each case with the error code both answers carry (null: none).
  const cases: [string, Record<string, unknown>, string | null][] = [
    ['query($first: Int) { projects(first: $first) { totalCount } }', { first: 'many' }, 'BAD_USER_INPUT'],
    ['query($first: Int) { projects(first: $first) { totalCount } }', { first: 100_000 }, 'BAD_USER_INPUT'],
    ['query($id: ID!) { node(id: $id) { id } }', { id: 'not-a-global-id' }, null],
    ['{ viewer { email } coordinatorDashboard { __typename } }', {}, 'UNAUTHENTICATED'],
    // A non-null variable left out for its default (graphql-jit refused it on its own).
    ['query($first: Int! = 2) { projects(first: $first) { edges { node { id } } } }', {}, null],
    [projectsOf(true), { full: true }, null],
    [projectsOf(false), { full: false }, null],
  ];
  for (const [query, variables, code] of cases) {
    const interpreted = await client.gql(query, variables);
    const compiled = await client.gql(query, variables);
    const answer = (result: typeof compiled) => ({
      query,
      variables,
      status: result.status,
      data: result.data,
      errors: result.errors,
    });
    expect(answer(compiled)).toEqual(answer(interpreted));
    expect({ query, code: compiled.errors?.[0]?.extensions?.code ?? null }).toEqual({ query, code });
  }
});

it('gives graphql-js errors with their code for what a compiled query reports', async () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: {
          type: GraphQLString,
          args: { word: { type: new GraphQLNonNull(GraphQLString) } },
          resolve: (_root, args: { word: string }) => args.word,
        },
        broken: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('kaputt');
          },
        },
      },
    }),
  });
  const execute = compiledExecutor(schema, 1);
  const run = (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions[0] as OperationDefinitionNode;
    return execute({
      document,
      operation,
      operationName: null,
      request: { variables },
      context: {},
    } as never);
  };
  expect(await run('query ($word: String! = "hallo") { echo(word: $word) }')).toEqual({
    data: { echo: 'hallo' },
  });
  expect(await run('query ($word: String! = "hallo") { echo(word: $word) }', { word: 'du' })).toEqual({
    data: { echo: 'du' },
  });
  // A plain Error from a resolver: graphql-jit's error had no extensions, and Apollo Server failed on it.
  const { errors } = await run('{ broken }');
  expect(errors).toHaveLength(1);
  const [error] = errors!;
  expect(error).toBeInstanceOf(GraphQLError);
  expect(error.extensions).toEqual({});
  expect(error.originalError?.message).toBe('kaputt');
  expect(error.toJSON()).toEqual({
    message: 'kaputt',
    path: ['broken'],
    locations: [{ line: 1, column: 3 }],
  });
});
