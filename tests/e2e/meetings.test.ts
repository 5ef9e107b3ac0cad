import { MeetingKind } from '@hub/shared';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildMeeting, buildWorkingGroup } from '../support/meeting-factories';

const OFFICER = 'digital@kaiserslautern.demo';
const LEAD = 'digital@cochem-zell.demo';
const COORDINATOR = 'koordination@kl.digital.demo';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

const userByEmail = (email: string) => e.t.dataSource.getRepository(User).findOneByOrFail({ email });
const berlinDate = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() + offsetDays * 86400_000),
  );

describe('meetings in Chromium', () => {
  it('a lead plans, an officer answers, minutes with an action item are approved and published, the item carries over', async () => {
    const [officer, lead] = await Promise.all([OFFICER, LEAD].map(userByEmail));
    const group = await buildWorkingGroup(e.t.dataSource, {
      name: 'AG Smarte Beleuchtung',
      leads: [lead],
      members: [officer],
    });
    const next = await buildMeeting(e.t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
      title: 'AG Smarte Beleuchtung – Folgetermin',
      startsAt: new Date(Date.now() + 30 * 86400_000),
    });

    // The lead plans a meeting with an agenda and invites the group.
    const leadPage = (await e.newPage()).page;
    await e.signIn(leadPage, LEAD, DEMO_PASSWORD);
    await leadPage.goto('/sitzungen');
    await leadPage.getByRole('heading', { level: 1, name: 'Sitzungen' }).waitFor();
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('link', { name: 'Sitzung planen' }).click();
    await leadPage.getByRole('heading', { level: 1, name: 'Sitzung planen' }).waitFor();
    await leadPage
      .getByLabel('Arbeitsgruppe')
      .locator('option', { hasText: 'AG Smarte Beleuchtung' })
      .waitFor({ state: 'attached' });
    await leadPage.getByLabel('Arbeitsgruppe').selectOption({ label: 'AG Smarte Beleuchtung' });
    await leadPage.getByLabel('Titel').fill('AG Smarte Beleuchtung – Auftakt');
    await leadPage.getByLabel('Datum').fill(berlinDate(2));
    await leadPage.getByLabel('Beginn (deutsche Zeit)').fill('10:00');
    await leadPage.getByLabel('Ende (deutsche Zeit)').fill('12:00');
    await leadPage.getByLabel('Ort').fill('Cochem, Kreisverwaltung');
    await leadPage.getByLabel('Tagesordnungspunkt 1').fill('Lichtmasten im Vergleich');
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('button', { name: 'Sitzung anlegen' }).click();
    await leadPage.getByRole('heading', { level: 1, name: 'AG Smarte Beleuchtung – Auftakt' }).waitFor();
    const meetingUrl = new URL(leadPage.url()).pathname;
    await leadPage.getByRole('heading', { name: 'Lichtmasten im Vergleich' }).waitFor();
    await leadPage.getByText('Sitzung bearbeiten').click();
    await leadPage.getByLabel('Ort', { exact: true }).fill('Cochem, Kreisverwaltung, Saal 2');
    await leadPage.getByRole('button', { name: 'Änderungen speichern' }).click();
    await leadPage
      .getByText('Die Änderungen wurden gespeichert; Kalender erhalten die neue Fassung.')
      .waitFor();
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('button', { name: 'Mitglieder der Arbeitsgruppe einladen' }).click();
    await leadPage.getByText('Die Einladungen wurden verschickt.').waitFor();
    expect(await accessibilityViolations(leadPage)).toEqual([]);

    // The month calendar lists it too (next month's page when the meeting falls there).
    await leadPage.goto('/sitzungen');
    await leadPage.getByRole('radio', { name: 'Monatskalender' }).check();
    await leadPage.getByRole('table').waitFor();
    if (berlinDate(2).slice(0, 7) !== berlinDate(0).slice(0, 7))
      await leadPage.getByRole('button', { name: 'Nächster Monat' }).click();
    await leadPage
      .getByRole('table')
      .getByRole('link', { name: /AG Smarte Beleuchtung – Auftakt/ })
      .waitFor();
    expect(await accessibilityViolations(leadPage)).toEqual([]);

    // The officer answers the invitation.
    const officerPage = (await e.newPage()).page;
    await e.signIn(officerPage, OFFICER, DEMO_PASSWORD);
    await officerPage.goto(meetingUrl);
    await officerPage.getByRole('heading', { level: 1, name: 'AG Smarte Beleuchtung – Auftakt' }).waitFor();
    await officerPage.getByRole('radio', { name: 'Zusage' }).check();
    await officerPage.getByText('Ihre Antwort wurde gespeichert.').waitFor();
    expect(await accessibilityViolations(officerPage)).toEqual([]);

    // The lead writes the minutes with an action item for the officer and submits them.
    await leadPage.goto(meetingUrl);
    await leadPage.getByLabel('Protokolltext').fill('# Auftakt\n\nWir vergleichen **drei** Anbieter.');
    await leadPage
      .getByLabel('Notizen zu „Lichtmasten im Vergleich“')
      .fill('Kaiserslautern berichtet vom Pilot.');
    await leadPage.getByRole('button', { name: 'Entwurf speichern' }).click();
    await leadPage.getByText('Der Entwurf wurde gespeichert.').waitFor();
    await leadPage.getByLabel('Ergebnis festhalten zu „Lichtmasten im Vergleich“').click();
    await leadPage.getByLabel('Art des Ergebnisses').selectOption({ label: 'Aufgabe' });
    await leadPage.getByLabel('Was wurde festgehalten?').fill('Angebote der Anbieter einholen');
    await leadPage.getByLabel('Verantwortlich').selectOption({ label: officer.name });
    await leadPage.getByLabel('Fällig am').fill(berlinDate(14));
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('button', { name: 'Ergebnis festhalten' }).click();
    await leadPage.getByText('Angebote der Anbieter einholen').first().waitFor();
    await leadPage.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await leadPage.getByText('Das Protokoll wurde zur Freigabe eingereicht.').waitFor();
    expect(await leadPage.getByRole('button', { name: 'Protokoll freigeben' }).count()).toBe(0);
    expect(await accessibilityViolations(leadPage)).toEqual([]);

    // A coordinator approves and publishes.
    const coordinatorPage = (await e.newPage()).page;
    await e.signIn(coordinatorPage, COORDINATOR, DEMO_PASSWORD);
    await coordinatorPage.goto(meetingUrl);
    await coordinatorPage.getByRole('button', { name: 'Protokoll freigeben' }).click();
    await coordinatorPage.getByText('Das Protokoll wurde freigegeben.').waitFor();
    await coordinatorPage.getByRole('button', { name: 'Protokoll veröffentlichen' }).click();
    await coordinatorPage
      .getByRole('dialog')
      .getByRole('button', { name: 'Protokoll veröffentlichen' })
      .click();
    await coordinatorPage
      .getByText('Das Protokoll wurde veröffentlicht; die Teilnehmenden werden benachrichtigt.')
      .waitFor();
    await coordinatorPage.getByRole('heading', { name: /Veröffentlichte Fassung 1/ }).waitFor();
    expect(await coordinatorPage.locator('.hub-minutes-text strong').first().textContent()).toBe('drei');
    expect(await accessibilityViolations(coordinatorPage)).toEqual([]);

    // The action item is on the owner's board and on the next meeting's agenda.
    await officerPage.goto('/aufgaben');
    await officerPage.getByRole('heading', { level: 1, name: 'Aufgaben' }).waitFor();
    await officerPage.getByLabel('Stand der Aufgabe „Angebote der Anbieter einholen“').waitFor();
    expect(await accessibilityViolations(officerPage)).toEqual([]);
    await officerPage.goto(
      `/sitzungen/${encodeURIComponent(Buffer.from(`Meeting:${next.id}`).toString('base64url'))}`,
    );
    await officerPage.getByRole('heading', { name: 'Offene Aufgaben' }).waitFor();
    await officerPage.getByText('Aufgabe: Angebote der Anbieter einholen').waitFor();
    expect(await accessibilityViolations(officerPage)).toEqual([]);

    // The print view of the published minutes.
    await officerPage.goto(`${meetingUrl}/protokoll`);
    await officerPage
      .getByRole('heading', { level: 1, name: 'Protokoll: AG Smarte Beleuchtung – Auftakt' })
      .waitFor();
    expect(await officerPage.locator('main').textContent()).toContain('Kaiserslautern berichtet vom Pilot.');
    expect(await accessibilityViolations(officerPage)).toEqual([]);
    // A story of three people and thirteen accessibility checks: about 40 s on a quiet machine.
  }, 120_000);
});
