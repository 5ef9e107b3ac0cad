import fs from 'node:fs';
import { MeetingKind, MunicipalityKind, Role } from '@hub/shared';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildUser, municipality } from '../support/factories';
import { buildMeeting, invite } from '../support/meeting-factories';

const COORDINATOR = 'koordination@kl.digital.demo';
const OFFICER = 'digital@cochem-zell.demo';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

describe('data protection in Chromium', () => {
  it('an officer downloads her data as a document and as JSON from her profile', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    await page.getByRole('link', { name: 'Mein Profil' }).click();
    await page.getByRole('heading', { level: 2, name: 'Meine Daten' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'privacy-profile');

    const [documentDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als Dokument herunterladen' }).click(),
    ]);
    expect(documentDownload.suggestedFilename()).toMatch(/^daten-.+-\d{4}-\d{2}-\d{2}\.html$/);
    const html = fs.readFileSync((await documentDownload.path()) as string, 'utf8');
    expect(html).toContain('<h1>Auskunft über gespeicherte Daten');
    expect(html).toContain(OFFICER);
    expect(html).toContain('Anmeldungen (Sitzungen)');

    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Als JSON herunterladen' }).click(),
    ]);
    const data = JSON.parse(fs.readFileSync((await jsonDownload.path()) as string, 'utf8'));
    expect(data.person.email).toBe(OFFICER);
    const sessions = data.sections.find((s: { table: string }) => s.table === 'session').rows;
    // The session of this browser, with its coarse client (no full User-Agent is stored).
    expect(sessions.map((row: { client: string | null }) => row.client)).toContain('Chrome / Linux');

    // She asks to be erased, with a confirmation that names the consequence.
    await page.getByRole('button', { name: 'Löschung beantragen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Löschung Ihrer Daten beantragen?' });
    await dialog.getByRole('button', { name: 'Löschung beantragen' }).click();
    await page.getByText(/Sie haben am .+ die Löschung beantragt/).waitFor();
    await page.getByRole('button', { name: 'Antrag zurückziehen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('a coordinator erases a person; the published minutes then show the pseudonym', async () => {
    const ds = e.t.dataSource;
    const kaiserslautern = await municipality(ds, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
    const paula = await buildUser(ds, {
      role: Role.OFFICER,
      municipalityId: kaiserslautern.id,
      name: 'Paula Pilotin',
      email: 'paula.pilotin@kaiserslautern.example',
      phone: '0631 365 4711',
    });
    const [coordinator] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [COORDINATOR]);
    const meeting = await buildMeeting(ds, {
      kind: MeetingKind.NETWORK,
      title: 'Netzwerktreffen Datenschutz',
      startsAt: new Date(Date.now() - 14 * 86_400_000),
      organizerId: coordinator.id,
    });
    await invite(ds, meeting, [paula]);
    const [item] = await ds.query(
      `INSERT INTO agenda_item (meeting_id, position, title) VALUES ($1, 1, 'Pilot Parkraum') RETURNING id`,
      [meeting.id],
    );
    const [outcome] = await ds.query(
      `INSERT INTO meeting_outcome (meeting_id, agenda_item_id, kind, title, owner_user_id, status, created_by_id)
       VALUES ($1, $2, 'ACTION_ITEM', 'Pilot auswerten', $3, 'OPEN', $4) RETURNING id`,
      [meeting.id, item.id, paula.id, coordinator.id],
    );
    const body =
      'Paula Pilotin berichtet vom Pilot Parkraum; Fragen an paula.pilotin@kaiserslautern.example.';
    const [minutes] = await ds.query(
      `INSERT INTO meeting_minutes (meeting_id, status, body, drafted_by_id, approved_by_id, published_at)
       VALUES ($1, 'PUBLISHED', $2, $3, $3, now()) RETURNING id`,
      [meeting.id, body, coordinator.id],
    );
    await ds.query(
      `INSERT INTO meeting_minutes_revision (minutes_id, meeting_id, revision, body, item_notes, outcomes, approved_by_id, published_by_id)
       VALUES ($1, $2, 1, $3, '[]', $4, $5, $5)`,
      [
        minutes.id,
        meeting.id,
        body,
        JSON.stringify([
          {
            outcomeId: outcome.id,
            agendaItemId: item.id,
            agendaItemTitle: 'Pilot Parkraum',
            agendaItemPosition: 1,
            kind: 'ACTION_ITEM',
            title: 'Pilot auswerten',
            description: '',
            ownerUserId: paula.id,
            ownerMunicipalityId: null,
            dueDate: null,
            status: 'OPEN',
            projectIds: [],
          },
        ]),
        coordinator.id,
      ],
    );

    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto(
      `/sitzungen/${encodeURIComponent(Buffer.from(`Meeting:${meeting.id}`).toString('base64url'))}`,
    );
    await page.getByText('Paula Pilotin berichtet vom Pilot Parkraum').waitFor();

    await page.goto('/personen');
    await page.getByLabel('Name oder E-Mail-Adresse').fill('Pilotin');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByRole('button', { name: /^Person löschen\s*:\s*Paula Pilotin$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Paula Pilotin löschen?' });
    await dialog.getByText(/Das lässt sich nicht rückgängig machen/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Person endgültig löschen' }).click();
    const done = page.getByText(/Gelöscht\. Die Person erscheint jetzt als „Gelöschte Person [0-9A-F]{6}“/);
    await done.waitFor();
    const pseudonym = /„(.+)“/.exec((await done.textContent()) ?? '')?.[1] as string;
    await screenshotWidths(page, 'privacy-people-erased');

    await page.goto(
      `/sitzungen/${encodeURIComponent(Buffer.from(`Meeting:${meeting.id}`).toString('base64url'))}`,
    );
    await page.getByText(`${pseudonym} berichtet vom Pilot Parkraum`).waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('Paula');
    expect(text).not.toContain('paula.pilotin');
    expect(text).toContain(pseudonym);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('the coordinator finds the erasure in the audit trail, filtered by action', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Protokoll' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Änderungsprotokoll' }).waitFor();
    await page
      .getByText(/\d+ Einträge?/)
      .first()
      .waitFor();
    await page.getByLabel('Aktion').selectOption('person.erase');
    await page.getByRole('button', { name: 'Filtern' }).click();
    await page.getByText('1 Eintrag', { exact: true }).waitFor();
    expect(await page.getByRole('table').textContent()).toContain('Gelöschte Person');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'privacy-audit');
  });

  it('officers have no Protokoll entry; anyone reads the privacy notice, the record and the imprint', async () => {
    const { page } = await e.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: 'Datenschutzerklärung' }).click();
    await page.getByRole('heading', { level: 1, name: 'Datenschutzerklärung' }).waitFor();
    await page.getByText('Angaben zum Betreiber fehlen').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Profil und Rolle' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'privacy-notice');
    await page.getByRole('link', { name: 'Verzeichnis von Verarbeitungstätigkeiten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzeichnis von Verarbeitungstätigkeiten' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Löschfristen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'privacy-record');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Impressum' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impressum' }).waitFor();
    await page
      .getByText('OPERATOR_NAME, OPERATOR_ADDRESS, OPERATOR_REPRESENTATIVE, OPERATOR_EMAIL')
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'privacy-imprint');

    // In English, the registry's texts are English too (they were German on the English page).
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/datenschutz');
    await page.getByRole('heading', { level: 3, name: 'Profile and role' }).waitFor();
    await page.getByText('Signing in, showing the person in the network', { exact: false }).waitFor();
    expect(await page.getByText('Profil und Rolle').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'privacy-notice-en');
    await page.goto('/datenschutz/verarbeitungsverzeichnis');
    await page.getByRole('heading', { level: 2, name: 'Retention periods' }).waitFor();
    await page.getByText('Sign-in sessions', { exact: true }).waitFor();
    expect(await page.getByText('Anmeldesitzungen').count()).toBe(0);
    await screenshotWidths(page, 'privacy-record-en');
    await page.getByRole('button', { name: 'Deutsch' }).click();

    await e.signIn(page, 'digital@kaiserslautern.demo', DEMO_PASSWORD);
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    await navigation.getByRole('link', { name: 'Projekte' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Protokoll' }).count()).toBe(0);
  });
});
