// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL and SQL rows are untyped JSON here, read field by field.
import { Role } from '@hub/shared';
import { User } from '../../packages/api/src/modules/users/user.entity';
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

it('each demo report went through the four-eyes review: compiled by one coordinator, approved by another', async () => {
  const rows: Record<string, any>[] = await t.dataSource.query(
    `SELECT r.id, r.title, r.review_comment, r.reviewed_at, r.published_at,
            s.email AS submitted_by, v.email AS reviewed_by, p.email AS published_by
       FROM progress_report r
       JOIN app_user s ON s.id = r.submitted_by_id
       JOIN app_user v ON v.id = r.reviewed_by_id
       JOIN app_user p ON p.id = r.published_by_id
      ORDER BY r.year, r.period_index`,
  );
  expect(rows).toHaveLength(2);
  for (const row of rows) {
    expect(row.submitted_by).toBe('koordination@kl.digital.demo');
    expect(row.reviewed_by).toBe('pruefung@kl.digital.demo');
    expect(row.published_by).toBe('koordination@kl.digital.demo');
    expect(row.reviewed_at.getTime()).toBeLessThan(row.published_at.getTime());
  }
  // The steps as domain events, in order, marked as demo (no notifications for them).
  const events: { type: string; approved: boolean | null; actor: string; demo: boolean }[] =
    await t.dataSource.query(
      `SELECT e.type, (e.payload->>'approved')::boolean AS approved, u.email AS actor, (e.payload->>'demo')::boolean AS demo
         FROM domain_event e JOIN app_user u ON u.id = e.actor_id
        WHERE e.subject_type = 'ProgressReport' AND e.subject_id = $1 ORDER BY e.occurred_at`,
      [rows[0].id],
    );
  expect(events.map((e) => [e.type, e.approved, e.actor])).toEqual([
    ['progressReport.create', null, 'koordination@kl.digital.demo'],
    ['progressReport.submit', null, 'koordination@kl.digital.demo'],
    ['progressReport.review', false, 'pruefung@kl.digital.demo'],
    ['progressReport.submit', null, 'koordination@kl.digital.demo'],
    ['progressReport.review', true, 'pruefung@kl.digital.demo'],
    ['progressReport.publish', null, 'koordination@kl.digital.demo'],
  ]);
  expect(events.every((e) => e.demo)).toBe(true);
  // Coordinators read the reviewer's note on the report; the ministry does not.
  const coordinator = await t.dataSource
    .getRepository(User)
    .findOneByOrFail({ email: 'koordination@kl.digital.demo' });
  const asCoordinator = await t.as(coordinator);
  const seen = await asCoordinator.gql(
    `{ progressReports(first: 10) { edges { node { title reviewComment } } } }`,
  );
  expect(seen.errors).toBeUndefined();
  for (const { node } of seen.data?.progressReports.edges ?? [])
    expect(node.reviewComment).toMatch(/^Geprüft: Kennzahlen/);
});
