import fs from 'node:fs';
import { Project } from '../../packages/api/src/modules/projects/project.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { seedDemoProjects } from '../../packages/api/src/seed/demo-projects';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await e.t.dataSource.transaction((m) => seedDemoProjects(m));
}, 120_000);
afterAll(() => e.close());

describe('project marketplace in Chromium', () => {
  it('an officer starts a project, is shown a similar one and adopts it instead', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@trier.demo', DEMO_PASSWORD);
    await page.goto('/projekte');
    await page.getByRole('link', { name: 'Demo: Smarte Lichtmasten' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Neues Projekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Neues Projekt' }).waitFor();
    await page.getByLabel('Titel').fill('Intelligente Straßenbeleuchtung für Trier');
    await page.getByLabel('Kategorie').selectOption('INFRASTRUCTURE_NETWORKS');
    await page.getByRole('heading', { name: 'Ähnliche Projekte gibt es schon' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Stattdessen nachnutzen: Demo: Smarte Lichtmasten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nachnutzen: Demo: Smarte Lichtmasten' }).waitFor();
    await page.getByRole('button', { name: 'Nachnutzung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo: Smarte Lichtmasten (Trier)' }).waitFor();
    await page.getByRole('heading', { name: 'Herkunft' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Entwurf');
    expect(await accessibilityViolations(page)).toEqual([]);

    const trier = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: 'digital@trier.demo' });
    const adopted = await e.t.dataSource.getRepository(Project).findOneByOrFail({
      leadMunicipalityId: trier.municipalityId as string,
      title: 'Demo: Smarte Lichtmasten (Trier)',
    });
    expect(adopted.originProjectId).not.toBeNull();
    expect(
      await e.t.dataSource
        .getRepository(Project)
        .countBy({ title: 'Intelligente Straßenbeleuchtung für Trier' }),
    ).toBe(0);
  });

  it('another officer publishes a project with costs and a citizen sees it in the public catalogue without personal data', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@mainz.demo', DEMO_PASSWORD);
    await page.goto('/projekte/neu');
    await page.getByLabel('Titel').fill('Digitaler Bauantrag Mainz');
    await page.getByLabel('Kurzbeschreibung').fill('Bauanträge online einreichen und den Stand verfolgen');
    await page.getByLabel('Kategorie').selectOption('ADMINISTRATION');
    await page.getByRole('button', { name: 'Kostenposition hinzufügen' }).click();
    await page.getByLabel('Bezeichnung der Position 1').fill('Lizenz Bauportal');
    await page.getByLabel('Turnus der Position 1').selectOption('YEARLY');
    await page.getByLabel('Betrag der Position 1 in Euro').fill('1.500,50');
    await page.getByRole('button', { name: 'Kostenposition hinzufügen' }).click();
    await page.getByLabel('Bezeichnung der Position 2').fill('Einführung');
    await page.getByLabel('Betrag der Position 2 in Euro').fill('12000');
    await page.getByLabel('Sofort veröffentlichen').check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Digitaler Bauantrag Mainz' }).waitFor();
    const costs = await page.getByRole('table').first().textContent();
    expect(costs).toMatch(/1\.500,50\s€/);
    expect(costs).toMatch(/12\.000,00\s€/);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The officer is the project's contact by default; the public must not see it.
    const officer = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: 'digital@mainz.demo' });
    expect(await page.locator('main').textContent()).toContain(officer.name);

    const citizen = (await e.newPage()).page;
    await citizen.goto('/markt');
    await citizen.getByRole('heading', { level: 1, name: 'Markt der Projekte' }).waitFor();
    await citizen.getByLabel('Suchbegriff').fill('Bauanträge');
    await citizen.getByRole('button', { name: 'Suchen' }).click();
    await citizen.getByRole('link', { name: 'Digitaler Bauantrag Mainz' }).waitFor();
    expect(await accessibilityViolations(citizen)).toEqual([]);
    await citizen.getByRole('link', { name: 'Digitaler Bauantrag Mainz' }).click();
    await citizen.getByRole('heading', { level: 1, name: 'Digitaler Bauantrag Mainz' }).waitFor();
    const main = (await citizen.locator('main').textContent()) ?? '';
    expect(main).toMatch(/1\.500,50\s€/);
    expect(main).not.toContain(officer.name);
    expect(main).not.toContain(officer.email);
    expect(await accessibilityViolations(citizen)).toEqual([]);
  });

  it('prefills the form from a publiccode.yml', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@koblenz.demo', DEMO_PASSWORD);
    await page.goto('/projekte/neu');
    await page.getByText('Aus einer publiccode.yml übernehmen').click();
    await page
      .getByLabel('Inhalt der publiccode.yml')
      .fill(
        'publiccodeYmlVersion: "0.4"\nname: Mängelmelder\nurl: https://gitlab.opencode.de/demo/maengelmelder\nlegal:\n  license: EUPL-1.2\ndescription:\n  de:\n    shortDescription: Schäden im Straßenraum melden\n',
      );
    await page.getByRole('button', { name: 'Felder ausfüllen' }).click();
    await page.getByText('Die Felder wurden aus der publiccode.yml ausgefüllt.').waitFor();
    expect(await page.getByLabel('Titel').inputValue()).toBe('Mängelmelder');
    expect(await page.getByLabel('Lizenz').inputValue()).toBe('EUPL-1.2');
    expect(await page.getByLabel('Quellcode (URL)').inputValue()).toBe(
      'https://gitlab.opencode.de/demo/maengelmelder',
    );
    expect(await page.getByLabel('Open Source').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('downloads the catalogue as filtered, as CSV and as Excel (their code loads with the first click)', async () => {
    const { page } = await e.newPage();
    const exportChunks: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/catalogueExport-[^/]+\.js$/.test(request.url())) exportChunks.push(request.url());
    });
    await e.signIn(page, 'digital@trier.demo', DEMO_PASSWORD);
    await page.goto('/projekte?search=Lichtmasten');
    await page.getByRole('link', { name: 'Demo: Smarte Lichtmasten', exact: true }).waitFor();
    expect(exportChunks).toEqual([]);

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als CSV herunterladen' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe('projekte.csv');
    const text = fs.readFileSync((await csv.path()) as string, 'utf8');
    expect(text.split(/\r?\n/)[0]).toContain(';');
    expect(text).toContain('Demo: Smarte Lichtmasten');
    // Only what the search found.
    expect(text).not.toContain('Demo: Digitale Dörfer');
    expect(exportChunks).toHaveLength(1);

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als Excel-Datei (XLSX) herunterladen' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('projekte.xlsx');
    // An XLSX file is a ZIP archive.
    expect(
      fs
        .readFileSync((await xlsx.path()) as string)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
