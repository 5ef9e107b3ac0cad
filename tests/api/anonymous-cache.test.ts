import { MunicipalityKind, Role } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let kl: string;

beforeAll(async () => {
  t = await startTestApp({ anonymousCacheSeconds: 60 });
  kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
});
afterAll(() => t.close());

const CATALOGUE = `query Catalogue { projects(first: 50) { totalCount edges { node { id title } } } }`;

/** A signed-out visitor's catalogue request as a browser sends it, with the answer's cache status. */
async function anonymousCatalogue(headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: CATALOGUE }),
  });
  const text = await response.text();
  return {
    status: response.status,
    cache: response.headers.get('x-hub-cache'),
    etag: response.headers.get('etag'),
    titles: text
      ? (
          JSON.parse(text) as { data: { projects: { edges: { node: { title: string } }[] } } }
        ).data.projects.edges.map((e) => e.node.title)
      : [],
  };
}

/** Waits until the process heard the write (a notification arrives on commit, a few milliseconds later). */
async function untilMiss() {
  for (let attempt = 0; attempt < 50; attempt++) {
    const answer = await anonymousCatalogue();
    if (answer.cache === 'miss') return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the cached catalogue was never dropped');
}

/**
 * Waits until the process heard every write of the test's setup and keeps the answer: the cache
 * was dropped, then an answer is served from memory. A factory writes in several transactions, so
 * one more notification may still drop the answer after the first miss: the miss that counts is
 * the last one, the answer that the hit is served from.
 */
async function untilDroppedAndKept() {
  let miss = await untilMiss();
  for (let attempt = 0; attempt < 50; attempt++) {
    const answer = await anonymousCatalogue();
    if (answer.cache === 'hit') return { miss, hit: answer };
    miss = answer;
  }
  throw new Error('the catalogue was never served from the cache');
}

describe('the cache of anonymous answers', () => {
  it('serves a repeated anonymous query from memory with an ETag, and 304 to a matching If-None-Match', async () => {
    await buildProject(t.dataSource, { title: 'Cache: Parkleitsystem', leadMunicipalityId: kl });
    const { miss: first, hit: second } = await untilDroppedAndKept();
    expect(first.titles).toContain('Cache: Parkleitsystem');
    expect(second).toMatchObject({ status: 200, cache: 'hit', titles: first.titles });
    expect(second.etag).toBe(first.etag);
    const revalidated = await anonymousCatalogue({ 'if-none-match': second.etag ?? '' });
    expect(revalidated).toMatchObject({ status: 304, cache: 'hit' });
  });

  it('drops the cached answer when a signed-in officer changes a published project through the API', async () => {
    const project = await buildProject(t.dataSource, {
      title: 'Cache: Bürgerportal',
      leadMunicipalityId: kl,
    });
    const officer = await buildUser(t.dataSource, { municipalityId: kl });
    await untilDroppedAndKept();

    const client = await t.as(officer);
    const renamed = await client.gql(
      'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { title } userErrors { code } } }',
      { input: { id: gid('Project', project.id), title: 'Cache: Bürgerportal 2.0' } },
    );
    expect(renamed.data?.updateProject).toEqual({
      project: { title: 'Cache: Bürgerportal 2.0' },
      userErrors: [],
    });

    const after = await untilMiss();
    expect(after.titles).toContain('Cache: Bürgerportal 2.0');
    expect(after.titles).not.toContain('Cache: Bürgerportal');
  });

  it('drops it for a write that bypasses the services (a committed SQL change of a public table)', async () => {
    const project = await buildProject(t.dataSource, { title: 'Cache: Glasfaser', leadMunicipalityId: kl });
    await untilDroppedAndKept();
    await t.dataSource.query('UPDATE project SET title = $1 WHERE id = $2', [
      'Cache: Glasfaser Nord',
      project.id,
    ]);
    expect((await untilMiss()).titles).toContain('Cache: Glasfaser Nord');
  });

  it('never caches signed-in answers or mutations', async () => {
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const client = await t.as(coordinator);
    await client.gql(CATALOGUE);
    const again = await client.gql(CATALOGUE);
    expect(again.headers.get('x-hub-cache')).toBeNull();
    expect(again.statements.length).toBeGreaterThan(0);

    const signOut = await t.client().gql('mutation { signOut { success } }');
    expect(signOut.headers.get('x-hub-cache')).toBe('miss');
    const signOutAgain = await t.client().gql('mutation { signOut { success } }');
    expect(signOutAgain.headers.get('x-hub-cache')).toBe('miss');
  });

  it('keeps the network figures (the same for every reader) until a write, for signed-in readers too', async () => {
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const client = await t.as(ministry);
    const FIGURES = `query { networkFigures(period: { kind: YEAR, year: 2026, index: 1 }) { current { projectCount } } }`;
    const count = (answer: { data?: unknown }) =>
      (answer.data as { networkFigures: { current: { projectCount: number } } }).networkFigures.current
        .projectCount;
    await buildProject(t.dataSource, { title: 'Cache: Sensorik', leadMunicipalityId: kl });
    // Until the process heard of the write, figures are computed (and cost statements).
    let first = await client.gql(FIGURES);
    for (let attempt = 0; attempt < 50 && (await client.gql(FIGURES)).statements.length > 1; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      first = await client.gql(FIGURES);
    }
    const remembered = await client.gql(FIGURES);
    // Only the session lookup: the figures come from memory, unchanged.
    expect(remembered.statements).toHaveLength(1);
    expect(count(remembered)).toBe(count(first));

    await buildProject(t.dataSource, { title: 'Cache: Sensorik 2', leadMunicipalityId: kl });
    let after = await client.gql(FIGURES);
    for (let attempt = 0; attempt < 50 && count(after) === count(first); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      after = await client.gql(FIGURES);
    }
    expect(count(after)).toBe(count(first) + 1);
  });
});
