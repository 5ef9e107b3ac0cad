import { ErrorCode, limits } from '@hub/shared';
import {
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import {
  isConnectionType,
  LIST_SIZES,
  operationCost,
  QUERY_LIMITS,
  queryLimitRules,
} from '../../packages/api/src/graphql/limits';
import { getSchema } from '../../packages/api/src/graphql/schema';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid } from '../support/factories';
import { webOperations, withTypenames } from '../support/web-operations';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function expectRefused(query: string, pattern: RegExp): Promise<void> {
  const result = await t.client().gql(query);
  expect(result.status).toBe(400);
  expect(result.data).toBeUndefined();
  expect(result.errors?.map((e) => e.extensions?.code)).toContain(ErrorCode.QUERY_TOO_COMPLEX);
  expect(result.errors?.find((e) => e.extensions?.code === ErrorCode.QUERY_TOO_COMPLEX)?.message).toMatch(
    pattern,
  );
}

/** The Verbandsgemeinde with the most Ortsgemeinden (71 in the directory). */
async function largestParent(): Promise<{ id: string; children: number }> {
  const [row] = await t.dataSource.query(
    `SELECT parent_id AS id, count(*)::int AS children FROM municipality
     WHERE parent_id IS NOT NULL GROUP BY parent_id ORDER BY count(*) DESC LIMIT 1`,
  );
  return row;
}

describe('unpaginated lists count with their real size', () => {
  it('refuses the 187-byte children/parent recursion that ran out of memory, and answers one level', async () => {
    const vg = await largestParent();
    const recursion = `{ municipality(id: "${gid('Municipality', vg.id)}") { children { parent { children { parent { children { parent { children { parent { children { name } } } } } } } } } } }`;
    await expectRefused(recursion, /too expensive/);
    // Already three levels (71³ names) are refused ...
    await expectRefused(
      `{ municipality(id: "${gid('Municipality', vg.id)}") { children { parent { children { parent { children { name } } } } } } }`,
      /too expensive/,
    );
    // ... while the page the web app asks for is answered.
    const oneLevel = await t
      .client()
      .gql(`{ municipality(id: "${gid('Municipality', vg.id)}") { name children { id name } } }`);
    expect(oneLevel.errors).toBeUndefined();
    expect(oneLevel.data?.municipality.children).toHaveLength(vg.children);
  });

  it('has an estimate for every list field of the schema that is not a connection page', async () => {
    const schema = await getSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || isConnectionType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        const listOfObjects =
          isListType(getNullableType(field.type)) && isObjectType(getNamedType(field.type));
        if (!listOfObjects || ['userErrors', 'errors'].includes(field.name)) continue;
        if (!(`${type.name}.${field.name}` in LIST_SIZES)) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('estimates Municipality.children at least as large as the directory’s largest unit', async () => {
    expect(LIST_SIZES['Municipality.children']).toBeGreaterThanOrEqual((await largestParent()).children);
  });
});

/** A chain of `count` fragments, each selecting `parent` and spreading the next one. */
function fragmentChain(count: number, id = 'x'): string {
  const fragments = Array.from(
    { length: count },
    (_, i) => `fragment F${i} on Municipality { parent { id ${i + 1 < count ? `...F${i + 1}` : ''} } }`,
  );
  return `{ municipality(id: "${id}") { ...F0 } } ${fragments.join(' ')}`;
}

describe('depth', () => {
  const tooDeep = QUERY_LIMITS.depth + 1;

  it('counts fields nested through fragment spreads (30 chained fragments)', async () => {
    await expectRefused(fragmentChain(30), /nested deeper/);
    await expectRefused(fragmentChain(tooDeep), /nested deeper/);
    const vg = await largestParent();
    const shallow = await t.client().gql(fragmentChain(QUERY_LIMITS.depth - 2, gid('Municipality', vg.id)));
    expect(shallow.errors).toBeUndefined();
    expect(shallow.data?.municipality.parent.id).toBeDefined();
  });

  it('counts fields nested through inline fragments', async () => {
    let selection = 'id';
    for (let i = 0; i < tooDeep; i++) selection = `... on Municipality { parent { ${selection} } }`;
    await expectRefused(`{ municipality(id: "x") { ${selection} } }`, /nested deeper/);
  });

  it('counts aliased fields like any other', async () => {
    let selection = 'id';
    for (let i = 0; i < tooDeep; i++) selection = `up${i}: parent { ${selection} }`;
    await expectRefused(`{ municipality(id: "x") { ${selection} } }`, /nested deeper/);
  });

  it('counts __type lookups, lets the standard introspection query through and refuses an introspection bomb', async () => {
    let selection = 'name';
    for (let i = 0; i < tooDeep; i++) selection = `ofType { ${selection} }`;
    await expectRefused(`{ __type(name: "Project") { fields { type { ${selection} } } } }`, /nested deeper/);
    const standard = await t
      .client()
      .gql(getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }));
    expect(standard.errors).toBeUndefined();
    expect(standard.data?.__schema.queryType.name).toBe('Query');
    const bomb = await t
      .client()
      .gql('{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }');
    expect(bomb.status).toBe(400);
    expect(bomb.errors?.[0].message).toMatch(/Maximum introspection depth exceeded/);
  });
});

describe('cost', () => {
  const nested = 'leadMunicipality { projects(first: 100) { edges { node { id title summary } } } }';

  it('refuses a page nested in a page, inline', async () => {
    await expectRefused(`{ projects(first: 100) { edges { node { ${nested} } } } }`, /too expensive/);
  });

  it('refuses the same through a fragment spread', async () => {
    await expectRefused(
      `{ projects(first: 100) { edges { node { ...Lead } } } } fragment Lead on Project { ${nested} }`,
      /too expensive/,
    );
  });

  it('refuses the same through an inline fragment and through aliases', async () => {
    await expectRefused(
      `{ projects(first: 100) { edges { node { ... on Project { ${nested} } } } } }`,
      /too expensive/,
    );
    await expectRefused(
      `{ p: projects(first: 100) { e: edges { n: node { m: leadMunicipality { q: projects(first: 100) { edges { node { id title summary } } } } } } } }`,
      /too expensive/,
    );
  });

  it('counts a fragment spread twice twice, and a variable page size as the largest page', async () => {
    const schema = await getSchema();
    const cost = (query: string) => {
      const document = parse(query);
      let total = 0;
      validate(schema, document, [
        (context) => ({
          OperationDefinition(operation) {
            total = operationCost(context, operation);
          },
        }),
      ]);
      return total;
    };
    const once = cost(
      '{ projects(first: 10) { edges { node { ...P } } } } fragment P on Project { id title }',
    );
    const twice = cost(
      '{ a: projects(first: 10) { edges { node { ...P } } } b: projects(first: 10) { edges { node { ...P } } } } fragment P on Project { id title }',
    );
    expect(twice).toBe(2 * once);
    expect(cost('query($n: Int) { projects(first: $n) { totalCount } }')).toBe(1 + limits.pageSize.max);
    expect(cost('{ projects { totalCount } }')).toBe(1 + limits.pageSize.default);
  });
});

describe('aliases', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ');
  const tooMany = QUERY_LIMITS.aliases + 1;

  it('counts aliases in the operation, in fragments and in inline fragments', async () => {
    await expectRefused(`{ viewer { ${many(tooMany)} } }`, /aliases/);
    await expectRefused(`{ viewer { ...A } } fragment A on User { ${many(tooMany)} }`, /aliases/);
    await expectRefused(`{ viewer { ... on User { ${many(tooMany)} } } }`, /aliases/);
  });

  it('counts a fragment as often as it is spread, and aliased __typename too', async () => {
    const half = Math.ceil(tooMany / 2);
    await expectRefused(
      `{ a: viewer { ...A } b: viewer { ...A } } fragment A on User { ${many(half)} }`,
      /aliases/,
    );
    const typenames = Array.from({ length: tooMany }, (_, i) => `t${i}: __typename`).join(' ');
    await expectRefused(`{ ${typenames} }`, /aliases/);
  });
});

describe('directives', () => {
  const tooMany = QUERY_LIMITS.directives + 1;
  const directives = Array.from({ length: tooMany }, (_, i) => `@include(if: ${i >= 0})`).join(' ');

  it('refuses graphql-cop’s "directive overloading" probe', async () => {
    await expectRefused('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }', /directives/);
  });

  it('counts directives in the operation, in fragments and in inline fragments', async () => {
    await expectRefused(`{ viewer { id ${directives} } }`, /directives/);
    await expectRefused(`{ viewer { ...D } } fragment D on User { id ${directives} }`, /directives/);
    await expectRefused(`{ viewer { ... on User { id ${directives} } } }`, /directives/);
    await expectRefused(
      `{ viewer { ${Array.from({ length: tooMany }, (_, i) => `a${i}: id @skip(if: false)`).join(' ')} } }`,
      /directives/,
    );
  });

  it('lets a few directives through', async () => {
    const result = await t
      .client()
      .gql('query($on: Boolean!) { viewer @include(if: $on) { id } }', { on: true });
    expect(result.errors).toBeUndefined();
  });
});

describe('tokens', () => {
  // Each `a: id` is 3 tokens; the parser stops at QUERY_LIMITS.tokens before any rule runs.
  const fields = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ');
  const tooMany = Math.ceil(QUERY_LIMITS.tokens / 3) + 1;

  it('counts tokens in the operation, in fragments and in inline fragments', async () => {
    for (const query of [
      `{ viewer { ${fields(tooMany)} } }`,
      `{ viewer { ...A } } fragment A on User { ${fields(tooMany)} }`,
      `{ viewer { ... on User { ${fields(tooMany)} } } }`,
    ]) {
      const result = await t.client().gql(query);
      expect(result.status).toBe(400);
      expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(result.errors?.[0].message).toMatch(/contains more (than|that) 5000 tokens/);
    }
  });
});

describe('the web app’s own operations', () => {
  it('every operation in packages/web/src passes every limit, as Apollo Client sends it', async () => {
    const schema = await getSchema();
    const documents = webOperations();
    expect(documents.length).toBeGreaterThan(50);
    const refused = documents.flatMap(([name, document]) =>
      validate(schema, withTypenames(document), [...specifiedRules, ...queryLimitRules]).map(
        (error) => `${name}: ${error.message}`,
      ),
    );
    expect(refused).toEqual([]);
  });
});

describe('time and response budgets', () => {
  it('stops an operation past its time budget with REQUEST_TIMEOUT, and the process keeps answering', async () => {
    const slow = await startTestApp({
      requestBudget: { timeoutMs: 0, maxResponseBytes: 16 * 1024 * 1024 },
    });
    try {
      const result = await slow.client().gql('{ projects(first: 5) { totalCount edges { node { id } } } }');
      expect(result.status).toBe(503);
      expect(result.data).toBeUndefined();
      expect(result.errors).toEqual([
        { message: expect.stringMatching(/too long/), extensions: { code: ErrorCode.REQUEST_TIMEOUT } },
      ]);
      expect((await fetch(`${slow.url}/healthz`)).status).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('replaces a result above the response budget with RESPONSE_TOO_LARGE', async () => {
    const small = await startTestApp({ requestBudget: { timeoutMs: 10_000, maxResponseBytes: 2_000 } });
    try {
      const big = await small
        .client()
        .gql('{ municipalities(first: 100) { edges { node { id name ars } } } }');
      expect(big.status).toBe(400);
      expect(big.data).toBeUndefined();
      expect(big.errors).toEqual([
        { message: expect.stringMatching(/too large/), extensions: { code: ErrorCode.RESPONSE_TOO_LARGE } },
      ]);
      const fits = await small.client().gql('{ municipalities(first: 2) { edges { node { name } } } }');
      expect(fits.errors).toBeUndefined();
      expect(fits.data?.municipalities.edges).toHaveLength(2);
    } finally {
      await small.close();
    }
  });
});

describe('field suggestions', () => {
  it('are off in production for anonymous clients, in validation and in variable errors', async () => {
    const production = await startTestApp({ production: true });
    try {
      const typo = await production.client().gql('{ viewr { id } projects { edges { nod { id } } } }');
      expect(typo.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean|viewer|node/);
      const badEnum = await production
        .client()
        .gql('query($sort: ProjectSort) { projects(sort: $sort) { totalCount } }', { sort: 'NEWES' });
      expect(badEnum.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(badEnum.errors)).not.toMatch(/Did you mean|NEWEST/);
    } finally {
      await production.close();
    }
  });

  it('are on in development, where they help', async () => {
    const typo = await t.client().gql('{ viewr { id } }');
    expect(typo.errors?.[0].message).toMatch(/Did you mean "viewer"/);
    const user = await buildUser(t.dataSource);
    expect((await (await t.as(user)).gql('{ viewer { id } }')).errors).toBeUndefined();
  });
});
