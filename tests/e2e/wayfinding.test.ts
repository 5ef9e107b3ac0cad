import { Role } from '@hub/shared';
import type { Page } from 'playwright-core';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

const COORDINATOR = 'koordination@kl.digital.demo';
const OFFICER = 'digital@kaiserslautern.demo';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('finding one’s way in Chromium', () => {
  it('the sign-in page and the public Markt link to each other', async () => {
    const { page } = await e.newPage();
    await page.goto('/anmelden');
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await page.getByRole('link', { name: 'Markt der Projekte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Markt der Projekte' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/markt');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Zur Anmeldung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anmelden' }).waitFor();
    await expectAccessible(page);

    // Signed in, the Markt does not offer to sign in again.
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    await page.goto('/markt');
    await page.getByRole('heading', { level: 1, name: 'Markt der Projekte' }).waitFor();
    expect(await page.getByRole('link', { name: 'Zur Anmeldung' }).count()).toBe(0);
  });

  it('"Mein Profil" is in the header of every page for a signed-in person', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Projekte' })
      .click();
    await page.getByRole('banner').getByRole('link', { name: 'Mein Profil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/profil');
    await expectAccessible(page);
  });

  it('the CSV import names the German column headers the importer accepts', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/personen/import');
    await page.getByRole('heading', { level: 1, name: 'Digitalbeauftragte importieren' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Spalten der CSV-Datei' }).waitFor();
    const row = (term: RegExp) =>
      page.locator('dl > div').filter({ has: page.locator('dt', { hasText: term }) });
    expect(await row(/^E-Mail \(Pflicht\)$/).textContent()).toContain('E-Mail, E-Mail-Adresse, Mail');
    expect(await row(/^Kommune \(Pflicht\)$/).textContent()).toContain(
      'Kommune, ARS, AGS, Gemeindeschlüssel, Regionalschlüssel',
    );
    expect(await row(/^Funktion$/).textContent()).toContain('Funktion');
    expect(await row(/^Sprache$/).textContent()).toContain('DE oder EN');
    await page.getByText('Name;E-Mail;Kommune;Funktion;Telefon;Sprache').waitFor();
    await expectAccessible(page);

    // The headers named there are the ones the importer takes.
    await page
      .getByLabel('Oder CSV-Text einfügen')
      .fill(
        'Name;E-Mail-Adresse;Gemeindeschlüssel;Funktion;Telefon;Sprache\nIda Import;ida.import@kaiserslautern.demo;073120000000;Digitalbeauftragte;0631 123;EN\n',
      );
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.getByText('Die Zeile ist in Ordnung.').waitFor();
  });

  it('the people administration invites a person of any role; an officer with her municipality', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/personen');
    await page.getByRole('link', { name: 'Person einladen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Person einladen' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Paula Pfalz');
    await page.getByLabel('E-Mail', { exact: true }).fill('paula.pfalz@kaiserslautern.demo');
    await page.getByLabel('Rolle').selectOption({ label: 'Digitalbeauftragte/r' });
    await page.getByLabel('Kommune suchen').fill('kaiserslautern');
    const picker = page.getByLabel('Kommune', { exact: true });
    const option = picker.locator('option', { hasText: /^Kaiserslautern/ }).first();
    await option.waitFor({ state: 'attached' });
    await picker.selectOption((await option.getAttribute('value')) ?? '');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Einladung senden' }).click();
    await page.getByText('Die Einladung an Paula Pfalz wurde gesendet.').waitFor();
    const invited = await e.t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'paula.pfalz@kaiserslautern.demo' });
    expect(invited.role).toBe(Role.OFFICER);
    await expectAccessible(page);
  });
});
