import { Role } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const NODE = `query($id: ID!) { node(id: $id) { id __typename ... on User { name email phone } ... on Municipality { name } } }`;

describe('node lookups across roles', () => {
  it('resolves users for signed-in people, hides contact data from the ministry, nothing for the public', async () => {
    const officer = await buildUser(t.dataSource, { phone: '+49 631 1234' });
    const other = await buildUser(t.dataSource);
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const id = gid('User', officer.id);

    const asOther = await (await t.as(other)).gql(NODE, { id });
    expect(asOther.data?.node).toMatchObject({
      __typename: 'User',
      name: officer.name,
      email: officer.email,
      phone: '+49 631 1234',
    });
    const asCoordinator = await (await t.as(coordinator)).gql(NODE, { id });
    expect(asCoordinator.data?.node.email).toBe(officer.email);
    const asMinistry = await (await t.as(ministry)).gql(NODE, { id });
    expect(asMinistry.data?.node).toMatchObject({ name: officer.name, email: null, phone: null });
    const anonymous = await t.client().gql(NODE, { id });
    expect(anonymous.data?.node).toBeNull();
  });

  it('resolves municipalities for everyone (public reference data)', async () => {
    const kl = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    const result = await t.client().gql(NODE, { id: gid('Municipality', kl.id) });
    expect(result.data?.node).toEqual({
      id: gid('Municipality', kl.id),
      __typename: 'Municipality',
      name: 'Kaiserslautern',
    });
  });

  it('answers null for malformed, unknown and mistyped IDs, and nodes() keeps the order', async () => {
    const viewer = await buildUser(t.dataSource);
    const client = await t.as(viewer);
    const kl = await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never);
    const unknown = gid('User', '00000000-0000-4000-8000-000000000000');
    const result = await client.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: ['garbage', unknown, gid('Nope', kl.id), gid('Municipality', kl.id), gid('User', viewer.id)],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.nodes).toEqual([
      null,
      null,
      null,
      { id: gid('Municipality', kl.id) },
      { id: gid('User', viewer.id) },
    ]);
  });
});

describe('query limits and error shape', () => {
  it('rejects queries nested too deep', async () => {
    let selection = 'id';
    for (let i = 0; i < 14; i++) selection = `parent { ${selection} }`;
    const result = await t.client().gql(`{ node(id: "x") { ... on Municipality { ${selection} } } }`);
    expect(result.status).toBe(400);
    expect(result.errors?.[0].message).toMatch(/nested deeper/);
  });

  it('rejects too many aliases', async () => {
    const fields = Array.from({ length: 40 }, (_, i) => `a${i}: viewer { id }`).join(' ');
    const result = await t.client().gql(`{ ${fields} }`);
    expect(result.errors?.[0].message).toMatch(/aliases/);
  });

  it('refuses requests without the CSRF header or JSON content type', async () => {
    const response = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ viewer { id } }')}`);
    expect(response.status).toBe(400);
  });

  it('serves health and readiness', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${t.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('hides introspection from anonymous clients in production, not from signed-in ones', async () => {
    const production = await startTestApp({ production: true });
    try {
      const anonymous = await production.client().gql('{ __schema { queryType { name } } }');
      expect(anonymous.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const user = await buildUser(production.dataSource);
      const signedIn = await (await production.as(user)).gql('{ __schema { queryType { name } } }');
      expect(signedIn.data?.__schema.queryType.name).toBe('Query');
      const typo = await production.client().gql('{ viewr { id } }');
      expect(JSON.stringify(typo.errors)).not.toMatch(/Did you mean/);
    } finally {
      await production.close();
    }
  });
});

describe('write rate limit', () => {
  it('caps mutations per person per minute with RATE_LIMITED', async () => {
    const user = await buildUser(t.dataSource);
    const client = await t.as(user);
    await t.dataSource.query(
      `INSERT INTO rate_limit_bucket (key, count, window_start) VALUES ($1, $2, now())`,
      [`writes:user:${user.id}`, 120],
    );
    const result = await client.gql('mutation { setLocale(input: { locale: EN }) { viewer { locale } } }');
    expect(result.status).toBe(429);
    expect(result.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    // Reads are not limited.
    expect((await client.gql('{ viewer { id } }')).data?.viewer).not.toBeNull();
  });
});
