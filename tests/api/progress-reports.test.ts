import { MunicipalityKind, ProgressReportStatus, ProjectPhase, Role } from '@hub/shared';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { ProgressReport } from '../../packages/api/src/modules/reports/progress-report.entity';
import { can, readableReportsSql } from '../../packages/api/src/modules/reports/progress-report.policy';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let kaiserslautern: Municipality;
let people: Record<'coordinator' | 'reviewer' | 'officer' | 'otherOfficer' | 'ministry', User>;
type Actor = keyof typeof people | 'anonymous';
const client = async (actor: Actor): Promise<TestClient> =>
  actor === 'anonymous' ? t.client() : t.as(people[actor]);

const Q1 = { kind: 'QUARTER', year: 2026, index: 1 };

const REPORT = `query Report($id: ID!) {
  progressReport(id: $id) {
    id title status version frozen publishedAt reviewComment submittedByViewer previousVersionId downloads { pdf xlsx figuresCsv projectsCsv }
    period { label startsOn endsOn }
    viewerCan { edit submit review publish correct }
    correctedBy { id version status }
    figures { current { memberCount projectCount projectsByPhase { phase count } } previous { projectCount } }
    sections { title body html }
    projects { projectId title leadMunicipality district phase progressPercent highlight
               statusUpdates { reportedOn phase progressPercent text } milestones { title dueDate done } }
  }
}`;

const MUTATE = (name: string, input: string) => `mutation M($input: ${input}!) {
  ${name}(input: $input) { report { id status version } userErrors { code field message } }
}`;
const create = MUTATE('createProgressReport', 'CreateProgressReportInput');
const update = MUTATE('updateProgressReport', 'UpdateProgressReportInput');
const submit = MUTATE('submitProgressReport', 'ProgressReportIdInput');
const review = MUTATE('reviewProgressReport', 'ReviewProgressReportInput');
const publish = MUTATE('publishProgressReport', 'ProgressReportIdInput');
const correct = MUTATE('correctProgressReport', 'ProgressReportIdInput');

let projectId: string;
let projectGid: string;

beforeAll(async () => {
  t = await startTestApp();
  kaiserslautern = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
  const koblenz = await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT);
  people = {
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    reviewer: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    officer: await buildUser(t.dataSource, { municipalityId: kaiserslautern.id }),
    otherOfficer: await buildUser(t.dataSource, { municipalityId: koblenz.id }),
    ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
  };
  const project = await buildProject(t.dataSource, {
    leadMunicipalityId: kaiserslautern.id,
    title: 'Smarte Lichtmasten',
    phase: ProjectPhase.PILOT,
    publishedAt: new Date('2025-06-01T09:00:00Z'),
    createdAt: new Date('2025-06-01T09:00:00Z'),
    statusUpdates: [
      {
        reportedOn: '2026-02-01',
        progressPercent: 40,
        phase: ProjectPhase.PILOT,
        text: 'Zehn Masten stehen.',
      },
      { reportedOn: '2025-12-01', progressPercent: 20, phase: ProjectPhase.CONCEPT, text: 'Ausschreibung.' },
    ],
  });
  await t.dataSource.query(
    `INSERT INTO project_milestone (project_id, position, title, due_date, done) VALUES
       ($1, 0, 'Pilotstrecke', '2026-03-15', true), ($1, 1, 'Ausbau', '2026-09-01', false)`,
    [project.id],
  );
  // A project without activity in Q1 2026 stays out unless highlighted.
  await buildProject(t.dataSource, {
    leadMunicipalityId: koblenz.id,
    title: 'Stilles Projekt',
    publishedAt: new Date('2025-06-01T09:00:00Z'),
  });
  projectId = project.id;
  projectGid = gid('Project', project.id);
});
afterAll(() => t.close());

async function draft(period = Q1): Promise<string> {
  const result = await (await client('coordinator')).gql(create, { input: { period } });
  expect(result.data?.createProgressReport.userErrors).toEqual([]);
  return result.data?.createProgressReport.report.id;
}

async function publishedReport(period: typeof Q1): Promise<string> {
  const id = await draft(period);
  const coordinator = await client('coordinator');
  await coordinator.gql(update, {
    input: {
      id,
      sections: [{ title: 'Zusammenfassung', body: 'Das Netz **wächst**. <script>alert(1)</script>' }],
      highlightProjectIds: [projectGid],
    },
  });
  await coordinator.gql(submit, { input: { id } });
  await (await client('reviewer')).gql(review, { input: { id, approve: true } });
  const result = await coordinator.gql(publish, { input: { id } });
  expect(result.data?.publishProgressReport.userErrors).toEqual([]);
  return id;
}

describe('the progress report workflow', () => {
  it('a coordinator compiles, a second one reviews, then it is published and announced', async () => {
    const coordinator = await client('coordinator');
    const id = await draft();
    const title = await coordinator.gql(update, {
      input: {
        id,
        title: 'Fortschrittsbericht Q1 2026',
        sections: [{ title: 'Zusammenfassung', body: 'Das Netz **wächst**. <script>alert(1)</script>' }],
        highlightProjectIds: [projectGid],
      },
    });
    expect(title.data?.updateProgressReport.userErrors).toEqual([]);

    const view = await coordinator.gql(REPORT, { id });
    const report = view.data?.progressReport;
    expect(report).toMatchObject({
      status: 'DRAFT',
      frozen: false,
      period: { label: 'Q1 2026', startsOn: '2026-01-01', endsOn: '2026-03-31' },
      viewerCan: { edit: true, submit: true, review: false, publish: false, correct: false },
    });
    expect(report.sections[0].html).toBe(
      '<p>Das Netz <strong>wächst</strong>. &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    );
    expect(report.projects).toEqual([
      {
        projectId: projectGid,
        title: 'Smarte Lichtmasten',
        leadMunicipality: 'Kaiserslautern',
        district: 'Kaiserslautern',
        phase: 'PILOT',
        progressPercent: 40,
        highlight: true,
        statusUpdates: [
          { reportedOn: '2026-02-01', phase: 'PILOT', progressPercent: 40, text: 'Zehn Masten stehen.' },
        ],
        milestones: [{ title: 'Pilotstrecke', dueDate: '2026-03-15', done: true }],
      },
    ]);
    expect(report.figures.current.projectCount).toBe(2);

    // Publishing needs the approval; the submitter cannot approve their own report.
    const early = await coordinator.gql(publish, { input: { id } });
    expect(early.data?.publishProgressReport.userErrors[0].code).toBe('INVALID_STATE');
    await coordinator.gql(submit, { input: { id } });
    const own = await coordinator.gql(review, { input: { id, approve: true } });
    expect(own.data?.reviewProgressReport.userErrors[0]).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining('second coordinator'),
    });
    const reviewer = await client('reviewer');
    const returned = await reviewer.gql(review, { input: { id, approve: false } });
    expect(returned.data?.reviewProgressReport.userErrors[0]).toMatchObject({
      code: 'VALIDATION',
      field: 'comment',
    });
    await reviewer.gql(review, { input: { id, approve: false, comment: 'Bitte Zahlen erläutern.' } });
    expect((await coordinator.gql(REPORT, { id })).data?.progressReport).toMatchObject({
      status: 'DRAFT',
      reviewComment: 'Bitte Zahlen erläutern.',
    });
    await coordinator.gql(submit, { input: { id } });
    expect((await reviewer.gql(REPORT, { id })).data?.progressReport.viewerCan.review).toBe(true);
    const approved = await reviewer.gql(review, { input: { id, approve: true } });
    expect(approved.data?.reviewProgressReport.report.status).toBe('APPROVED');
    const done = await coordinator.gql(publish, { input: { id } });
    expect(done.data?.publishProgressReport.report.status).toBe('PUBLISHED');

    // Who approved it is part of the workflow: coordinators read it, nobody else.
    const TRAIL = `query($id: ID!) { progressReport(id: $id) { reviewedAt reviewedBy { name } } }`;
    expect((await coordinator.gql(TRAIL, { id })).data?.progressReport).toEqual({
      reviewedAt: expect.any(String),
      reviewedBy: { name: people.reviewer.name },
    });
    for (const actor of ['ministry', 'officer'] as const)
      expect((await (await client(actor)).gql(TRAIL, { id })).data?.progressReport).toEqual({
        reviewedAt: null,
        reviewedBy: null,
      });

    const [event] = await t.dataSource.query(
      `SELECT payload FROM domain_event WHERE type = 'progressReport.publish' ORDER BY occurred_at DESC LIMIT 1`,
    );
    expect(event.payload).toEqual({ reportId: id, title: 'Fortschrittsbericht Q1 2026' });
  });

  it('rejects bad input with userErrors and writes nothing', async () => {
    const coordinator = await client('coordinator');
    const bad = await coordinator.gql(create, {
      input: { period: { kind: 'QUARTER', year: 2026, index: 7 } },
    });
    expect(bad.data?.createProgressReport.userErrors[0].code).toBe('INVALID_PERIOD');
    const id = await draft({ kind: 'HALF_YEAR', year: 2025, index: 2 });
    const twice = await coordinator.gql(create, {
      input: { period: { kind: 'HALF_YEAR', year: 2025, index: 2 } },
    });
    expect(twice.data?.createProgressReport.userErrors[0].code).toBe('REPORT_EXISTS');
    const empty = await coordinator.gql(update, { input: { id, title: '   ' } });
    expect(empty.data?.updateProgressReport.userErrors[0]).toMatchObject({
      code: 'VALIDATION',
      field: 'title',
    });
    const missing = await coordinator.gql(update, {
      input: { id, highlightProjectIds: [gid('Project', '00000000-0000-4000-8000-000000000000')] },
    });
    expect(missing.data?.updateProgressReport.userErrors[0].code).toBe('NOT_FOUND');
    const untitled = await coordinator.gql(update, { input: { id, sections: [{ title: '', body: 'x' }] } });
    expect(untitled.data?.updateProgressReport.userErrors[0].field).toBe('sections.0.title');
    const [row] = await t.dataSource.query(
      `SELECT sections, highlight_project_ids FROM progress_report WHERE period_kind = 'HALF_YEAR'`,
    );
    expect(row).toEqual({ sections: [], highlight_project_ids: [] });
  });
});

describe('a published report is frozen', () => {
  let id: string;
  let uuid: string;
  beforeAll(async () => {
    id = await publishedReport({ kind: 'QUARTER', year: 2025, index: 4 });
    uuid = (
      await t.dataSource.query(`SELECT id FROM progress_report WHERE year = 2025 AND period_index = 4`)
    )[0].id;
  });

  it('shows the same after projects, members and names change', async () => {
    const ministry = await client('ministry');
    const before = (await ministry.gql(REPORT, { id })).data?.progressReport;
    expect(before.frozen).toBe(true);
    await t.dataSource.query(`UPDATE project SET title = 'Umbenannt', phase = 'OPERATIONAL' WHERE id = $1`, [
      projectId,
    ]);
    await t.dataSource.query(`UPDATE municipality SET name = 'Kaiserslautern (neu)' WHERE id = $1`, [
      kaiserslautern.id,
    ]);
    await t.dataSource.query(
      `INSERT INTO project_status_update (project_id, reported_on, phase, progress_percent, text)
       VALUES ($1, '2025-12-15', 'OPERATIONAL', 100, 'Nachgetragen')`,
      [projectId],
    );
    await buildProject(t.dataSource, {
      leadMunicipalityId: kaiserslautern.id,
      publishedAt: new Date('2025-10-10'),
    });
    const after = (await ministry.gql(REPORT, { id })).data?.progressReport;
    expect(after).toEqual(before);
    await t.dataSource.query(`UPDATE municipality SET name = 'Kaiserslautern' WHERE id = $1`, [
      kaiserslautern.id,
    ]);
  });

  it('is refused by the database when changed or deleted', async () => {
    await expect(
      t.dataSource.query(`UPDATE progress_report SET title = 'Geändert' WHERE id = $1`, [uuid]),
    ).rejects.toThrow(/frozen/);
    await expect(
      t.dataSource.query(`UPDATE progress_report SET snapshot = '{}' WHERE id = $1`, [uuid]),
    ).rejects.toThrow(/frozen/);
    await expect(t.dataSource.query('DELETE FROM progress_report WHERE id = $1', [uuid])).rejects.toThrow(
      /cannot be deleted/,
    );
    // Erasing a person still works: only the person references may change.
    await t.dataSource.query('UPDATE progress_report SET published_by_id = NULL WHERE id = $1', [uuid]);
  });

  it('is corrected by a new version that keeps the old one', async () => {
    const coordinator = await client('coordinator');
    const started = await coordinator.gql(correct, { input: { id } });
    expect(started.data?.correctProgressReport.report).toMatchObject({ status: 'DRAFT', version: 2 });
    const correctionId = started.data?.correctProgressReport.report.id;
    const again = await coordinator.gql(correct, { input: { id } });
    expect(again.data?.correctProgressReport.userErrors[0].code).toBe('INVALID_STATE');
    const correction = (await coordinator.gql(REPORT, { id: correctionId })).data?.progressReport;
    expect(correction.previousVersionId).toBe(id);
    expect(correction.sections[0].title).toBe('Zusammenfassung');
    // The draft correction is the coordinators' business until published.
    const ministry = await client('ministry');
    expect((await ministry.gql(REPORT, { id })).data?.progressReport.correctedBy).toBeNull();
    expect((await coordinator.gql(REPORT, { id })).data?.progressReport.correctedBy.version).toBe(2);
    const old = await t.dataSource.getRepository(ProgressReport).findOneByOrFail({ id: uuid });
    expect(old.status).toBe(ProgressReportStatus.PUBLISHED);
  });
});

describe('authorization', () => {
  let draftId: string;
  let publishedId: string;
  beforeAll(async () => {
    draftId = await draft({ kind: 'YEAR', year: 2024, index: 1 });
    publishedId = await publishedReport({ kind: 'QUARTER', year: 2025, index: 3 });
  });

  it.each([
    ['anonymous', false, false],
    ['ministry', false, true],
    ['officer', false, true],
    ['otherOfficer', false, true],
    ['coordinator', true, true],
  ] as const)('%s reads drafts: %s, published: %s', async (actor, readsDraft, readsPublished) => {
    const c = await client(actor);
    const d = await c.gql(REPORT, { id: draftId });
    const p = await c.gql(REPORT, { id: publishedId });
    if (actor === 'anonymous') {
      expect(d.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    expect(Boolean(d.data?.progressReport)).toBe(readsDraft);
    expect(Boolean(p.data?.progressReport)).toBe(readsPublished);
    const list = await c.gql('{ progressReports(first: 50) { totalCount edges { node { id status } } } }');
    const ids = list.data?.progressReports.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids.includes(draftId)).toBe(readsDraft);
    expect(ids.includes(publishedId)).toBe(readsPublished);
    if (!readsDraft) expect(p.data?.progressReport.reviewComment).toBeNull();
  });

  it.each(['ministry', 'officer', 'anonymous'] as const)('%s changes nothing', async (actor) => {
    const c = await client(actor);
    const made = await c.gql(create, { input: { period: { kind: 'QUARTER', year: 2024, index: 2 } } });
    expect(made.errors?.[0].extensions?.code).toBe(actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    for (const [mutation, input] of [
      [update, { id: draftId, title: 'x' }],
      [submit, { id: draftId }],
      [publish, { id: publishedId }],
      [correct, { id: publishedId }],
    ] as const) {
      const result = await c.gql(mutation, { input });
      expect(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']).toContain(result.errors?.[0].extensions?.code);
    }
  });

  it('the policy and its SQL read filter agree', async () => {
    const reports = await t.dataSource.getRepository(ProgressReport).find();
    expect(new Set(reports.map((r) => r.status)).size).toBeGreaterThanOrEqual(2);
    for (const actor of [null, ...Object.values(people)]) {
      const rows: { id: string }[] = await t.dataSource.query(
        `SELECT r.id FROM progress_report r WHERE ${readableReportsSql(actor, 'r')}`,
      );
      const bySql = new Set(rows.map((r) => r.id));
      for (const report of reports)
        expect([actor?.role, bySql.has(report.id)]).toEqual([actor?.role, can(actor, 'read', { report })]);
    }
  });

  it('the report page costs a fixed number of statements', async () => {
    const coordinator = await client('coordinator');
    const first = await coordinator.gql(REPORT, { id: publishedId });
    for (let i = 0; i < 30; i++)
      await buildProject(t.dataSource, {
        leadMunicipalityId: kaiserslautern.id,
        publishedAt: new Date('2025-01-01'),
        statusUpdates: [{ reportedOn: '2025-08-01', progressPercent: 10 }],
      });
    const published = await coordinator.gql(REPORT, { id: publishedId });
    expect(published.statements.length).toBe(first.statements.length);
    // A draft computes its content: more statements, but as many for 30 more projects.
    const draftBefore = await coordinator.gql(REPORT, { id: draftId });
    for (let i = 0; i < 30; i++)
      await buildProject(t.dataSource, {
        leadMunicipalityId: kaiserslautern.id,
        publishedAt: new Date('2024-01-01'),
        statusUpdates: [{ reportedOn: '2024-08-01', progressPercent: 10 }],
      });
    const draftAfter = await coordinator.gql(REPORT, { id: draftId });
    expect(draftAfter.data?.progressReport.projects.length).toBeGreaterThanOrEqual(30);
    expect(draftAfter.statements.length).toBe(draftBefore.statements.length);
    expect(first.statements.length).toBeLessThanOrEqual(6);
  });
});
