import { MembershipStatus, MunicipalityKind, Role, UserStatus } from '@hub/shared';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

const COORDINATOR = 'koordination@kl.digital.demo';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

describe('the member network in Chromium', () => {
  it('a coordinator finds a municipality, invites it and its officer; no WCAG 2.1 AA violation on the way', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Mitglieder' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kommunen und Mitglieder' }).waitFor();
    await page.getByText(/Gefundene Kommunen: \d+/).waitFor();
    expect(await page.getByRole('table').textContent()).toContain('Kaiserslautern');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Typed without umlaut, as people do; all municipalities, not only members.
    await page.getByLabel('Name der Kommune').fill('bruchmuehlbach');
    await page.getByLabel('Mitgliedschaft').selectOption({ label: 'Alle Kommunen' });
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('link', { name: 'Bruchmühlbach-Miesau', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Bruchmühlbach-Miesau' }).waitFor();
    await page.getByText('Diese Kommune ist kein Mitglied des Netzwerks.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Notiz für den Verlauf (optional)').fill('Nach dem Digitaltag angesprochen');
    await page.getByRole('button', { name: /^Ins Netzwerk einladen/ }).click();
    await page.getByText('Die Mitgliedschaft von Bruchmühlbach-Miesau wurde geändert.').waitFor();
    await page.getByRole('cell', { name: 'Nach dem Digitaltag angesprochen' }).waitFor();
    expect(await page.getByRole('table').textContent()).toContain('Kim Koordinatorin');
    expect(await accessibilityViolations(page)).toEqual([]);

    const municipality = await e.t.dataSource
      .getRepository(Municipality)
      .findOneByOrFail({ name: 'Bruchmühlbach-Miesau' });
    const membership = await e.t.dataSource
      .getRepository(NetworkMembership)
      .findOneByOrFail({ municipalityId: municipality.id });
    expect(membership.status).toBe(MembershipStatus.INVITED);

    // The officer, through the CSV import: check first, then import.
    await page.goto('/personen/import');
    await page.getByRole('heading', { level: 1, name: 'Digitalbeauftragte importieren' }).waitFor();
    await page
      .getByLabel('Oder CSV-Text einfügen')
      .fill(
        `Name;E-Mail;Kommune;Funktion\nOtto Ortmann;otto.ortmann@bruchmuehlbach.demo;${municipality.ars};Digitalbeauftragter\n`,
      );
    await page.getByRole('button', { name: 'Prüfen' }).click();
    await page.getByText('Die Zeile ist in Ordnung.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '1 Person importieren und einladen' }).click();
    await page.getByText('Die Person wurde angelegt und eingeladen.').waitFor();

    const officer = await e.t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'otto.ortmann@bruchmuehlbach.demo' });
    expect(officer).toMatchObject({
      role: Role.OFFICER,
      status: UserStatus.INVITED,
      municipalityId: municipality.id,
    });
    expect(await e.t.dataSource.getRepository(OutboxMessage).countBy({ recipient: officer.email })).toBe(1);

    // The people list shows the new officer, invited, with the invitation to resend.
    await page.goto('/personen');
    await page.getByLabel('Name oder E-Mail-Adresse').fill('ortmann');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('button', { name: /^Einladung erneut senden\s*:\s*Otto Ortmann$/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows the network on a map drawn by the app, with the figures as text', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'ministerium@mdi.rlp.demo', DEMO_PASSWORD);
    await page.goto('/mitglieder/karte');
    await page.getByRole('heading', { level: 1, name: 'Das Netzwerk in Zahlen' }).waitFor();
    const map = page.getByRole('img', { name: /Karte von Rheinland-Pfalz/ });
    await map.waitFor();
    expect(await page.locator('svg.hub-network-map circle').count()).toBeGreaterThanOrEqual(50);
    expect(await page.getByRole('table').textContent()).toContain('Landkreis Cochem-Zell');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});

describe('a municipality’s projects, working groups and meetings in Chromium', () => {
  it('lists Kaiserslautern’s demo projects, groups and meetings with links; no WCAG 2.1 AA violation', async () => {
    const kaiserslautern = await e.t.dataSource
      .getRepository(Municipality)
      .findOneByOrFail({ name: 'Kaiserslautern', kind: MunicipalityKind.KREISFREIE_STADT });
    const url = `/mitglieder/kommunen/${encodeURIComponent(kaiserslautern.globalId())}`;
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Kaiserslautern' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Projekte \(\d+\)$/ }).waitFor();
    const project = page.getByRole('link', { name: 'Demo: Smarte Lichtmasten' });
    expect(await project.getAttribute('href')).toMatch(/^\/projekte\/[^/]+$/);
    expect(await page.locator('main').textContent()).toContain('Federführung');
    await page.getByRole('heading', { level: 2, name: 'Arbeitsgruppen' }).waitFor();
    const group = page.getByRole('link', { name: 'AG Smart City & Sensorik (Demo)' });
    expect(await group.getAttribute('href')).toMatch(/^\/arbeitsgruppen\/[^/]+$/);
    await page.getByRole('heading', { level: 2, name: /^Sitzungen \(\d+\)$/ }).waitFor();
    const meeting = page.getByRole('link', { name: 'AG Smart City: Sitzung (Demo)' });
    expect(await meeting.getAttribute('href')).toMatch(/^\/sitzungen\/[^/]+$/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
