import { MeetingKind } from '@hub/shared';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildMeeting, buildWorkingGroup, invite } from '../support/meeting-factories';

const OFFICER = 'digital@kaiserslautern.demo';
const LEAD = 'digital@cochem-zell.demo';
const COORDINATOR = 'koordination@kl.digital.demo';
const MINISTRY = 'ministerium@mdi.rlp.demo';

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
const meetingPath = (id: string) =>
  `/sitzungen/${encodeURIComponent(Buffer.from(`Meeting:${id}`).toString('base64url'))}`;

/** A group meeting of the lead that started three hours ago, with the officer invited. */
async function pastGroupMeeting(title: string) {
  const [officer, lead] = await Promise.all([OFFICER, LEAD].map(userByEmail));
  const group = await buildWorkingGroup(e.t.dataSource, {
    name: `AG ${title}`,
    leads: [lead],
    members: [officer],
  });
  const meeting = await buildMeeting(e.t.dataSource, {
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    organizerId: lead.id,
    title,
    startsAt: new Date(Date.now() - 3 * 3600_000),
  });
  await invite(e.t.dataSource, meeting, [officer, lead]);
  return { officer, lead, group, meeting };
}

describe('meetings linked to projects, frozen revisions', () => {
  it('a lead links projects to an agenda item and an action item; the published revision keeps the action item as it was', async () => {
    const { officer, meeting } = await pastGroupMeeting('Projektbörse');
    const url = meetingPath(meeting.id);
    const leadPage = (await e.newPage()).page;
    await e.signIn(leadPage, LEAD, DEMO_PASSWORD);
    await leadPage.goto(url);
    await leadPage.getByRole('heading', { level: 1, name: 'Projektbörse' }).waitFor();

    // Agenda item with one linked project, picked by search.
    await leadPage.getByLabel('Neuer Tagesordnungspunkt').fill('Lichtmasten');
    await leadPage.locator('#agenda-new-project-search').fill('Lichtmasten');
    await leadPage.getByRole('button', { name: /Demo: Smarte Lichtmasten.*verknüpfen/ }).click();
    await leadPage.getByRole('button', { name: '„Demo: Smarte Lichtmasten“ entfernen' }).waitFor();
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
    await leadPage.getByRole('heading', { name: 'Lichtmasten', exact: true }).waitFor();
    const agendaLink = leadPage
      .locator('.hub-meeting-agenda')
      .getByRole('link', { name: 'Demo: Smarte Lichtmasten' });
    expect(await agendaLink.getAttribute('href')).toMatch(/^\/projekte\/[^/]+$/);
    // The link of an existing item can be changed.
    await leadPage.getByRole('button', { name: 'Tagesordnungspunkt „Lichtmasten“ bearbeiten' }).click();
    await leadPage.getByRole('button', { name: 'Verknüpftes Projekt ändern für „Lichtmasten“' }).click();
    const changeForm = leadPage.getByRole('form', { name: 'Verknüpftes Projekt ändern für „Lichtmasten“' });
    await changeForm.getByLabel('Projekt suchen (mindestens 2 Zeichen)').fill('Wiki');
    await changeForm.getByRole('button', { name: /Demo: Westpfalz Wiki.*verknüpfen/ }).click();
    await changeForm.getByRole('button', { name: 'Verknüpfung speichern' }).click();
    await leadPage
      .locator('.hub-meeting-agenda')
      .getByRole('link', { name: 'Demo: Westpfalz Wiki' })
      .waitFor();
    expect(
      await leadPage
        .locator('.hub-meeting-agenda')
        .getByRole('link', { name: 'Demo: Smarte Lichtmasten' })
        .count(),
    ).toBe(0);

    // Action item linked to a project.
    await leadPage.getByLabel('Ergebnis festhalten zu „Lichtmasten“').click();
    const outcomeForm = leadPage.getByRole('form', { name: 'Ergebnis festhalten' });
    await outcomeForm.getByLabel('Art des Ergebnisses').selectOption({ label: 'Aufgabe' });
    await outcomeForm.getByLabel('Was wurde festgehalten?').fill('Park-App bewerten');
    await outcomeForm.getByLabel('Verantwortlich').selectOption({ label: officer.name });
    await outcomeForm.getByLabel('Fällig am').fill(berlinDate(14));
    await outcomeForm.getByLabel('Projekt suchen (mindestens 2 Zeichen)').fill('Park');
    await outcomeForm.getByRole('button', { name: /Demo: Park-App Innenstadt.*verknüpfen/ }).click();
    await outcomeForm.getByRole('button', { name: '„Demo: Park-App Innenstadt“ entfernen' }).waitFor();
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await outcomeForm.getByRole('button', { name: 'Ergebnis festhalten' }).click();
    const outcomeLink = leadPage
      .locator('.hub-meeting-agenda .hub-meeting-item')
      .getByRole('link', { name: 'Demo: Park-App Innenstadt' });
    await outcomeLink.waitFor();
    expect(await outcomeLink.getAttribute('href')).toMatch(/^\/projekte\/[^/]+$/);
    await outcomeLink.click();
    await leadPage.getByRole('heading', { level: 1, name: 'Demo: Park-App Innenstadt' }).waitFor();

    // Minutes: submitted by the lead, approved and published by the coordinator.
    await leadPage.goto(url);
    await leadPage.getByLabel('Protokolltext').fill('Wir prüfen die Park-App.');
    await leadPage.getByRole('button', { name: 'Entwurf speichern' }).click();
    await leadPage.getByText('Der Entwurf wurde gespeichert.').waitFor();
    await leadPage.getByRole('button', { name: 'Zur Freigabe einreichen' }).click();
    await leadPage.getByText('Das Protokoll wurde zur Freigabe eingereicht.').waitFor();
    const coordinatorPage = (await e.newPage()).page;
    await e.signIn(coordinatorPage, COORDINATOR, DEMO_PASSWORD);
    await coordinatorPage.goto(url);
    await coordinatorPage.getByRole('button', { name: 'Protokoll freigeben' }).click();
    await coordinatorPage.getByText('Das Protokoll wurde freigegeben.').waitFor();
    await coordinatorPage.getByRole('button', { name: 'Protokoll veröffentlichen' }).click();
    await coordinatorPage
      .getByRole('dialog')
      .getByRole('button', { name: 'Protokoll veröffentlichen' })
      .click();
    await coordinatorPage.getByRole('heading', { name: /Veröffentlichte Fassung 1/ }).waitFor();

    // The owner finishes the action item; revision 1 still shows it open, with its project.
    const officerPage = (await e.newPage()).page;
    await e.signIn(officerPage, OFFICER, DEMO_PASSWORD);
    await officerPage.goto(url);
    await officerPage.getByLabel('Stand der Aufgabe „Park-App bewerten“').selectOption({ label: 'Erledigt' });
    await officerPage.reload();
    await officerPage.getByRole('heading', { name: 'Veröffentlichte Fassungen' }).waitFor();
    expect(await officerPage.getByLabel('Stand der Aufgabe „Park-App bewerten“').inputValue()).toBe('DONE');
    await officerPage.getByText(/^Fassung 1 vom /).click();
    const revision = officerPage.getByRole('list', { name: 'Ergebnisse der Fassung 1' });
    await revision.getByText('Stand bei Veröffentlichung: Offen', { exact: false }).waitFor();
    await revision.getByRole('link', { name: 'Demo: Park-App Innenstadt' }).waitFor();
    expect(await accessibilityViolations(officerPage)).toEqual([]);
  });
});

describe('attendance and participation', () => {
  it('the organiser records attendance after the meeting and the participation figures reflect it', async () => {
    const { officer, group, meeting } = await pastGroupMeeting('Rückblick Breitband');
    const officerMunicipality = await e.t.dataSource
      .getRepository(Municipality)
      .findOneByOrFail({ id: officer.municipalityId ?? '' });
    // The demo data may already hold attendance of this municipality in this year's meetings.
    const [before] = await e.t.dataSource.query(
      `SELECT count(DISTINCT i.meeting_id)::int AS meetings, count(*)::int AS people
         FROM meeting_invitation i JOIN meeting m ON m.id = i.meeting_id
        WHERE i.municipality_id = $1 AND i.attended AND m.starts_at >= date_trunc('year', now())`,
      [officerMunicipality.id],
    );
    const leadPage = (await e.newPage()).page;
    await e.signIn(leadPage, LEAD, DEMO_PASSWORD);
    await leadPage.goto(meetingPath(meeting.id));
    await leadPage.getByRole('heading', { level: 1, name: 'Rückblick Breitband' }).waitFor();
    await leadPage.getByLabel(`${officer.name} hat teilgenommen`).check();
    expect(await accessibilityViolations(leadPage)).toEqual([]);
    await leadPage.getByRole('button', { name: 'Teilnahme speichern' }).click();
    await leadPage.getByText('Die Teilnahme wurde gespeichert.').waitFor();
    await leadPage.getByText('1 Person aus 1 Kommune hat teilgenommen.').waitFor();

    // Officers do not get the participation screen.
    await leadPage.goto('/sitzungen');
    await leadPage.getByRole('heading', { level: 1, name: 'Sitzungen' }).waitFor();
    await leadPage.getByRole('link', { name: 'Aufgaben' }).waitFor();
    expect(await leadPage.getByRole('link', { name: 'Beteiligung' }).count()).toBe(0);

    // The ministry reads the figures per municipality and per group.
    const ministryPage = (await e.newPage()).page;
    await e.signIn(ministryPage, MINISTRY, DEMO_PASSWORD);
    await ministryPage.goto('/sitzungen');
    await ministryPage.getByRole('link', { name: 'Beteiligung' }).click();
    await ministryPage.getByRole('heading', { level: 1, name: 'Beteiligung an Sitzungen' }).waitFor();
    const byMunicipality = ministryPage.getByRole('table', { name: /Teilnahme der Kommunen/ });
    const municipalityRow = byMunicipality.getByRole('row', { name: new RegExp(officerMunicipality.name) });
    await municipalityRow.waitFor();
    // Invited (earlier tests invite this municipality too), attended meetings, people present.
    const [invited, ...attended] = await municipalityRow.getByRole('cell').allTextContents();
    expect(Number(invited)).toBeGreaterThanOrEqual(1);
    expect(attended).toEqual([String(before.meetings + 1), String(before.people + 1)]);
    const byGroup = ministryPage.getByRole('table', { name: /Sitzungen und Teilnahme der Arbeitsgruppen/ });
    const groupRow = byGroup.getByRole('row', { name: new RegExp(group.name) });
    expect(await groupRow.getByRole('cell').allTextContents()).toEqual(['1', '2', '1']);
    expect(await accessibilityViolations(ministryPage)).toEqual([]);

    // A period without the meeting shows the empty state.
    await ministryPage.getByLabel('Von').fill('2020-01-01');
    await ministryPage.getByLabel('Bis einschließlich').fill('2020-12-31');
    await ministryPage.getByRole('button', { name: 'Anzeigen' }).click();
    await ministryPage.getByText('Keine Sitzungen in diesem Zeitraum.').first().waitFor();
    expect(await accessibilityViolations(ministryPage)).toEqual([]);
  });
});
