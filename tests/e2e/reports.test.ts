import { Role } from '@hub/shared';
import { Workbook } from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { pdfText } from '../support/pdf-text';

let e: E2E;
const coordinator = DEMO_ACCOUNTS.find((a) => a.role === Role.COORDINATOR)!;
const ministry = DEMO_ACCOUNTS.find((a) => a.role === Role.MINISTRY)!;
// The demo's second coordinator, who reviews what the first one compiles (four eyes).
const reviewer = DEMO_ACCOUNTS.filter((a) => a.role === Role.COORDINATOR)[1];
const COMMENT_TITLE = 'Rückfrage des Ministeriums zu Q1 2026';
const COMMENT_TEXT = 'Bitte erläutern Sie im nächsten Bericht, welche Kommunen neu hinzugekommen sind.';

beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());

async function signedIn(email: string): Promise<Page> {
  const { page } = await e.newPage();
  await e.signIn(page, email, DEMO_PASSWORD);
  return page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

async function bytesOf(download: Download): Promise<Buffer> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('progress reports in the browser', () => {
  let reportUrl: string;

  it('a coordinator compiles a report and submits it for review', async () => {
    const page = await signedIn(coordinator.email);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Berichte' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Fortschrittsberichte' }).waitFor();
    await page.getByRole('link', { name: 'Fortschrittsbericht Q4 2025' }).waitFor();
    await expectAccessible(page);
    await screenshotWidths(page, 'reports-list');

    await page.getByRole('link', { name: 'Neuen Bericht anlegen' }).click();
    await page.getByLabel('Art des Zeitraums').selectOption('QUARTER');
    await page.getByLabel('Jahr', { exact: true }).selectOption('2026');
    await page.getByLabel('Quartal oder Halbjahr').selectOption('1');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Bericht anlegen' }).click();

    await page.getByRole('heading', { level: 1, name: /Bericht bearbeiten/ }).waitFor();
    await page.getByRole('button', { name: 'Abschnitt hinzufügen' }).click();
    await page.getByLabel('Überschrift von Abschnitt 1').fill('Zusammenfassung');
    await page.getByLabel('Text von Abschnitt 1 (Markdown)').fill('Das Netzwerk ist **gewachsen**.');
    await expectAccessible(page);
    await screenshotWidths(page, 'reports-edit');
    await page.getByRole('button', { name: 'Speichern' }).click();

    await page.getByRole('heading', { level: 1, name: 'Fortschrittsbericht Q1 2026', exact: true }).waitFor();
    reportUrl = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Zur Prüfung geben' }).click();
    await page.getByText('Erledigt: Der Bericht ist jetzt „In Prüfung“.').waitFor();
    await page.getByText('freigeben muss ihn eine andere Person der Koordination').waitFor();
    expect(await page.getByRole('button', { name: 'Freigeben' }).count()).toBe(0);
  });

  it('a second coordinator approves and publishes it', async () => {
    const page = await signedIn(reviewer.email);
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Freigeben' }).click();
    await page.getByText('Erledigt: Der Bericht ist jetzt „Freigegeben“.').waitFor();
    await page.getByRole('button', { name: 'Veröffentlichen' }).click();
    await page.getByText('Erledigt: Der Bericht ist jetzt „Veröffentlicht“.').waitFor();
    await page.getByText(/ist veröffentlicht und eingefroren/).waitFor();
    await expectAccessible(page);
  });

  it('the ministry opens it and downloads the PDF and the XLSX', async () => {
    const page = await signedIn(ministry.email);
    await page.goto('/berichte');
    expect(await page.getByRole('link', { name: 'Neuen Bericht anlegen' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Fortschrittsbericht Q1 2026' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kennzahlen' }).waitFor();
    await page.getByRole('heading', { name: 'Projekte nach Phase', exact: true }).waitFor();
    await page.locator('canvas').first().waitFor();
    expect(await page.getByText('Das Netzwerk ist gewachsen.').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Veröffentlichen' }).count()).toBe(0);
    await expectAccessible(page);
    await screenshotWidths(page, 'reports-view');

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('fortschrittsbericht-q1-2026-v1.pdf');
    const { text } = await pdfText(new Uint8Array(await bytesOf(pdf)));
    expect(text).toContain('Fortschrittsbericht Q1 2026');
    expect(text).toContain('Das Netzwerk ist gewachsen.');
    expect(text).toMatch(/Mitgliedskommunen\s+\d+/);
    expect(text).not.toContain('@');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Excel (XLSX)' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('fortschrittsbericht-q1-2026-v1.xlsx');
    const workbook = new Workbook();
    await workbook.xlsx.load((await bytesOf(xlsx)) as never);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Kennzahlen', 'Projekte']);
    const members = workbook.worksheets[0].getRow(2).values as unknown[];
    expect(members[1]).toBe('Mitgliedskommunen');
    expect(typeof members[3]).toBe('number');
  });

  it('the ministry comments on the published report in its discussion', async () => {
    const page = await signedIn(ministry.email);
    await page.goto(reportUrl);
    const discussion = page.getByRole('region', { name: 'Diskussionen' });
    await discussion.getByText('0 Themen').waitFor();
    await discussion.getByRole('link', { name: 'Neues Thema beginnen' }).click();
    await page.getByLabel('Titel', { exact: true }).fill(COMMENT_TITLE);
    await page.getByLabel('Erster Beitrag').fill(COMMENT_TEXT);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Thema beginnen' }).click();
    await page.getByRole('heading', { level: 1, name: COMMENT_TITLE }).waitFor();
    await page.getByRole('listitem').filter({ hasText: COMMENT_TEXT }).waitFor();
    // The thread belongs to the report: its subject links back to it.
    expect(
      await page
        .getByRole('link', { name: 'Fortschrittsbericht Q1 2026', exact: true })
        .first()
        .getAttribute('href'),
    ).toBe(reportUrl);
    await expectAccessible(page);
  });

  it('the coordinator sees the ministry comment on the report and reads it', async () => {
    const page = await signedIn(coordinator.email);
    await page.goto(reportUrl);
    const discussion = page.getByRole('region', { name: 'Diskussionen' });
    await discussion.getByText('1 Thema').waitFor();
    expect(await discussion.textContent()).toContain('1 neuer Beitrag');
    await discussion.getByRole('link', { name: COMMENT_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: COMMENT_TITLE }).waitFor();
    const post = page.getByRole('listitem').filter({ hasText: COMMENT_TEXT });
    await post.waitFor();
    expect(await post.textContent()).toContain(ministry.name);
    await expectAccessible(page);
    await screenshotWidths(page, 'reports-ministry-comment');
  });

  it('the key figures show charts with data tables and summaries, by keyboard too', async () => {
    const page = await signedIn(ministry.email);
    await page.goto('/kennzahlen');
    await page.getByRole('heading', { level: 2, name: 'Mitgliedskommunen je Quartal' }).waitFor();
    // This quarter's figures with the change, each a link to the list behind it.
    const figures = page.getByRole('region', { name: 'Das Netzwerk in Zahlen' });
    await figures.getByRole('link', { name: /Mitgliedskommunen/ }).waitFor();
    expect(await figures.getByRole('link', { name: /Mitgliedskommunen/ }).getAttribute('href')).toBe(
      '/mitglieder',
    );
    expect(await figures.getByText(/gegenüber Q\d \d{4}/).count()).toBeGreaterThan(0);
    await page.locator('canvas').first().waitFor();
    await expect(page.getByText(/Die Zahl der Mitgliedskommunen (stieg|blieb)/).count()).resolves.toBe(1);
    const table = page.getByText('Daten des Diagramms').first();
    await table.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('table', { name: 'Mitgliedskommunen je Quartal' }).waitFor();
    await expectAccessible(page);
    await screenshotWidths(page, 'key-figures');
  });
});
