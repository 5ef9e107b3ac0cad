import { seedDemo } from '../../packages/api/src/seed/demo';
import { seedDemoProjects } from '../../packages/api/src/seed/demo-projects';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds visibly marked demo projects led by demo members, once', async () => {
  // seedDemo seeds the demo projects too; a second call adds none.
  await t.dataSource.transaction((m) => seedDemo(m));
  const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM project WHERE is_demo');
  expect(count).toBeGreaterThanOrEqual(6);
  expect(await t.dataSource.transaction((m) => seedDemoProjects(m))).toBe(0);
  const result = await t.client().gql(`{ projects(first: 50) { totalCount edges { node {
    title summary isDemo descriptionHtml leadMunicipality { name } progressPercent costSummary { oneOffTotalCents hasCostInformation }
    lineage { title } contacts { name } } } } }`);
  expect(result.errors).toBeUndefined();
  const nodes = result.data!.projects.edges.map((e: { node: Record<string, any> }) => e.node);
  expect(nodes).toHaveLength(count);
  for (const node of nodes) {
    expect(node.isDemo).toBe(true);
    expect(node.title).toMatch(/^Demo: /);
    expect(node.summary).toMatch(/^Demo – /);
    expect(node.descriptionHtml).toContain('Demo-Daten');
    expect(node.costSummary.hasCostInformation).toBe(true);
    expect(node.progressPercent).not.toBeNull();
    expect(node.contacts).toEqual([]);
  }
  expect(nodes.find((n: { title: string }) => n.title === 'Demo: Kita-Portal Koblenz').lineage).toEqual([
    { title: 'Demo: Digitales Kita-Portal' },
  ]);
  expect(nodes.map((n: { leadMunicipality: { name: string } }) => n.leadMunicipality.name)).toEqual(
    expect.arrayContaining(['Kaiserslautern', 'Landkreis Cochem-Zell', 'Mainz']),
  );
});
