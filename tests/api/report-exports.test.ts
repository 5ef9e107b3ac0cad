import { MembershipStatus, MunicipalityKind, ProjectPhase, Role } from '@hub/shared';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, municipality } from '../support/factories';
import { buildMembership, freshMunicipality } from '../support/network-factories';
import { pdfText } from '../support/pdf-text';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let people: Record<'coordinator' | 'reviewer' | 'officer' | 'ministry', User>;
type Actor = keyof typeof people | 'anonymous';
let publishedId: string;
let draftId: string;

const client = async (actor: Actor): Promise<TestClient> =>
  actor === 'anonymous' ? t.client() : t.as(people[actor]);

const MUTATE = (name: string, input: string) => `mutation M($input: ${input}!) {
  ${name}(input: $input) { report { id downloads { pdf xlsx figuresCsv projectsCsv } } userErrors { code } }
}`;

async function download(actor: Actor, path: string): Promise<Response> {
  const c = await client(actor);
  const cookie = c.cookie('hub_session');
  return fetch(`${t.url}${path}`, { headers: cookie ? { cookie: `hub_session=${cookie}` } : {} });
}

const paths = (id: string) => {
  const base = `/api/reports/${encodeURIComponent(id)}`;
  return {
    pdf: `${base}/fortschrittsbericht.pdf`,
    xlsx: `${base}/fortschrittsbericht.xlsx`,
    figuresCsv: `${base}/kennzahlen.csv`,
    projectsCsv: `${base}/projekte.csv`,
  };
};

beforeAll(async () => {
  t = await startTestApp();
  const kaiserslautern = await municipality(
    t.dataSource,
    'Kaiserslautern',
    MunicipalityKind.KREISFREIE_STADT,
  );
  people = {
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    reviewer: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    officer: await buildUser(t.dataSource, { municipalityId: kaiserslautern.id }),
    ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
  };
  for (let i = 0; i < 3; i++)
    await buildMembership(t.dataSource, await freshMunicipality(t.dataSource), MembershipStatus.ACTIVE);
  // They joined in January 2025.
  await t.dataSource.query(
    `UPDATE membership_event SET created_at = CASE WHEN to_status = 'ACTIVE' THEN timestamptz '2025-01-15T10:00:00Z'
                                                   ELSE timestamptz '2025-01-10T10:00:00Z' END`,
  );
  await buildProject(t.dataSource, {
    leadMunicipalityId: kaiserslautern.id,
    title: 'Digitale Dörfer Westpfalz',
    phase: ProjectPhase.ROLLOUT,
    publishedAt: new Date('2025-01-10T09:00:00Z'),
    createdAt: new Date('2025-01-10T09:00:00Z'),
    costs: [{ amountCents: 12_345_600 }],
    statusUpdates: [
      {
        reportedOn: '2025-02-03',
        progressPercent: 55,
        phase: ProjectPhase.ROLLOUT,
        text: 'Zwölf Dörfer sind dabei.',
      },
    ],
  });
  const coordinator = await client('coordinator');
  const made = await coordinator.gql(MUTATE('createProgressReport', 'CreateProgressReportInput'), {
    input: { period: { kind: 'QUARTER', year: 2025, index: 1 }, title: 'Fortschrittsbericht Q1 2025' },
  });
  publishedId = made.data?.createProgressReport.report.id;
  await coordinator.gql(MUTATE('updateProgressReport', 'UpdateProgressReportInput'), {
    input: {
      id: publishedId,
      sections: [{ title: 'Zusammenfassung', body: 'Ein **gutes** Quartal für das Netzwerk.' }],
    },
  });
  await coordinator.gql(MUTATE('submitProgressReport', 'ProgressReportIdInput'), {
    input: { id: publishedId },
  });
  await (await client('reviewer')).gql(MUTATE('reviewProgressReport', 'ReviewProgressReportInput'), {
    input: { id: publishedId, approve: true },
  });
  const published = await coordinator.gql(MUTATE('publishProgressReport', 'ProgressReportIdInput'), {
    input: { id: publishedId },
  });
  expect(published.errors).toBeUndefined();
  expect(published.data?.publishProgressReport.userErrors).toEqual([]);
  expect(published.data?.publishProgressReport.report.downloads).toEqual(paths(publishedId));
  const other = await coordinator.gql(MUTATE('createProgressReport', 'CreateProgressReportInput'), {
    input: { period: { kind: 'QUARTER', year: 2025, index: 2 } },
  });
  draftId = other.data?.createProgressReport.report.id;
});
afterAll(() => t.close());

describe('report downloads', () => {
  it('the PDF embeds the hub font and its text holds the figures, sections and projects', async () => {
    const response = await download('ministry', paths(publishedId).pdf);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="fortschrittsbericht-q1-2025-v1.pdf"',
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+FiraSans-Regular/);
    const { text, totalPages } = await pdfText(bytes);
    expect(totalPages).toBeGreaterThanOrEqual(4);
    expect(text).toContain('Fortschrittsbericht Q1 2025');
    expect(text).toContain('Inhalt');
    expect(text).toMatch(/Mitgliedskommunen\s+3\s+0\s+\+3/);
    expect(text).toMatch(/Investitionen \(einmalig\)\s+123\.456\s+€\s+0\s+€\s+\+123\.456\s+€/);
    expect(text).toContain('Projekte nach Phase');
    expect(text).toContain('Ein gutes Quartal für das Netzwerk.');
    expect(text).toContain('Digitale Dörfer Westpfalz');
    expect(text).toContain('03.02.2025 (Ausrollen, 55 %): Zwölf Dörfer sind dabei.');
    // No personal data: no e-mail address, not who compiled, reviewed or published it.
    expect(text).not.toContain('@');
    for (const person of Object.values(people)) expect(text).not.toContain(person.name);
  });

  it('the XLSX has the figures and the projects, numbers as numbers', async () => {
    const response = await download('ministry', paths(publishedId).xlsx);
    expect(response.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    const [figures, projects] = workbook.worksheets;
    expect(figures.name).toBe('Kennzahlen');
    expect(figures.getRow(1).values).toEqual([
      undefined,
      'Kennzahl',
      'Einheit',
      'Q1 2025',
      'Q4 2024',
      'Veränderung',
    ]);
    const rows = new Map<string, unknown[]>();
    figures.eachRow((row) => {
      const values = row.values as unknown[];
      rows.set(String(values[1]), values.slice(2));
    });
    expect(rows.get('Mitgliedskommunen')).toEqual(['Anzahl', 3, 0, 3]);
    expect(rows.get('Investitionen (einmalig)')).toEqual(['Euro', 123_456, 0, 123_456]);
    expect(projects.name).toBe('Projekte');
    const project = projects.getRow(2).values as unknown[];
    expect(project[1]).toBe('Digitale Dörfer Westpfalz');
    expect(project[7]).toBe(55);
    expect(project[9]).toEqual(new Date(Date.UTC(2025, 1, 3)));
    // What the ministry downloads holds no personal data: no e-mail address, nobody's name.
    const cells: string[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => {
        for (const value of row.values as unknown[]) if (value !== undefined) cells.push(String(value));
      });
    expect(cells.length).toBeGreaterThan(50);
    expect(cells.join('\n')).not.toContain('@');
    for (const person of Object.values(people)) expect(cells.join('\n')).not.toContain(person.name);
  });

  it('the CSVs are in the German format', async () => {
    const response = await download('coordinator', paths(publishedId).figuresCsv);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    const rows: Record<string, string>[] = parse(csv.slice(1), { delimiter: ';', columns: true });
    const money = rows.find((r) => r.Kennzahl === 'Investitionen (einmalig)');
    expect(money).toEqual({
      Kennzahl: 'Investitionen (einmalig)',
      Einheit: 'Euro',
      'Q1 2025': '123.456',
      'Q4 2024': '0',
      Veränderung: '123.456',
    });
    const projectsText = await (await download('ministry', paths(publishedId).projectsCsv)).text();
    const projects: Record<string, string>[] = parse(projectsText.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      columns: true,
    });
    expect(projects).toEqual([
      {
        Projekt: 'Digitale Dörfer Westpfalz',
        Hervorgehoben: 'nein',
        'Federführende Kommune': 'Kaiserslautern',
        'Landkreis / kreisfreie Stadt': 'Kaiserslautern',
        Kategorie: expect.any(String),
        Phase: 'Ausrollen',
        'Fortschritt (%)': '55',
        'Sachstände im Zeitraum': '1',
        'Letzter Sachstand': '03.02.2025',
        Sachstand: 'Zwölf Dörfer sind dabei.',
        'Meilensteine fällig': '0',
        'Meilensteine erreicht': '0',
      },
    ]);
    // Both CSVs as the ministry gets them: no e-mail address, nobody's name.
    const figuresText = await (await download('ministry', paths(publishedId).figuresCsv)).text();
    for (const text of [projectsText, figuresText]) {
      expect(text).not.toContain('@');
      for (const person of Object.values(people)) expect(text).not.toContain(person.name);
    }
  });

  it.each([
    ['anonymous', 404, 404],
    ['ministry', 200, 404],
    ['officer', 200, 404],
    ['coordinator', 200, 200],
  ] as const)('%s: published %s, draft %s', async (actor, published, draft) => {
    for (const file of ['pdf', 'xlsx', 'figuresCsv', 'projectsCsv'] as const) {
      expect((await download(actor, paths(publishedId)[file])).status).toBe(published);
      expect((await download(actor, paths(draftId)[file])).status).toBe(draft);
    }
  });

  it('answers unknown files and ids with 404 and bad ones with 400', async () => {
    expect(
      (await download('coordinator', `/api/reports/${encodeURIComponent(publishedId)}/bericht.docx`)).status,
    ).toBe(404);
    expect((await download('coordinator', '/api/reports/nonsense/fortschrittsbericht.pdf')).status).toBe(404);
    expect((await download('coordinator', '/api/reports/%00/fortschrittsbericht.pdf')).status).toBe(400);
  });
});
