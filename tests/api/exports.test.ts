import {
  CostRecurrence,
  MembershipStatus,
  MunicipalityKind,
  ProjectPhase,
  ProjectStatus,
  Role,
} from '@hub/shared';
import { parse } from 'csv-parse/sync';
import { ValueType, Workbook } from 'exceljs';
import { ProjectFunding } from '../../packages/api/src/modules/projects/project-details.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting, invite } from '../support/meeting-factories';
import { buildMembership, freshMunicipality, officerOf } from '../support/network-factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let koblenz: string;
let people: Record<'coordinator' | 'officer' | 'ministry', User>;
type Actor = keyof typeof people | 'anonymous';

beforeAll(async () => {
  t = await startTestApp();
  koblenz = (await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT)).id;
  people = {
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    officer: await buildUser(t.dataSource, { municipalityId: koblenz }),
    ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
  };
});
afterAll(() => t.close());

const client = async (actor: Actor): Promise<TestClient> =>
  actor === 'anonymous' ? t.client() : t.as(people[actor]);

/** Parses an export as German Excel would: the BOM first, then semicolon-separated records. */
function readCsv(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  expect(csv).toContain('\r\n');
  return parse(csv.slice(1), { delimiter: ';', columns: true, record_delimiter: '\r\n' });
}

/** Reads a base64 XLSX back with exceljs: its first sheet, and the rows as cell values by header. */
async function readXlsx(base64: string) {
  const workbook = new Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as never);
  const sheet = workbook.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((header, i) => [header, values[i] ?? null])));
  });
  return { sheet, headers, rows };
}

describe('the project catalogue export', () => {
  const QUERY = `query($filter: ProjectFilter) { projectCatalogueCsv(filter: $filter) projectCatalogueXlsx(filter: $filter) }`;
  let title: string;

  beforeAll(async () => {
    title = `=HYPERLINK("http://evil") ${Date.now()}`;
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz,
      title,
      phase: ProjectPhase.ROLLOUT,
      costs: [
        { amountCents: 123_456 },
        { amountCents: 100_000 },
        { amountCents: 9_950, recurrence: CostRecurrence.YEARLY },
      ],
    });
    await t.dataSource.getRepository(ProjectFunding).insert({
      projectId: project.id,
      programme: 'Förderprogramm',
      amountCents: 50_000_00,
      sharePercent: 50,
    });
    await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz,
      title: `Entwurf Export ${Date.now()}`,
      status: ProjectStatus.DRAFT,
    });
  });

  it('writes a German CSV (BOM, semicolons, German headers and labels, decimal commas) without formulas', async () => {
    const result = await (await client('anonymous')).gql(QUERY, {
      filter: { municipalityId: gid('Municipality', koblenz) },
    });
    expect(result.errors).toBeUndefined();
    const rows = readCsv(result.data?.projectCatalogueCsv);
    expect(Object.keys(rows[0])).toEqual([
      'ID',
      'Titel',
      'Kategorie',
      'Phase',
      'Status',
      'Federführende Kommune',
      'Landkreis',
      'Produkt',
      'Open Source',
      'Lizenz',
      'Repository',
      'Einmalige Kosten (EUR)',
      'Laufende Kosten pro Jahr (EUR)',
      'Förderung (EUR)',
      'Nachnutzungen',
      'Zuletzt geändert',
    ]);
    const row = rows.find((r) => r.Titel.includes('HYPERLINK')) as Record<string, string>;
    expect(row.Titel).toBe(`'${title}`);
    expect(row).toMatchObject({
      Kategorie: 'Verwaltung',
      Phase: 'Ausrollen',
      Status: 'Veröffentlicht',
      'Federführende Kommune': 'Koblenz',
      'Einmalige Kosten (EUR)': '2.234,56',
      'Laufende Kosten pro Jahr (EUR)': '99,50',
      'Förderung (EUR)': '50.000,00',
      Nachnutzungen: '0',
    });
    expect(row['Zuletzt geändert']).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    // The public sees published projects only.
    expect(rows.some((r) => r.Titel.startsWith('Entwurf Export'))).toBe(false);
  });

  it('writes an XLSX with euro amounts as numbers, a frozen filtered header row and widths', async () => {
    const result = await (await client('officer')).gql(QUERY, {
      filter: { municipalityId: gid('Municipality', koblenz) },
    });
    const { sheet, headers, rows } = await readXlsx(result.data?.projectCatalogueXlsx);
    expect(sheet.name).toBe('Projekte');
    expect(headers).toContain('Einmalige Kosten (EUR)');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(2).width).toBe(40);
    const row = rows.find((r) => String(r.Titel).includes('HYPERLINK')) as Record<string, unknown>;
    expect(row.Titel).toBe(title); // a string cell, not a formula: no apostrophe needed in XLSX
    expect(row['Einmalige Kosten (EUR)']).toBe(2234.56);
    expect(row['Laufende Kosten pro Jahr (EUR)']).toBe(99.5);
    expect(row['Förderung (EUR)']).toBe(50000);
    expect(row.Nachnutzungen).toBe(0);
    expect(row['Zuletzt geändert']).toBeInstanceOf(Date);
    expect(row.Phase).toBe('Ausrollen');
    const costColumn = headers.indexOf('Einmalige Kosten (EUR)') + 1;
    expect(sheet.getColumn(costColumn).numFmt).toBe('#,##0.00 "€"');
    // The officer's own draft is in the officer's export (the same rule as the catalogue).
    expect(rows.some((r) => String(r.Titel).startsWith('Entwurf Export'))).toBe(true);
  });

  it.each([
    ['coordinator', true],
    ['officer', true],
    ['ministry', false],
    ['anonymous', false],
  ] as const)('shows drafts to the %s: %s (the catalogue read rule)', async (actor, seesDraft) => {
    const result = await (await client(actor)).gql(QUERY, {
      filter: { municipalityId: gid('Municipality', koblenz) },
    });
    expect(result.errors).toBeUndefined();
    const csvTitles = readCsv(result.data?.projectCatalogueCsv).map((r) => r.Titel);
    const { rows } = await readXlsx(result.data?.projectCatalogueXlsx);
    expect(csvTitles.some((title) => title.startsWith('Entwurf Export'))).toBe(seesDraft);
    expect(rows.some((r) => String(r.Titel).startsWith('Entwurf Export'))).toBe(seesDraft);
    expect(rows).toHaveLength(csvTitles.length);
  });
});

describe('the members export', () => {
  const QUERY = '{ networkMembersCsv networkMembersXlsx }';

  it('neutralises formula-looking positions and phones in the CSV and the XLSX', async () => {
    const place = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, place, MembershipStatus.ACTIVE);
    await officerOf(t.dataSource, place, {
      name: 'Müller; "Mia"',
      position: "-2+3+cmd|' /C calc'!A0",
      phone: '+1+HYPERLINK("http://evil")',
    });
    const result = await (await client('coordinator')).gql(QUERY);
    expect(result.errors).toBeUndefined();
    const rows = readCsv(result.data?.networkMembersCsv);
    expect(Object.keys(rows[0])).toEqual([
      'Kommune',
      'Art',
      'ARS',
      'Landkreis',
      'Status',
      'Mitglied seit',
      'Einwohner',
      'Name',
      'Funktion',
      'E-Mail',
      'Telefon',
    ]);
    const row = rows.find((r) => r.ARS === place.ars) as Record<string, string>;
    expect(row).toMatchObject({
      Kommune: place.name,
      Art: 'Ortsgemeinde',
      Status: 'Aktives Mitglied',
      Name: 'Müller; "Mia"',
      Funktion: "'-2+3+cmd|' /C calc'!A0",
      Telefon: `'+1+HYPERLINK("http://evil")`,
    });
    expect(row['Mitglied seit']).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    if (place.population !== null) {
      expect(row.Einwohner).toBe(new Intl.NumberFormat('de-DE').format(place.population));
    }

    const { sheet, rows: cells } = await readXlsx(result.data?.networkMembersXlsx);
    expect(sheet.name).toBe('Mitglieder');
    const cellRow = cells.find((r) => r.ARS === place.ars) as Record<string, unknown>;
    // XLSX: plain strings in text-formatted columns, never formulas.
    expect(cellRow.Funktion).toBe("-2+3+cmd|' /C calc'!A0");
    expect(cellRow.Telefon).toBe('+1+HYPERLINK("http://evil")');
    const phoneCell = sheet.getRow(cells.indexOf(cellRow) + 2).getCell(11);
    expect(phoneCell.type).toBe(ValueType.String);
    expect(phoneCell.numFmt).toBe('@');
    expect(cellRow['Mitglied seit']).toBeInstanceOf(Date);
    expect(cellRow.Einwohner).toBe(place.population);
  });

  it.each([
    ['coordinator', null],
    ['officer', 'FORBIDDEN'],
    ['ministry', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('as %s: %s', async (actor, code) => {
    for (const field of ['networkMembersCsv', 'networkMembersXlsx']) {
      const result = await (await client(actor)).gql(`{ ${field} }`);
      if (code) expect(result.errors?.[0].extensions?.code).toBe(code);
      else expect(typeof result.data?.[field]).toBe('string');
    }
  });
});

describe('the meeting participation export', () => {
  const QUERY = `query($from: DateTime!, $to: DateTime!) {
    meetingParticipationCsv(from: $from, to: $to) meetingParticipationXlsx(from: $from, to: $to) }`;
  const period = {
    from: new Date(Date.now() - 10 * 86400_000).toISOString(),
    to: new Date(Date.now() + 30 * 86400_000).toISOString(),
  };

  it('counts invitations and attendance per municipality, numbers as numeric cells', async () => {
    const place = await freshMunicipality(t.dataSource);
    const [anna, ben] = [
      await buildUser(t.dataSource, { municipalityId: place.id }),
      await buildUser(t.dataSource, { municipalityId: place.id }),
    ];
    const meeting = await buildMeeting(t.dataSource, { startsAt: new Date(Date.now() - 86400_000) });
    await invite(t.dataSource, meeting, [anna, ben]);
    await t.dataSource.query('UPDATE meeting_invitation SET attended = true WHERE meeting_id = $1', [
      meeting.id,
    ]);

    const result = await (await client('ministry')).gql(QUERY, period);
    expect(result.errors).toBeUndefined();
    const row = readCsv(result.data?.meetingParticipationCsv).find((r) => r.Kommune === place.name);
    expect(row).toEqual({
      Kommune: place.name,
      'Eingeladen zu Sitzungen': '1',
      'Teilgenommen an Sitzungen': '1',
      'Teilnahmen (Personen)': '2',
    });
    const { rows } = await readXlsx(result.data?.meetingParticipationXlsx);
    expect(rows.find((r) => r.Kommune === place.name)).toEqual({
      Kommune: place.name,
      'Eingeladen zu Sitzungen': 1,
      'Teilgenommen an Sitzungen': 1,
      'Teilnahmen (Personen)': 2,
    });
  });

  it.each([
    ['coordinator', null],
    ['ministry', null],
    ['officer', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('as %s: %s', async (actor, code) => {
    for (const field of ['meetingParticipationCsv', 'meetingParticipationXlsx']) {
      const result = await (await client(actor)).gql(
        `query($from: DateTime!, $to: DateTime!) { ${field}(from: $from, to: $to) }`,
        period,
      );
      if (code) expect(result.errors?.[0].extensions?.code).toBe(code);
      else expect(typeof result.data?.[field]).toBe('string');
    }
  });
});

describe('the cost of an export', () => {
  it('is a fixed number of SQL statements, however many rows it holds', async () => {
    const coordinator = await client('coordinator');
    const period = { from: '2020-01-01T00:00:00Z', to: '2040-01-01T00:00:00Z' };
    const queries = [
      '{ projectCatalogueXlsx }',
      '{ networkMembersXlsx }',
      'query($from: DateTime!, $to: DateTime!) { meetingParticipationXlsx(from: $from, to: $to) }',
    ];
    const before: number[] = [];
    for (const query of queries) before.push((await coordinator.gql(query, period)).statements.length);
    for (let i = 0; i < 3; i++) {
      await buildProject(t.dataSource, { leadMunicipalityId: koblenz, costs: [{ amountCents: 100 }] });
      const place = await freshMunicipality(t.dataSource);
      await buildMembership(t.dataSource, place, MembershipStatus.ACTIVE);
      const officer = await officerOf(t.dataSource, place);
      await invite(t.dataSource, await buildMeeting(t.dataSource), [officer]);
    }
    const after: number[] = [];
    for (const query of queries) after.push((await coordinator.gql(query, period)).statements.length);
    // The session lookup and the export's one statement.
    expect(before).toEqual([2, 2, 2]);
    expect(after).toEqual(before);
  });
});

describe('the officer import template', () => {
  it('is an empty German CSV whose filled-in rows the import accepts', async () => {
    const result = await (await client('coordinator')).gql('{ officerImportTemplateCsv }');
    const template: string = result.data?.officerImportTemplateCsv;
    expect(template).toBe('\uFEFFName;E-Mail;Kommune;Funktion;Telefon;Sprache\r\n');
    expect(readCsv(template)).toEqual([]);
    const place = await freshMunicipality(t.dataSource);
    const filled = `${template}Vera Vorlage;vera.vorlage@example.org;${place.ars};Digitalbeauftragte;+49 6371 1;de\r\n`;
    const imported = await (await client('coordinator')).gql(
      `mutation($input: ImportOfficersInput!) { importOfficers(input: $input) { valid rows { errors { code } } userErrors { code } } }`,
      { input: { csv: filled, dryRun: true } },
    );
    expect(imported.data?.importOfficers).toEqual({ valid: true, rows: [{ errors: [] }], userErrors: [] });
  });

  it.each([
    ['coordinator', null],
    ['officer', 'FORBIDDEN'],
    ['ministry', 'FORBIDDEN'],
    ['anonymous', 'UNAUTHENTICATED'],
  ] as const)('as %s: %s', async (actor, code) => {
    const result = await (await client(actor)).gql('{ officerImportTemplateCsv }');
    if (code) expect(result.errors?.[0].extensions?.code).toBe(code);
    else expect(result.data?.officerImportTemplateCsv).toContain('E-Mail');
  });
});
