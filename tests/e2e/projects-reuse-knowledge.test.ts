import { Project } from '../../packages/api/src/modules/projects/project.entity';
import { ProjectCost } from '../../packages/api/src/modules/projects/project-details.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { seedDemoProjects } from '../../packages/api/src/seed/demo-projects';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { consume } from '../support/notification-helpers';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await e.t.dataSource.transaction((m) => seedDemoProjects(m));
}, 120_000);
afterAll(() => e.close());

const LIGHTS = 'Demo: Smarte Lichtmasten';
const SAVED_STATUS = 'Der Sachstand wurde gespeichert.';

describe('adoption that makes sense, in Chromium', () => {
  it("an officer adopts with a distinguishable title and the origin's costs, and the origin's team is told", async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@koblenz.demo', DEMO_PASSWORD);
    await page.goto('/projekte');
    await page.getByRole('link', { name: LIGHTS }).click();
    await page.getByRole('heading', { level: 1, name: LIGHTS }).waitFor();
    await page.getByRole('link', { name: 'Nachnutzung vorbereiten' }).click();

    await page.getByRole('heading', { level: 1, name: `Nachnutzen: ${LIGHTS}` }).waitFor();
    expect(await page.getByLabel('Titel Ihres Projekts').inputValue()).toBe(`${LIGHTS} (Koblenz)`);
    await page.getByLabel('Was passen Sie an?').fill('Nur die Rheinpromenade, eigener Stromanbieter');
    await page.getByLabel('Geschätzte Einsparung in Euro').fill('zwanzigtausend');
    await page.getByLabel('Kostenpositionen des Ursprungsprojekts als Ausgangspunkt übernehmen').check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nachnutzung anlegen' }).click();
    // The error summary links to the field, which says what is wrong and is marked invalid.
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await summary.getByRole('link', { name: /Betrag in Euro/ }).click();
    const savingField = page.getByLabel('Geschätzte Einsparung in Euro');
    expect(await savingField.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await savingField.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'adopt-form-error');
    await savingField.fill('20.000');
    expect(await savingField.getAttribute('aria-invalid')).toBeNull();
    expect(await summary.count()).toBe(0);
    await page.getByRole('button', { name: 'Nachnutzung anlegen' }).click();

    await page.getByRole('heading', { level: 1, name: `${LIGHTS} (Koblenz)` }).waitFor();
    const status = page.getByRole('status').filter({ hasText: `Sie nutzen „${LIGHTS}“ nach.` });
    await status.waitFor();
    expect(await status.textContent()).toMatch(/Übernommene Kostenpositionen: \d+\./);
    expect(await status.textContent()).toMatch(
      /Das Team von Kaiserslautern wurde per E-Mail informiert \((eine Person|\d+ Personen)\)\./,
    );
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // The adopter is the new project's contact.
    expect(await page.locator('main').textContent()).toContain('Emine Engel');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'adopt-done');

    const origin = await e.t.dataSource.getRepository(Project).findOneByOrFail({ title: LIGHTS });
    const adopted = await e.t.dataSource
      .getRepository(Project)
      .findOneByOrFail({ title: `${LIGHTS} (Koblenz)` });
    expect(adopted).toMatchObject({ originProjectId: origin.id, estimatedSavingCents: 2_000_000 });
    const originCosts = await e.t.dataSource.getRepository(ProjectCost).countBy({ projectId: origin.id });
    expect(await e.t.dataSource.getRepository(ProjectCost).countBy({ projectId: adopted.id })).toBe(
      originCosts,
    );
    await consume(e.t.dataSource);
    const recipients: { recipient: string }[] = await e.t.dataSource.query(
      `SELECT u.email AS recipient FROM notification n JOIN app_user u ON u.id = n.recipient_id
        WHERE n.kind = 'PROJECT_ADOPTED'`,
    );
    expect(recipients.map((r) => r.recipient)).toContain('digital@kaiserslautern.demo');
    expect(recipients.map((r) => r.recipient)).not.toContain('digital@koblenz.demo');
    // The catalogue no longer shows two projects of the same name.
    expect(await e.t.dataSource.getRepository(Project).countBy({ title: LIGHTS })).toBe(1);
  });
});

describe('the Markt carries the knowledge, in Chromium', () => {
  it('an officer writes implementation notes and lessons learned, is the contact, and fixes errors tied to their fields', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@ludwigshafen.demo', DEMO_PASSWORD);
    await page.goto('/projekte/neu');
    await page.getByRole('heading', { level: 1, name: 'Neues Projekt' }).waitFor();
    await page.getByLabel('Titel').fill('KI');
    await page.getByLabel('Umsetzungshinweise').fill('Ausschreibung gemeinsam mit dem Rhein-Pfalz-Kreis.');
    await page.getByLabel('Erfahrungen (Lessons Learned)').fill('Früh den Personalrat einbinden.');
    // The officer's own name is preselected as the contact.
    const contacts = page.getByLabel('Ansprechpersonen');
    await contacts.locator('option:checked', { hasText: 'Finn Faber' }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await summary.waitFor();
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const title = page.getByLabel('Titel', { exact: true });
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await title.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('mindestens 3 Zeichen');
    await summary.getByRole('link', { name: /Titel mit mindestens 3 Zeichen/ }).click();
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    await summary.getByRole('link', { name: 'Bitte wählen Sie eine Kategorie.' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'project-form-errors');

    // Fixing a field takes its error away at once.
    await title.fill('KI-Assistent für das Bürgerbüro');
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    expect(await summary.getByRole('link', { name: /Titel/ }).count()).toBe(0);
    await page.getByLabel('Kategorie').selectOption('CITIZEN_SERVICES');
    expect(await summary.count()).toBe(0);

    // A problem only the server finds comes back in German, on its field.
    await page.getByLabel('Beginn').fill('1980-01-01');
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();
    await summary
      .getByRole('link', { name: 'Bitte geben Sie ein gültiges Datum zwischen 1990 und 2100 ein.' })
      .waitFor();
    expect(await page.getByLabel('Beginn').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Beginn').fill('2026-03-01');
    await page.getByLabel('Sofort veröffentlichen').check();
    await page.getByRole('button', { name: 'Projekt anlegen' }).click();

    // The new page opens at the top, its heading focused, with the knowledge and the contact.
    await page.getByRole('heading', { level: 1, name: 'KI-Assistent für das Bürgerbüro' }).waitFor();
    await page
      .getByRole('button', { name: 'Veröffentlichen' })
      .or(page.getByText('Ausschreibung gemeinsam'))
      .first()
      .waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Umsetzungshinweise');
    expect(main).toContain('Ausschreibung gemeinsam mit dem Rhein-Pfalz-Kreis.');
    expect(main).toContain('Früh den Personalrat einbinden.');
    expect(main).toContain('Finn Faber');
    expect(main).not.toContain('Keine Ansprechpersonen angegeben.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'project-created');

    // The status update (Sachstand) form follows the same pattern.
    await page.getByRole('button', { name: 'Sachstand speichern' }).click();
    const statusSummary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await statusSummary.getByRole('link', { name: 'Bitte beschreiben Sie, was sich getan hat.' }).click();
    const statusText = page.getByLabel('Was hat sich getan?');
    expect(await statusText.evaluate((el) => el === document.activeElement)).toBe(true);
    await statusText.fill('Ausschreibung veröffentlicht');
    expect(await statusSummary.count()).toBe(0);
    await page.getByLabel('Fortschritt in Prozent').fill('20');
    await page.getByRole('button', { name: 'Sachstand speichern' }).click();
    await page.getByRole('status').filter({ hasText: SAVED_STATUS }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const officer = await e.t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'digital@ludwigshafen.demo' });
    const project = await e.t.dataSource
      .getRepository(Project)
      .findOneByOrFail({ title: 'KI-Assistent für das Bürgerbüro' });
    expect(project).toMatchObject({
      implementationNotes: 'Ausschreibung gemeinsam mit dem Rhein-Pfalz-Kreis.',
      lessonsLearned: 'Früh den Personalrat einbinden.',
      startDate: '2026-03-01',
      createdById: officer.id,
    });
  });
});

describe('one error pattern across forms, in Chromium', () => {
  it('the meeting form and the profile link their error summary to the fields and clear an error once fixed', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'koordination@kl.digital.demo', DEMO_PASSWORD);
    await page.goto('/sitzungen/neu');
    await page.getByRole('heading', { level: 1, name: 'Sitzung planen' }).waitFor();
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Bitte prüfen Sie Ihre Angaben' });
    await summary.getByRole('link', { name: 'Bitte geben Sie einen Titel ein.' }).click();
    const title = page.getByLabel('Titel');
    expect(await title.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await summary.getByRole('link', { name: 'Bitte geben Sie das Datum an.' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'meeting-form-errors');
    await title.fill('Netzwerktreffen Herbst');
    expect(await title.getAttribute('aria-invalid')).toBeNull();
    expect(await summary.getByRole('link', { name: 'Bitte geben Sie einen Titel ein.' }).count()).toBe(0);
    // The end before the start is caught on the end field.
    await page.getByLabel('Datum').fill('2030-10-01');
    await page.getByLabel('Beginn (deutsche Zeit)').fill('14:00');
    await page.getByLabel('Ende (deutsche Zeit)').fill('13:00');
    await page.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await summary.getByRole('link').first().click();
    expect(
      await page.getByLabel('Ende (deutsche Zeit)').evaluate((el) => el === document.activeElement),
    ).toBe(true);

    await page.goto('/profil');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('');
    await page.getByRole('button', { name: /speichern/i }).click();
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await summary.getByRole('link').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await name.fill('Kim Koordinatorin');
    expect(await summary.count()).toBe(0);
  });
});
