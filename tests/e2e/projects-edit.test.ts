import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { Project } from '../../packages/api/src/modules/projects/project.entity';
import {
  ProjectContact,
  ProjectFunding,
  ProjectMilestone,
} from '../../packages/api/src/modules/projects/project-details.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { WorkingGroup } from '../../packages/api/src/modules/working-groups/working-group.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { seedDemoProjects } from '../../packages/api/src/seed/demo-projects';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { gid } from '../support/factories';
import { consume } from '../support/notification-helpers';

const COORDINATOR = 'koordination@kl.digital.demo';
const PARKING = 'Demo: Park-App Innenstadt';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await e.t.dataSource.transaction((m) => seedDemoProjects(m));
}, 120_000);
afterAll(() => e.close());

const projectByTitle = (title: string) => e.t.dataSource.getRepository(Project).findOneByOrFail({ title });

describe('editing projects in Chromium', () => {
  it('a coordinator adopts a project on behalf of a chosen municipality through the same adoption page', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    const origin = await projectByTitle('Demo: Westpfalz Wiki');
    await page.goto('/projekte');
    await page.getByRole('link', { name: 'Demo: Westpfalz Wiki' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo: Westpfalz Wiki' }).waitFor();
    await page.getByRole('link', { name: 'Nachnutzung vorbereiten' }).click();
    await page.getByLabel('Nachnutzende Kommune').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Without a choice the form says what is missing instead of sending the request.
    await page.getByRole('button', { name: 'Nachnutzung anlegen' }).click();
    await page.getByRole('link', { name: 'Bitte wählen Sie die nachnutzende Kommune.' }).waitFor();
    expect(await page.getByLabel('Nachnutzende Kommune').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Nachnutzende Kommune').selectOption({ label: 'Bitburg' });
    // The suggested title names the chosen municipality.
    expect(await page.getByLabel('Titel Ihres Projekts').inputValue()).toBe('Demo: Westpfalz Wiki (Bitburg)');
    await page.getByLabel('Was passen Sie an?').fill('Eigene Kategorien für die Eifel');
    await page.getByRole('button', { name: 'Nachnutzung anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo: Westpfalz Wiki (Bitburg)' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Sie nutzen „Demo: Westpfalz Wiki“ nach.' }).waitFor();
    await page.getByRole('heading', { name: 'Herkunft' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Entwurf');
    expect(await accessibilityViolations(page)).toEqual([]);

    const bitburg = await e.t.dataSource.getRepository(Municipality).findOneByOrFail({ name: 'Bitburg' });
    const adopted = await e.t.dataSource
      .getRepository(Project)
      .findOneByOrFail({ leadMunicipalityId: bitburg.id, originProjectId: origin.id });
    expect(adopted).toMatchObject({
      adaptationNotes: 'Eigene Kategorien für die Eifel',
      title: 'Demo: Westpfalz Wiki (Bitburg)',
    });
    // The origin's team is told (through the notifications), the coordinator not of their own adoption.
    await consume(e.t.dataSource);
    const recipients: { recipient: string }[] = await e.t.dataSource.query(
      `SELECT u.email AS recipient FROM notification n JOIN app_user u ON u.id = n.recipient_id
        WHERE n.kind = 'PROJECT_ADOPTED'`,
    );
    expect(recipients.length).toBeGreaterThan(0);
    expect(recipients.map((r) => r.recipient)).not.toContain(COORDINATOR);
  });

  it('an officer edits funding, milestones, the working group and then the contacts', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@trier.demo', DEMO_PASSWORD);
    const parking = await projectByTitle(PARKING);
    await page.goto(`/projekte/${encodeURIComponent(gid('Project', parking.id))}/bearbeiten`);
    await page.getByRole('heading', { level: 1, name: PARKING }).waitFor();
    // Officers do not mark network projects.
    expect(await page.getByLabel('Netzwerkprojekt (vom Netzwerk initiiert)').count()).toBe(0);

    await page.getByRole('button', { name: 'Förderung hinzufügen' }).click();
    await page.getByLabel('Förderprogramm 1').fill('Modellprojekte Smart Cities');
    await page.getByLabel('Förderbetrag 1 in Euro').fill('20.000');
    await page.getByLabel('Förderquote 1 in Prozent').fill('50');
    await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
    await page.getByLabel('Meilenstein 1', { exact: true }).fill('Sensoren montiert');
    await page.getByLabel('Fälligkeit von Meilenstein 1').fill('2025-09-30');
    await page.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
    await page.getByLabel('Meilenstein 2', { exact: true }).fill('Ausweitung auf den Petrisberg');
    // Keyboard only: the checkbox is reachable and toggled with the space bar.
    await page.getByLabel('Meilenstein 1 erledigt').focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Meilenstein 1 erledigt').isChecked()).toBe(true);
    // Working groups and partners are searched, not picked from a truncated list.
    await page.getByLabel('Arbeitsgruppe suchen').fill('Sensorik');
    await page
      .getByRole('combobox', { name: /^Arbeitsgruppe/ })
      .selectOption({ label: 'AG Smart City & Sensorik (Demo)' });
    const mainz = await e.t.dataSource.getRepository(Municipality).findOneByOrFail({ name: 'Mainz' });
    await page.getByRole('button', { name: 'Als Partnerkommune hinzufügen' }).click();
    await page.getByText('Bitte suchen und wählen Sie zuerst eine Kommune.').waitFor();
    await page.getByLabel('Partnerkommune suchen').fill('mainz');
    await page.getByLabel('Gefundene Kommune').selectOption(gid('Municipality', mainz.id));
    await page.getByRole('button', { name: 'Als Partnerkommune hinzufügen' }).click();
    await page.getByRole('button', { name: 'Mainz als Partnerkommune entfernen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/bearbeiten'));
    await page.getByRole('heading', { level: 1, name: PARKING }).waitFor();
    await page.getByText('Modellprojekte Smart Cities').waitFor();
    await page.getByText('Sensoren montiert').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const funding = await e.t.dataSource.getRepository(ProjectFunding).findBy({ projectId: parking.id });
    expect(funding.map((f) => [f.programme, f.amountCents, f.sharePercent])).toEqual([
      ['Modellprojekte Smart Cities', 2_000_000, 50],
    ]);
    const milestones = await e.t.dataSource
      .getRepository(ProjectMilestone)
      .find({ where: { projectId: parking.id }, order: { position: 'ASC' } });
    expect(milestones.map((m) => [m.title, m.dueDate, m.done])).toEqual([
      ['Sensoren montiert', '2025-09-30', true],
      ['Ausweitung auf den Petrisberg', null, false],
    ]);
    const group = await e.t.dataSource
      .getRepository(WorkingGroup)
      .findOneByOrFail({ name: 'AG Smart City & Sensorik (Demo)' });
    expect((await projectByTitle(PARKING)).workingGroupId).toBe(group.id);

    // Mainz now partners in the project, so its officer can be chosen as a contact; so can a coordinator.
    await page.goto(`/projekte/${encodeURIComponent(gid('Project', parking.id))}/bearbeiten`);
    await page.getByLabel('Ansprechpersonen').waitFor();
    expect(await page.getByRole('button', { name: 'Mainz als Partnerkommune entfernen' }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: /^Arbeitsgruppe/ }).inputValue()).toBe(
      gid('WorkingGroup', group.id),
    );
    await page
      .getByLabel('Ansprechpersonen')
      .selectOption([{ label: 'Carla Conrad' }, { label: 'David Dahm' }, { label: 'Kim Koordinatorin' }]);
    expect(await page.getByLabel('Förderprogramm 1').inputValue()).toBe('Modellprojekte Smart Cities');
    expect(await page.getByLabel('Meilenstein 1 erledigt').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/bearbeiten'));
    await page.getByRole('heading', { level: 1, name: PARKING }).waitFor();
    await page.getByText('Carla Conrad').first().waitFor();
    const contacts = await e.t.dataSource.getRepository(ProjectContact).findBy({ projectId: parking.id });
    const carla = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: 'digital@mainz.demo' });
    const kim = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: COORDINATOR });
    expect(contacts.map((c) => c.userId)).toEqual(expect.arrayContaining([carla.id, kim.id]));
    expect(contacts).toHaveLength(3);
  });

  it('a coordinator marks a network project and the second milestone done', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    const parking = await projectByTitle(PARKING);
    await page.goto(`/projekte/${encodeURIComponent(gid('Project', parking.id))}/bearbeiten`);
    await page.getByLabel('Netzwerkprojekt (vom Netzwerk initiiert)').check();
    await page.getByLabel('Meilenstein 2 erledigt').check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/bearbeiten'));
    await page.getByRole('heading', { level: 1, name: PARKING }).waitFor();
    const saved = await projectByTitle(PARKING);
    expect(saved.isNetworkProject).toBe(true);
    const milestones = await e.t.dataSource
      .getRepository(ProjectMilestone)
      .find({ where: { projectId: parking.id }, order: { position: 'ASC' } });
    expect(milestones.map((m) => m.done)).toEqual([true, true]);
    // The contacts the coordinator did not touch stay as they were.
    expect(await e.t.dataSource.getRepository(ProjectContact).countBy({ projectId: parking.id })).toBe(3);
  });

  it('an officer marks a milestone open again right on the project page, with the keyboard', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@trier.demo', DEMO_PASSWORD);
    const parking = await projectByTitle(PARKING);
    await page.goto(`/projekte/${encodeURIComponent(gid('Project', parking.id))}`);
    await page.getByRole('heading', { level: 1, name: PARKING }).waitFor();
    const toggle = page.getByLabel('„Ausweitung auf den Petrisberg“ erledigt');
    expect(await toggle.isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.getByText('Meilenstein „Ausweitung auf den Petrisberg“ ist jetzt offen.').waitFor();
    await page
      .getByRole('checkbox', { name: '„Ausweitung auf den Petrisberg“ erledigt', checked: false })
      .waitFor({ timeout: 5000 });
    expect(await page.getByLabel('„Sensoren montiert“ erledigt').isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    const milestones = await e.t.dataSource
      .getRepository(ProjectMilestone)
      .find({ where: { projectId: parking.id }, order: { position: 'ASC' } });
    expect(milestones.map((m) => [m.title, m.done])).toEqual([
      ['Sensoren montiert', true],
      ['Ausweitung auf den Petrisberg', false],
    ]);

    // The ministry reads the plan but gets no checkboxes.
    const ministry = (await e.newPage()).page;
    await e.signIn(ministry, 'ministerium@mdi.rlp.demo', DEMO_PASSWORD);
    await ministry.goto(`/projekte/${encodeURIComponent(gid('Project', parking.id))}`);
    await ministry.getByRole('heading', { level: 1, name: PARKING }).waitFor();
    await ministry.getByText('Sensoren montiert').waitFor();
    expect(await ministry.getByRole('checkbox').count()).toBe(0);
  });
});
