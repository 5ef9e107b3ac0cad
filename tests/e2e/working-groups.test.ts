import { WorkingGroupMembershipStatus } from '@hub/shared';
import { User } from '../../packages/api/src/modules/users/user.entity';
import {
  WorkingGroup,
  WorkingGroupMembership,
} from '../../packages/api/src/modules/working-groups/working-group.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildWorkingGroup } from '../support/working-group-factories';

const OFFICER = 'digital@kaiserslautern.demo';
const LEAD = 'digital@cochem-zell.demo';
const COORDINATOR = 'koordination@kl.digital.demo';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

const userByEmail = (email: string) => e.t.dataSource.getRepository(User).findOneByOrFail({ email });

describe('working groups in Chromium', () => {
  it('an officer asks to join a working group and a lead accepts; no WCAG 2.1 AA violation on the way', async () => {
    const [officer, lead, member] = await Promise.all([OFFICER, LEAD, 'digital@mainz.demo'].map(userByEmail));
    const group = await buildWorkingGroup(e.t.dataSource, {
      name: 'AG Smarte Straßenbeleuchtung',
      topic: 'Infrastruktur & Netze',
      description: 'Erfahrungen mit smarten Lichtmasten teilen.',
      goals: 'Eine gemeinsame Ausschreibung vorbereiten.',
      leads: [lead],
      members: [member],
    });

    // The officer finds the group in the list and asks to join.
    const officerPage = (await e.newPage()).page;
    await e.signIn(officerPage, OFFICER, DEMO_PASSWORD);
    await officerPage
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Arbeitsgruppen' })
      .click();
    await officerPage.getByRole('link', { name: 'AG Smarte Straßenbeleuchtung' }).waitFor();
    expect(await officerPage.locator('main').textContent()).toContain('Mitglieder: 2');
    expect(await accessibilityViolations(officerPage)).toEqual([]);
    await officerPage.getByRole('link', { name: 'AG Smarte Straßenbeleuchtung' }).click();
    await officerPage.getByRole('heading', { level: 1, name: 'AG Smarte Straßenbeleuchtung' }).waitFor();
    const members = officerPage.getByRole('table');
    expect(await members.textContent()).toContain('Landkreis Cochem-Zell');
    expect(await accessibilityViolations(officerPage)).toEqual([]);
    await officerPage.getByRole('button', { name: 'Beitritt anfragen' }).click();
    await officerPage.getByText('Ihre Anfrage wurde an die Leitung der Gruppe geschickt.').waitFor();
    await officerPage.getByRole('button', { name: 'Anfrage zurückziehen' }).waitFor();
    expect(await accessibilityViolations(officerPage)).toEqual([]);

    // The lead sees the request on the group page and accepts it.
    const leadPage = (await e.newPage()).page;
    await e.signIn(leadPage, LEAD, DEMO_PASSWORD);
    await leadPage.goto(`/arbeitsgruppen/${encodeURIComponent(group.globalId())}`);
    await leadPage.getByRole('heading', { name: 'Offene Beitrittsanfragen (1)' }).waitFor();
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('button', { name: new RegExp(`^Annehmen\\s*:\\s*${officer.name}$`) }).click();
    await leadPage.getByText(`${officer.name} ist jetzt Mitglied der Arbeitsgruppe.`).waitFor();
    await leadPage.getByRole('heading', { name: 'Mitglieder (3)' }).waitFor();
    expect(await leadPage.getByRole('table').textContent()).toContain(officer.name);
    expect(
      await leadPage
        .getByRole('button', { name: new RegExp(`^Zur Leitung ernennen\\s*:\\s*${officer.name}$`) })
        .count(),
    ).toBe(1);
    expect(await accessibilityViolations(leadPage)).toEqual([]);

    const membership = await e.t.dataSource
      .getRepository(WorkingGroupMembership)
      .findOneByOrFail({ workingGroupId: group.id, userId: officer.id });
    expect(membership.status).toBe(WorkingGroupMembershipStatus.ACTIVE);

    // Back on the officer's page, after reloading: a member now, who may leave.
    await officerPage.reload();
    await officerPage.getByText('Sie sind Mitglied dieser Arbeitsgruppe.').waitFor();
    expect(await officerPage.getByRole('button', { name: 'Arbeitsgruppe verlassen' }).count()).toBe(1);
  });

  it('a coordinator creates a working group (with form errors first) and archives it', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/arbeitsgruppen');
    await page.getByRole('link', { name: 'Arbeitsgruppe anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Arbeitsgruppe anlegen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Arbeitsgruppe anlegen' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toContain('Der Name muss zwischen');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Name').fill('AG Digitale Kita-Portale');
    await page.getByLabel('Thema').fill('Bildung & Kita');
    await page
      .getByLabel('Beschreibung')
      .fill('Kita-Anmeldung online, gemeinsam statt jede Kommune für sich.');
    await page.getByLabel('Ziele').fill('Ein Portal für alle.');
    await page.getByRole('button', { name: 'Arbeitsgruppe anlegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'AG Digitale Kita-Portale' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Noch keine Leitung ernannt');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Beschreibung bearbeiten' }).click();
    await page.getByRole('heading', { level: 1, name: '„AG Digitale Kita-Portale“ bearbeiten' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Ziele').fill('Ein Portal für alle Kommunen im Land.');
    await page.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByText('Ein Portal für alle Kommunen im Land.').waitFor();

    await page.getByRole('button', { name: 'Arbeitsgruppe archivieren' }).click();
    const confirmation = page.getByRole('dialog', {
      name: 'Arbeitsgruppe „AG Digitale Kita-Portale“ archivieren?',
    });
    expect(await confirmation.textContent()).toContain('Das lässt sich nicht rückgängig machen.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await confirmation.getByRole('button', { name: 'Arbeitsgruppe archivieren' }).click();
    await page.getByText('Die Arbeitsgruppe wurde archiviert.').waitFor();
    const group = await e.t.dataSource
      .getRepository(WorkingGroup)
      .findOneByOrFail({ name: 'AG Digitale Kita-Portale' });
    expect(group.archivedAt).not.toBeNull();
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('a working group’s meetings and projects in Chromium', () => {
  it('lists the demo group’s meetings with links, and its projects (none yet); no WCAG 2.1 AA violation', async () => {
    const group = await e.t.dataSource
      .getRepository(WorkingGroup)
      .findOneByOrFail({ name: 'AG Smart City & Sensorik (Demo)' });
    const { page } = await e.newPage();
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    await page.goto(`/arbeitsgruppen/${encodeURIComponent(group.globalId())}`);
    await page.getByRole('heading', { level: 1, name: 'AG Smart City & Sensorik (Demo)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Sitzungen \(\d+\)$/ }).waitFor();
    const meeting = page.getByRole('link', { name: 'AG Smart City: Sitzung (Demo)' });
    expect(await meeting.getAttribute('href')).toMatch(/^\/sitzungen\/[^/]+$/);
    await page.getByRole('link', { name: 'AG Smart City: nächste Sitzung (Demo)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Projekte (0)' }).waitFor();
    await page.getByText('Dieser Arbeitsgruppe ist noch kein Projekt zugeordnet.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await meeting.click();
    await page.getByRole('heading', { level: 1, name: 'AG Smart City: Sitzung (Demo)' }).waitFor();
  });
});
