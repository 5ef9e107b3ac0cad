import { Role } from '@hub/shared';
import { seedDemo } from '../../packages/api/src/seed/demo';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.dataSource.transaction((m) => seedDemo(m));
});
afterAll(() => t.close());

it('the demo has two published quarterly reports computed from the demo network', async () => {
  const ministry = await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY }));
  const result = await ministry.gql(`{ progressReports(first: 10) { edges { node {
    title status frozen period { label }
    figures { current { memberCount projectCount } previous { memberCount } }
    sections { title html } projects { title highlight statusUpdates { reportedOn } } } } } }`);
  expect(result.errors).toBeUndefined();
  const reports = result.data?.progressReports.edges.map((e: { node: Record<string, any> }) => e.node);
  expect(reports.map((r: { title: string }) => r.title)).toEqual([
    'Fortschrittsbericht Q4 2025',
    'Fortschrittsbericht Q3 2025',
  ]);
  for (const report of reports) {
    expect(report).toMatchObject({ status: 'PUBLISHED', frozen: true });
    expect(report.figures.current.memberCount).toBeGreaterThan(20);
    expect(report.figures.current.projectCount).toBeGreaterThan(5);
    expect(report.projects.length).toBeGreaterThan(0);
    expect(report.projects[0].highlight).toBe(true);
    expect(report.sections[0].html).toContain(
      `<strong>${report.figures.current.memberCount} Mitgliedskommunen</strong>`,
    );
  }
});
