import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLObjectType,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { parse } from 'graphql';
import { getSchema } from '../../packages/api/src/graphql/schema';
import { collectFields } from '../../packages/api/src/graphql/sql-projection';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { seedDemo } from '../../packages/api/src/seed/demo';
import type { GraphQLResult, TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';

/**
 * Catalogue pages answered by PostgreSQL (graphql/sql-projection.ts, project.projection.ts): a
 * compiled query's `projects` is one statement that builds each card's JSON. Each selection is
 * sent twice with a text of its own: the first run resolves field by field (graphql-js), the second
 * is answered in SQL; both answers must be the same text (values and key order), for the public,
 * an officer (who also sees drafts of their own municipality's projects) and a coordinator.
 */
let t: TestApp;
let clients: [string, TestClient][];
beforeAll(async () => {
  t = await startTestApp({ compileQueriesFromRun: 2 });
  await t.dataSource.transaction((m) => seedDemo(m));
  // Costs, funding and status updates on some projects, a participant written in the project's own
  // transaction (the same created_at as the lead: the order falls back to the id).
  await t.dataSource.query(`
    WITH picked AS (SELECT id, row_number() OVER (ORDER BY title) AS n FROM project)
    INSERT INTO project_cost (project_id, position, label, cost_type, recurrence, amount_cents, currency)
    SELECT id, 0, 'Lizenz', 'LICENCE', CASE WHEN n % 2 = 0 THEN 'ONE_OFF' ELSE 'YEARLY' END::project_cost_recurrence,
           9007199254740 + n, 'EUR' FROM picked WHERE n % 3 = 0`);
  await t.dataSource.query(`
    INSERT INTO project_funding (project_id, position, programme, amount_cents, currency)
    SELECT id, 0, 'Förderprogramm', 123456, 'EUR' FROM project WHERE title < 'M'`);
  await t.dataSource.query(`
    INSERT INTO project_participant (project_id, municipality_id, role, created_at)
    SELECT p.id, m.id, 'PARTNER', pp.created_at FROM project p
      JOIN project_participant pp ON pp.project_id = p.id AND pp.role = 'LEAD'
      JOIN LATERAL (SELECT id FROM municipality WHERE id <> p.lead_municipality_id
                     AND NOT EXISTS (SELECT 1 FROM project_participant x WHERE x.project_id = p.id AND x.municipality_id = municipality.id)
                     ORDER BY ars LIMIT 1) m ON true`);
  // A draft of the officer's municipality: the officer sees it in the catalogue, the public does not.
  await t.dataSource.query(`
    UPDATE project SET status = 'DRAFT' WHERE id = (SELECT p.id FROM project p JOIN app_user u
      ON u.municipality_id = p.lead_municipality_id WHERE u.email = 'digital@kaiserslautern.demo' ORDER BY p.title LIMIT 1)`);
  const users = t.dataSource.getRepository(User);
  clients = [
    ['anonymous', t.client()],
    ['officer', await t.as(await users.findOneByOrFail({ email: 'digital@kaiserslautern.demo' }))],
    ['coordinator', await t.as(await users.findOneByOrFail({ email: 'koordination@kl.digital.demo' }))],
  ];
});
afterAll(() => t.close());

const EVERY_FIELD = `
  __typename id title summary description descriptionHtml category phase status isNetworkProject
  startDate endDate implementationNotes lessonsLearned adaptationNotes adoptionCount isDemo
  publishedAt createdAt updatedAt estimatedSavingCents progressPercent
  leadMunicipality { __typename id ars ags name kind isTown population postcode
    district { id name district { name } } parent { id name } }
  participants { __typename role municipality { id name kind } }
  latestStatusUpdate { __typename id reportedOn phase progressPercent text createdAt }
  costSummary { __typename oneOffTotalCents yearlyTotalCents fundingTotalCents currency hasCostInformation }`;

/** Selections on `projects` the SQL answers (aliases, fragments, repeated keys, __typename). */
const ANSWERED: [string, string][] = [
  [
    'every field',
    `query($first: Int, $after: String, $filter: ProjectFilter, $sort: ProjectSort) {
       projects(first: $first, after: $after, filter: $filter, sort: $sort) {
         __typename totalCount
         pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
         edges { __typename cursor node { ${EVERY_FIELD} } } } }`,
  ],
  [
    'the web catalogue (fragments, a root field beside it)',
    `query ProjectsPage($first: Int, $after: String, $filter: ProjectFilter, $sort: ProjectSort) {
       viewerCan { createProject __typename }
       projects(first: $first, after: $after, filter: $filter, sort: $sort) {
         totalCount pageInfo { hasNextPage endCursor __typename }
         edges { cursor node { id ...Card __typename } __typename } __typename }
       projectFacets(filter: $filter) { categories { value count __typename } __typename } }
     fragment Card on Project { id title summary category phase status isDemo isNetworkProject adoptionCount
       progressPercent leadMunicipality { id name __typename }
       costSummary { oneOffTotalCents yearlyTotalCents hasCostInformation __typename } __typename }`,
  ],
  [
    'aliases, merged keys and fragments on the interface',
    `query($first: Int, $after: String, $filter: ProjectFilter, $sort: ProjectSort) {
       list: projects(first: $first, after: $after, filter: $filter, sort: $sort) {
         all: totalCount
         edges { at: cursor node { key: id ... on Node { id } title
           lead: leadMunicipality { name } leadMunicipality { id } leadMunicipality { name kind }
           ...Progress } } } }
     fragment Progress on Project { progressPercent percent: progressPercent latestStatusUpdate { text } }`,
  ],
  [
    'no node, no count',
    `query($first: Int, $after: String, $filter: ProjectFilter, $sort: ProjectSort) {
       projects(first: $first, after: $after, filter: $filter, sort: $sort) { pageInfo { endCursor } edges { cursor } } }`,
  ],
];

/** Selections it leaves to the resolvers: viewer-dependent fields, other projects, a Float, a directive. */
const RESOLVED: [string, string][] = [
  ['contacts (DSGVO: viewer-dependent)', 'contacts { id }'],
  ['viewerCan', 'viewerCan { edit adopt }'],
  ['origin (another project, read rules)', 'origin { id title }'],
  ['a Float', 'leadMunicipality { areaKm2 }'],
  ['a field with arguments', 'leadMunicipality { projects(first: 1) { totalCount } }'],
  ['@include', 'title @include(if: true)'],
];

const VARIABLES: Record<string, unknown>[] = [
  { first: 5 },
  { first: 50 },
  { first: 3, sort: 'RECENTLY_UPDATED' },
  { first: 4, sort: 'MOST_ADOPTED' },
  { first: 10, filter: { categories: ['CITIZEN_SERVICES', 'EDUCATION_CHILDCARE'] } },
  { first: 10, filter: { search: 'Portal' } },
  { first: 10, filter: { status: 'DRAFT', hasCosts: true } },
  { first: 0 },
];

let run = 0;
/** The query's answer resolved (its first run) and compiled (its second), by a text of its own. */
async function bothWays(client: TestClient, query: string, variables: Record<string, unknown>) {
  const text = `${query}\n# ${++run}`;
  const resolved = await client.gql(text, variables);
  const compiled = await client.gql(text, variables);
  return { resolved, compiled };
}

const answerText = (result: GraphQLResult) =>
  JSON.stringify({ status: result.status, data: result.data, errors: result.errors });
/** Whether the page's statement built the answers (catalogueAnswer's statement selects them `AS node`). */
const answeredInSql = (result: GraphQLResult) => result.statements.some((s) => /\bAS page_rows\b/.test(s));

it('answers catalogue pages in one statement, as the resolvers answer them', async () => {
  let pages = 0;
  for (const [name, query] of ANSWERED) {
    for (const [who, client] of clients) {
      for (const variables of VARIABLES) {
        const first = await bothWays(client, query, variables);
        expect({ name, who, variables, answer: answerText(first.compiled) }).toEqual({
          name,
          who,
          variables,
          answer: answerText(first.resolved),
        });
        expect(first.compiled.errors).toBeUndefined();
        expect({ name, who, variables, inSql: answeredInSql(first.compiled) }).toEqual({
          name,
          who,
          variables,
          inSql: true,
        });
        // The page: one statement, besides the session of a signed-in viewer and the other root fields.
        const page = first.compiled.statements.filter(
          (s) => /\bproject\b/.test(s) && !/facet|count\(\*\) FILTER/i.test(s),
        );
        if (!/viewerCan|projectFacets/.test(query))
          expect({ name, who, page: page.length }).toEqual({ name, who, page: 1 });
        // The next page, by the cursor of the first.
        const cursor = (first.resolved.data?.projects ?? first.resolved.data?.list)?.pageInfo?.endCursor;
        if (cursor) {
          const next = await bothWays(client, query, { ...variables, after: cursor });
          expect(answerText(next.compiled)).toEqual(answerText(next.resolved));
          expect(answeredInSql(next.compiled)).toBe(true);
        }
        pages++;
      }
    }
  }
  expect(pages).toBe(ANSWERED.length * clients.length * VARIABLES.length);
});

it('has data to compare: drafts for the officer, costs, funding, status updates, two participants', async () => {
  const query = `query { projects(first: 100) { totalCount edges { node { status participants { role }
    latestStatusUpdate { id } costSummary { oneOffTotalCents yearlyTotalCents fundingTotalCents } } } } }`;
  const [, officer] = clients[1];
  const { compiled } = await bothWays(officer, query, {});
  const nodes = compiled.data?.projects.edges.map((e: { node: unknown }) => e.node) as {
    status: string;
    participants: unknown[];
    latestStatusUpdate: unknown;
    costSummary: Record<string, number>;
  }[];
  expect(nodes.some((n) => n.status === 'DRAFT')).toBe(true);
  expect(nodes.some((n) => n.participants.length >= 2)).toBe(true);
  expect(nodes.some((n) => n.latestStatusUpdate)).toBe(true);
  expect(nodes.some((n) => n.costSummary.oneOffTotalCents > 9e12)).toBe(true);
  expect(nodes.some((n) => n.costSummary.yearlyTotalCents > 9e12)).toBe(true);
  expect(nodes.some((n) => n.costSummary.fundingTotalCents === 123456)).toBe(true);
});

it('leaves selections SQL cannot answer exactly to the resolvers, with the same answers', async () => {
  for (const [name, fields] of RESOLVED) {
    const query = `query($first: Int) { projects(first: $first) { totalCount edges { node { id ${fields} } } } }`;
    for (const [who, client] of clients) {
      const { resolved, compiled } = await bothWays(client, query, { first: 5 });
      expect({ name, who, answer: answerText(compiled), inSql: answeredInSql(compiled) }).toEqual({
        name,
        who,
        answer: answerText(resolved),
        inSql: false,
      });
    }
  }
});

it('answers refused input as the resolvers do: a forged cursor, a negative page size, a long search', async () => {
  const query = `query($first: Int, $after: String, $filter: ProjectFilter) {
    projects(first: $first, after: $after, filter: $filter) { totalCount edges { node { id title } } } }`;
  const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
  const cases: Record<string, unknown>[] = [
    { first: 5, after: forged },
    { first: 5, after: 'AAAA\u0000' },
    { first: -1 },
    { first: 5, filter: { search: 'x'.repeat(10_000) } },
  ];
  for (const variables of cases) {
    const { resolved, compiled } = await bothWays(t.client(), query, variables);
    expect(resolved.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(answerText(compiled)).toEqual(answerText(resolved));
  }
});

it('collects a selection as GraphQL merges it: response keys in order, fragments by type condition', async () => {
  const schema = await getSchema();
  const document =
    parse(`{ projects { edges { node { b: title ...F ... on Municipality { name } title a: id } } } }
    fragment F on Node { id b: title }`);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fragments = { F: document.definitions[1] as FragmentDefinitionNode };
  const only = (selectionSet: SelectionSetNode | undefined) => selectionSet?.selections[0] as FieldNode;
  const node = only(only(only(operation.selectionSet).selectionSet).selectionSet);
  const project = schema.getType('Project') as GraphQLObjectType;
  const fields = collectFields(schema, project, node.selectionSet ? [node.selectionSet] : [], fragments);
  expect([...(fields?.entries() ?? [])].map(([key, nodes]) => [key, nodes.length])).toEqual([
    ['b', 2],
    ['id', 1],
    ['title', 1],
    ['a', 1],
  ]);
  const withDirective = parse('{ projects { totalCount @skip(if: false) } }');
  const projects = only((withDirective.definitions[0] as OperationDefinitionNode).selectionSet);
  const connection = schema.getType('ProjectConnection') as GraphQLObjectType;
  expect(
    collectFields(schema, connection, projects.selectionSet ? [projects.selectionSet] : [], {}),
  ).toBeNull();
});
