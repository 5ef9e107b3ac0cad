import { MembershipStatus, Role, UserStatus, WorkingGroupMembershipStatus } from '@hub/shared';
import type { Page } from 'playwright-core';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { WorkingGroupMembership } from '../../packages/api/src/modules/working-groups/working-group.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildWorkingGroup } from '../support/working-group-factories';

const COORDINATOR = 'koordination@kl.digital.demo';
const LEAD = 'digital@cochem-zell.demo';
const OFFICER_EMAIL = 'greta.gruen@gruenstadt.demo';
const OFFICER_NAME = 'Greta Grün';
const OFFICER_PASSWORD = 'Gruenstadt-digital-2026';
const GROUP = 'AG Digitale Dörfer';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

async function expectAccessible(page: Page): Promise<void> {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe('the member network, end to end in Chromium', () => {
  it('a coordinator invites a municipality and its officer, who accepts, joins a working group and is accepted by a lead; no WCAG 2.1 AA violation on the way', async () => {
    const lead = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: LEAD });
    const group = await buildWorkingGroup(e.t.dataSource, {
      name: GROUP,
      topic: 'Verwaltung',
      description: 'Dorf-Apps, Dorffunk und Dorfnews gemeinsam betreiben.',
      goals: 'Ein gemeinsamer Betrieb für alle Dörfer.',
      leads: [lead],
      members: [],
    });
    const gruenstadt = await e.t.dataSource
      .getRepository(Municipality)
      .createQueryBuilder('m')
      .where("m.name LIKE 'Grünstadt%'")
      .getOneOrFail();

    // 1. The coordinator invites the municipality and its officer in one guided flow: she chooses
    // the municipality (typed without umlaut), invites it into the network, then its officer.
    const coordinator = (await e.newPage()).page;
    await e.signIn(coordinator, COORDINATOR, DEMO_PASSWORD);
    await coordinator
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Mitglieder' })
      .click();
    await coordinator.getByRole('link', { name: 'Mitgliedschaften verwalten' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Mitgliedschaften verwalten' }).waitFor();
    const flow = coordinator.getByRole('region', { name: 'Kommune einladen' });
    await flow.getByText('Wählen Sie zuerst die Kommune.').first().waitFor();
    await expectAccessible(coordinator);
    await flow.getByLabel('Name der Kommune').fill('gruenstadt');
    const picker = flow.getByLabel('Kommune', { exact: true });
    const option = picker.locator('option', { hasText: gruenstadt.name }).first();
    await option.waitFor({ state: 'attached' });
    await picker.selectOption((await option.getAttribute('value')) ?? '');
    await flow.getByText(`${gruenstadt.name} hat noch keine Digitalbeauftragten im Hub.`).waitFor();
    await expectAccessible(coordinator);
    await flow.getByRole('button', { name: /^Ins Netzwerk einladen/ }).click();
    await flow.getByText(`Die Mitgliedschaft von ${gruenstadt.name} wurde geändert.`).waitFor();
    // The invitation waits for the municipality; the coordinator who sent it can only withdraw it.
    await flow.getByText(`Wartet auf die Antwort von ${gruenstadt.name}`).waitFor();
    await flow.getByRole('button', { name: /^Einladung zurückziehen/ }).waitFor();
    expect(await flow.getByRole('button', { name: /^Annehmen/ }).count()).toBe(0);
    expect(await flow.getByRole('button', { name: /^Ablehnen/ }).count()).toBe(0);
    await expectAccessible(coordinator);

    // 2. … and, in the same screen, its digital officer. Sent empty first: the form names what is missing.
    await flow.getByRole('button', { name: 'Einladung senden' }).click();
    await coordinator.getByRole('alert').first().waitFor();
    expect(await coordinator.getByRole('alert').first().textContent()).toContain(
      'Bitte geben Sie den Namen ein.',
    );
    await expectAccessible(coordinator);
    await flow.getByLabel('Name', { exact: true }).fill(OFFICER_NAME);
    await flow.getByLabel('E-Mail', { exact: true }).fill(OFFICER_EMAIL);
    await flow.getByLabel('Funktion').fill('Digitalbeauftragte der Stadt');
    await flow.getByRole('button', { name: 'Einladung senden' }).click();
    await flow.getByText(`Die Einladung an ${OFFICER_NAME} wurde gesendet.`).waitFor();
    await flow.getByText(`Digitalbeauftragte von ${gruenstadt.name} im Hub: ${OFFICER_NAME}.`).waitFor();
    await expectAccessible(coordinator);
    const membershipOfFlow = await e.t.dataSource
      .getRepository(NetworkMembership)
      .findOneByOrFail({ municipalityId: gruenstadt.id });
    expect(membershipOfFlow.status).toBe(MembershipStatus.INVITED);

    const invited = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: OFFICER_EMAIL });
    expect(invited).toMatchObject({
      role: Role.OFFICER,
      status: UserStatus.INVITED,
      municipalityId: gruenstadt.id,
      position: 'Digitalbeauftragte der Stadt',
    });

    // 3. The officer opens the link of the invitation e-mail (kept in the outbox) and sets a password.
    const mail = await e.t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ recipient: OFFICER_EMAIL });
    const link = mail.body.match(/https?:\/\/\S+\/einladung\/[A-Za-z0-9_-]+/)?.[0];
    expect(link).toBeDefined();
    const officer = (await e.newPage()).page;
    await officer.goto(new URL(link as string).pathname);
    await officer.getByRole('heading', { level: 1, name: 'Einladung annehmen' }).waitFor();
    await officer.getByText(OFFICER_EMAIL).waitFor();
    await expectAccessible(officer);
    await officer.getByLabel('Passwort', { exact: true }).fill(OFFICER_PASSWORD);
    await officer.getByLabel('Passwort wiederholen').fill(OFFICER_PASSWORD);
    await officer.getByRole('button', { name: 'Konto aktivieren' }).click();
    await officer.getByText('Willkommen im Netzwerk! Ihr Konto ist jetzt aktiv.').waitFor();
    await expectAccessible(officer);
    expect((await e.t.dataSource.getRepository(User).findOneByOrFail({ email: OFFICER_EMAIL })).status).toBe(
      UserStatus.ACTIVE,
    );

    // 4. She lands on the start page, which lists what is waiting for her, the invitation first.
    expect(new URL(officer.url()).pathname).toBe('/');
    const waiting = officer.getByRole('region', { name: 'Was auf Sie wartet' });
    const steps = waiting.getByRole('listitem');
    /**
     * Back on the start page, the steps show at once from the cache and then without the one just
     * done, when the fresh answer arrives: wait for the page (its project step stays) before
     * waiting for the done step to leave, or the old page satisfies "gone" before the start page renders.
     */
    const backToStartPageWithout = async (doneStep: string) => {
      await officer
        .getByRole('navigation', { name: 'Hauptnavigation' })
        .getByRole('link', { name: 'Start' })
        .click();
      await waiting.getByRole('link', { name: 'Projekt anlegen' }).waitFor();
      await waiting.getByRole('heading', { name: doneStep }).waitFor({ state: 'detached' });
    };
    await steps.first().getByRole('heading', { name: 'Die Einladung ins Netzwerk beantworten' }).waitFor();
    expect(await steps.allTextContents()).toEqual([
      expect.stringContaining(`${gruenstadt.name} ist eingeladen`),
      expect.stringContaining('Ihr Profil ergänzen'),
      expect.stringContaining('Einer Arbeitsgruppe beitreten'),
      expect.stringContaining('Projekte Ihrer Kommune eintragen'),
    ]);
    await expectAccessible(officer);
    await waiting.getByRole('button', { name: /^Annehmen/ }).click();
    await officer.getByText(`Die Mitgliedschaft von ${gruenstadt.name} wurde geändert.`).waitFor();
    await waiting.getByRole('heading', { name: 'Die Einladung ins Netzwerk beantworten' }).waitFor({
      state: 'detached',
    });
    expect(await steps.count()).toBe(3);
    await expectAccessible(officer);
    const membership = await e.t.dataSource
      .getRepository(NetworkMembership)
      .findOneByOrFail({ municipalityId: gruenstadt.id });
    expect(membership.status).toBe(MembershipStatus.ACTIVE);

    // 5. She completes her profile with the phone number (the coordinator gave her function)…
    await waiting.getByRole('link', { name: 'Profil ergänzen' }).click();
    await officer.getByRole('heading', { level: 1, name: 'Mein Profil' }).waitFor();
    await officer.getByLabel('Telefon').fill('06359 80010');
    await officer.getByRole('button', { name: 'Speichern' }).click();
    await officer.getByText('Ihr Profil wurde gespeichert.').waitFor();
    await backToStartPageWithout('Ihr Profil ergänzen');
    expect(await steps.count()).toBe(2);

    // … and asks to join a working group, from the start page.
    await waiting.getByRole('link', { name: 'Arbeitsgruppen ansehen' }).click();
    await officer.getByRole('link', { name: GROUP }).click();
    await officer.getByRole('heading', { level: 1, name: GROUP }).waitFor();
    await expectAccessible(officer);
    await officer.getByRole('button', { name: 'Beitritt anfragen' }).click();
    await officer.getByText('Ihre Anfrage wurde an die Leitung der Gruppe geschickt.').waitFor();
    await expectAccessible(officer);

    // What is left on the start page: her municipality's projects.
    await backToStartPageWithout('Einer Arbeitsgruppe beitreten');
    expect(await steps.allTextContents()).toEqual([expect.stringContaining('Projekt anlegen')]);
    await expectAccessible(officer);

    // 6. The lead accepts the request.
    const leadPage = (await e.newPage()).page;
    await e.signIn(leadPage, LEAD, DEMO_PASSWORD);
    await leadPage.goto(`/arbeitsgruppen/${encodeURIComponent(group.globalId())}`);
    await leadPage.getByRole('heading', { name: 'Offene Beitrittsanfragen (1)' }).waitFor();
    await expectAccessible(leadPage);
    await leadPage.getByRole('button', { name: new RegExp(`^Annehmen\\s*:\\s*${OFFICER_NAME}$`) }).click();
    await leadPage.getByText(`${OFFICER_NAME} ist jetzt Mitglied der Arbeitsgruppe.`).waitFor();
    expect(await leadPage.getByRole('table').textContent()).toContain(gruenstadt.name);
    await expectAccessible(leadPage);

    const joined = await e.t.dataSource
      .getRepository(WorkingGroupMembership)
      .findOneByOrFail({ workingGroupId: group.id, userId: invited.id });
    expect(joined.status).toBe(WorkingGroupMembershipStatus.ACTIVE);
    await officer.goto(`/arbeitsgruppen/${encodeURIComponent(group.globalId())}`);
    await officer.getByText('Sie sind Mitglied dieser Arbeitsgruppe.').waitFor();
  }, 120_000);

  it('a coordinator makes an officer the officer of another municipality, picked by search', async () => {
    const greta = await e.t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: 'digital@vg-landstuhl.demo' });
    const kusel = await e.t.dataSource
      .getRepository(Municipality)
      .findOneByOrFail({ name: 'Landkreis Kusel' });
    const page = (await e.newPage()).page;
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/personen');
    await page.getByLabel('Name oder E-Mail-Adresse').fill(greta.name);
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByText('Gefundene Personen: 1').waitFor();
    const row = page.getByRole('row', { name: new RegExp(greta.name) });
    expect(await row.textContent()).toContain('Verbandsgemeinde Landstuhl');
    await page.getByRole('button', { name: new RegExp(`^Kommune ändern\\s*:\\s*${greta.name}$`) }).click();
    await page.getByLabel(`Kommune für ${greta.name} suchen`).fill('kusel');
    const picker = page.getByLabel(`Kommune von ${greta.name}`);
    const option = picker.locator('option', { hasText: /^Landkreis Kusel \(/ });
    await option.waitFor({ state: 'attached' });
    await picker.selectOption((await option.getAttribute('value')) ?? '');
    await expectAccessible(page);
    await page.getByRole('button', { name: new RegExp(`^Rolle ändern\\s*:\\s*${greta.name}$`) }).click();
    await row.getByText('Gespeichert.').waitFor();
    await row.getByRole('cell', { name: 'Landkreis Kusel', exact: true }).waitFor();
    await expectAccessible(page);
    const stored = await e.t.dataSource.getRepository(User).findOneByOrFail({ id: greta.id });
    expect(stored).toMatchObject({ role: Role.OFFICER, municipalityId: kusel.id });
  });
});
