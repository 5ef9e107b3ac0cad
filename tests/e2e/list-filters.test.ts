import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

const COORDINATOR = 'koordination@kl.digital.demo';

let e: E2E;
let page: Page;
beforeAll(async () => {
  e = await startE2E();
  page = (await e.newPage()).page;
  await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
}, 120_000);
afterAll(() => e.close());

/** The results heading ("1 Projekt", "3 Arbeitsgruppen") once the list shows it. */
const resultsHeading = (name: string) => page.getByRole('heading', { level: 2, name });

describe('filters of list pages live in the address', () => {
  it('the catalogue keeps its search text and facets after opening a project and going Back, and after a reload', async () => {
    await page.goto('/projekte');
    await page.getByLabel('Suchbegriff').fill('Lichtmasten');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await resultsHeading('1 Projekt').waitFor();
    await page.getByRole('checkbox', { name: /^Infrastruktur & Netze/ }).check();
    await page.waitForURL((url) => url.searchParams.get('categories') === 'INFRASTRUCTURE_NETWORKS');
    expect(new URL(page.url()).searchParams.get('search')).toBe('Lichtmasten');

    await page.getByRole('link', { name: 'Demo: Smarte Lichtmasten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo: Smarte Lichtmasten' }).waitFor();
    await page.goBack();
    await resultsHeading('1 Projekt').waitFor();
    expect(await page.getByLabel('Suchbegriff').inputValue()).toBe('Lichtmasten');
    expect(await page.getByRole('checkbox', { name: /^Infrastruktur & Netze/ }).isChecked()).toBe(true);

    await page.reload();
    await resultsHeading('1 Projekt').waitFor();
    expect(await page.getByLabel('Suchbegriff').inputValue()).toBe('Lichtmasten');

    // Resetting empties the address as well as the fields.
    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.waitForURL((url) => url.search === '');
    expect(await page.getByLabel('Suchbegriff').inputValue()).toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the directory keeps its search and membership choice after opening a municipality and going Back', async () => {
    await page.goto('/mitglieder');
    await page.getByLabel('Name der Kommune').fill('kaiserslautern');
    await page.getByLabel('Mitgliedschaft').selectOption({ label: 'Alle Kommunen' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL((url) => url.searchParams.get('search') === 'kaiserslautern');
    const firstHit = page.getByRole('table').getByRole('link').first();
    const name = (await firstHit.textContent()) ?? '';
    await firstHit.click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.goBack();
    await page.getByRole('table').getByRole('link', { name }).first().waitFor();
    expect(await page.getByLabel('Name der Kommune').inputValue()).toBe('kaiserslautern');
    expect(await page.getByLabel('Mitgliedschaft').inputValue()).toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the people list and the working groups keep their filters after going Back', async () => {
    await page.goto('/personen');
    await page.getByLabel('Name oder E-Mail-Adresse').fill('berg');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.waitForURL((url) => url.searchParams.get('search') === 'berg');
    await page.goto('/arbeitsgruppen');
    await page.goBack();
    expect(await page.getByLabel('Name oder E-Mail-Adresse').inputValue()).toBe('berg');

    await page.goto('/arbeitsgruppen');
    await page.getByLabel('Suche in Name, Thema und Beschreibung').fill('Kita');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await resultsHeading('Gefundene Arbeitsgruppen: 1').waitFor();
    await page.getByRole('link', { name: 'AG Bildung & Kita digital (Demo)' }).click();
    await page.getByRole('heading', { level: 1, name: 'AG Bildung & Kita digital (Demo)' }).waitFor();
    await page.goBack();
    await resultsHeading('Gefundene Arbeitsgruppen: 1').waitFor();
    expect(await page.getByLabel('Suche in Name, Thema und Beschreibung').inputValue()).toBe('Kita');
  });

  it('the action-item board and the membership administration keep their filters', async () => {
    await page.goto('/aufgaben');
    await page.getByRole('radio', { name: 'Alle' }).check();
    await page.getByLabel('Nur überfällige').check();
    await page.waitForURL(
      (url) => url.searchParams.get('scope') === 'ALL' && url.searchParams.get('overdue') === '1',
    );
    await page.goto('/sitzungen');
    await page.goBack();
    expect(await page.getByRole('radio', { name: 'Alle' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Nur überfällige').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto('/mitglieder/verwaltung');
    await page.getByLabel('Mitgliedschaft', { exact: true }).selectOption('ACTIVE');
    await page.waitForURL((url) => url.searchParams.get('status') === 'ACTIVE');
    await page.reload();
    expect(await page.getByLabel('Mitgliedschaft', { exact: true }).inputValue()).toBe('ACTIVE');
  });

  it('the meetings page keeps the calendar view and its month', async () => {
    await page.goto('/sitzungen');
    await page.getByLabel('Monatskalender').check();
    await page.getByRole('button', { name: 'Nächster Monat' }).click();
    await page.waitForURL(
      (url) => url.searchParams.get('view') === 'calendar' && url.searchParams.has('month'),
    );
    const month = new URL(page.url()).searchParams.get('month');
    await page.goto('/projekte');
    await page.goBack();
    expect(await page.getByLabel('Monatskalender').isChecked()).toBe(true);
    expect(new URL(page.url()).searchParams.get('month')).toBe(month);
  });
});
