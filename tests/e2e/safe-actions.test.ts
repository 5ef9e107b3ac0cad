import { MembershipStatus, UserStatus } from '@hub/shared';
import type { Locator, Page } from 'playwright-core';
import { AgendaItem, Meeting } from '../../packages/api/src/modules/meetings/meeting.entity';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import {
  WorkingGroup,
  WorkingGroupMembership,
} from '../../packages/api/src/modules/working-groups/working-group.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildUser } from '../support/factories';
import { buildWorkingGroup } from '../support/working-group-factories';

const COORDINATOR = 'koordination@kl.digital.demo';
const LEAD = 'digital@cochem-zell.demo';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

const isFocused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);

/** The one open confirmation, found by its title; checks its consequence and that axe finds nothing. */
async function confirmation(page: Page, title: string, consequence: string): Promise<Locator> {
  const dialog = page.getByRole('dialog', { name: title });
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(consequence);
  // The focus starts on the harmless answer.
  expect(await isFocused(dialog.getByRole('button', { name: 'Abbrechen' }))).toBe(true);
  expect(await accessibilityViolations(page)).toEqual([]);
  return dialog;
}

describe('destructive actions ask first, in one accessible dialog', () => {
  it('suspending a membership: Escape cancels and returns the focus; confirmed, it suspends; reactivating keeps “Mitglied seit”', async () => {
    const officer = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: 'digital@mainz.demo' });
    const municipality = await e.t.dataSource
      .getRepository(Municipality)
      .findOneByOrFail({ id: officer.municipalityId ?? '' });
    const membership = await e.t.dataSource
      .getRepository(NetworkMembership)
      .findOneByOrFail({ municipalityId: municipality.id });
    expect(membership.status).toBe(MembershipStatus.ACTIVE);
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto(`/mitglieder/kommunen/${encodeURIComponent(municipality.globalId())}`);
    await page.getByRole('heading', { level: 1, name: 'Mainz' }).waitFor();
    const since = page.getByText(/^Aktives Mitglied seit /);
    const sinceBefore = await since.textContent();

    const suspend = page.getByRole('button', { name: /^Ruhen lassen/ });
    // As wide as its label (KERN would squeeze a button with screen-reader-only text to an icon).
    expect((await suspend.boundingBox())?.width).toBeGreaterThan(100);
    await suspend.click();
    const dialog = await confirmation(
      page,
      'Mitgliedschaft von Mainz ruhen lassen?',
      'Das Datum „Mitglied seit“ bleibt dabei erhalten.',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(suspend)).toBe(true);
    expect(
      (await e.t.dataSource.getRepository(NetworkMembership).findOneByOrFail({ id: membership.id })).status,
    ).toBe(MembershipStatus.ACTIVE);

    await suspend.click();
    await (
      await confirmation(
        page,
        'Mitgliedschaft von Mainz ruhen lassen?',
        'ruht, bis sie wieder aktiviert wird',
      )
    )
      .getByRole('button', { name: 'Ruhen lassen' })
      .click();
    await page.getByText('Die Mitgliedschaft von Mainz wurde geändert.').waitFor();
    expect(
      (await e.t.dataSource.getRepository(NetworkMembership).findOneByOrFail({ id: membership.id })).status,
    ).toBe(MembershipStatus.SUSPENDED);

    // Reactivating is harmless: no question, and the original date comes back.
    await page.getByRole('button', { name: /^Wieder aktivieren/ }).click();
    await since.waitFor();
    expect(await since.textContent()).toBe(sinceBefore);
    const stored = await e.t.dataSource
      .getRepository(NetworkMembership)
      .findOneByOrFail({ id: membership.id });
    expect(stored.status).toBe(MembershipStatus.ACTIVE);
    expect(stored.since?.toISOString()).toBe(membership.since?.toISOString());

    // Ending asks as well, naming the municipality and the consequence; cancelled, nothing changes.
    await page.getByRole('button', { name: /^Mitgliedschaft beenden/ }).click();
    const end = await confirmation(
      page,
      'Mitgliedschaft von Mainz beenden?',
      'Mainz ist danach kein Mitglied des Netzwerks mehr.',
    );
    await end.getByRole('button', { name: 'Abbrechen' }).click();
    await end.waitFor({ state: 'detached' });
    expect(
      (await e.t.dataSource.getRepository(NetworkMembership).findOneByOrFail({ id: membership.id })).status,
    ).toBe(MembershipStatus.ACTIVE);
  });

  it('deactivating a person asks first and names the person', async () => {
    const person = await buildUser(e.t.dataSource, { name: 'Paula Prüfer' });
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/personen');
    await page.getByLabel('Name oder E-Mail-Adresse').fill('Paula Prüfer');
    await page.getByRole('button', { name: 'Anzeigen' }).click();
    await page.getByText('Gefundene Personen: 1').waitFor();
    await page.getByRole('button', { name: /^Deaktivieren\s*:\s*Paula Prüfer$/ }).click();
    const dialog = await confirmation(
      page,
      'Paula Prüfer deaktivieren?',
      'Paula Prüfer kann sich danach nicht mehr anmelden',
    );
    await dialog.getByRole('button', { name: 'Person deaktivieren' }).click();
    await page.getByRole('button', { name: /^Reaktivieren\s*:\s*Paula Prüfer$/ }).waitFor();
    expect((await e.t.dataSource.getRepository(User).findOneByOrFail({ id: person.id })).status).toBe(
      UserStatus.DEACTIVATED,
    );
  });

  it('a lead demotes and removes members only after confirming; the buttons of a row never overlap', async () => {
    const lead = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: LEAD });
    const [coLead, member] = await Promise.all([
      buildUser(e.t.dataSource, { name: 'Clara Co-Leitung' }),
      buildUser(e.t.dataSource, { name: 'Moritz Mitglied' }),
    ]);
    const group = await buildWorkingGroup(e.t.dataSource, {
      name: 'AG Sichere Knöpfe',
      leads: [lead, coLead],
      members: [member],
    });
    const { page } = await e.newPage();
    await e.signIn(page, LEAD, DEMO_PASSWORD);
    await page.goto(`/arbeitsgruppen/${encodeURIComponent(group.globalId())}`);
    await page.getByRole('heading', { name: 'Mitglieder (3)' }).waitFor();

    // "Leitung entziehen" and "Entfernen" sit side by side, each as wide as its label.
    const demote = page.getByRole('button', { name: /^Leitung entziehen\s*:\s*Clara Co-Leitung$/ });
    const removeCoLead = page.getByRole('button', { name: /^Entfernen\s*:\s*Clara Co-Leitung$/ });
    const [a, b] = await Promise.all([demote.boundingBox(), removeCoLead.boundingBox()]);
    if (!a || !b) throw new Error('the row’s buttons are not visible');
    const overlap =
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlap).toBe(false);
    expect(a.width).toBeGreaterThan(100);

    await demote.click();
    await (
      await confirmation(
        page,
        'Clara Co-Leitung die Leitung entziehen?',
        'Clara Co-Leitung bleibt Mitglied von „AG Sichere Knöpfe“',
      )
    )
      .getByRole('button', { name: 'Leitung entziehen' })
      .click();
    await page.getByText('Clara Co-Leitung ist jetzt Mitglied ohne Leitungsrolle.').waitFor();

    await page.getByRole('button', { name: /^Entfernen\s*:\s*Moritz Mitglied$/ }).click();
    const remove = await confirmation(
      page,
      'Moritz Mitglied aus der Arbeitsgruppe entfernen?',
      'Moritz Mitglied ist danach kein Mitglied von „AG Sichere Knöpfe“ mehr.',
    );
    await page.keyboard.press('Escape');
    await remove.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /^Entfernen\s*:\s*Moritz Mitglied$/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Entfernen' }).click();
    await page.getByRole('heading', { name: 'Mitglieder (2)' }).waitFor();
    const memberships = await e.t.dataSource
      .getRepository(WorkingGroupMembership)
      .findBy({ workingGroupId: group.id, userId: member.id });
    expect(memberships.map((m) => m.status)).not.toContain('ACTIVE');
    expect(
      (await e.t.dataSource.getRepository(WorkingGroup).findOneByOrFail({ id: group.id })).archivedAt,
    ).toBeNull();
  });

  it('the agenda editor keeps each item’s actions in one menu; removing an item and cancelling the meeting ask first', async () => {
    const meeting = await e.t.dataSource
      .getRepository(Meeting)
      .findOneByOrFail({ title: 'AG Smart City: nächste Sitzung (Demo)' });
    const { page } = await e.newPage();
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto(`/sitzungen/${encodeURIComponent(meeting.globalId())}`);
    await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
    await page.getByLabel('Neuer Tagesordnungspunkt').fill('Wird wieder gestrichen');
    await page.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
    const agenda = page.getByRole('region', { name: 'Tagesordnung' });
    await agenda.getByRole('heading', { level: 3, name: 'Wird wieder gestrichen' }).waitFor();

    // One visible control per item; the moves, the project and removing are behind it.
    const menuButton = page.getByRole('button', {
      name: 'Tagesordnungspunkt „Wird wieder gestrichen“ bearbeiten',
    });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    const remove = page.getByRole('button', { name: '„Wird wieder gestrichen“ entfernen' });
    expect(await remove.isVisible()).toBe(false);
    await menuButton.focus();
    await page.keyboard.press('Enter');
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    expect(await remove.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '„Wird wieder gestrichen“ nach unten' }).isDisabled()).toBe(
      true,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await remove.isVisible()).toBe(false);
    expect(await isFocused(menuButton)).toBe(true);

    // Changing the linked project opens a form and takes the keyboard focus there.
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: 'Verknüpftes Projekt ändern für „Wird wieder gestrichen“' })
      .click();
    const projectForm = page.getByRole('form', {
      name: 'Verknüpftes Projekt ändern für „Wird wieder gestrichen“',
    });
    await projectForm.waitFor();
    await page.waitForFunction(() => document.activeElement?.id.endsWith('-project-search'));
    await projectForm.getByRole('button', { name: 'Abbrechen' }).click();
    await projectForm.waitFor({ state: 'detached' });

    await menuButton.click();
    await remove.click();
    const dialog = await confirmation(
      page,
      'Tagesordnungspunkt „Wird wieder gestrichen“ entfernen?',
      'Der Punkt verschwindet aus der Tagesordnung dieser Sitzung',
    );
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await isFocused(menuButton)).toBe(true);
    await menuButton.click();
    await remove.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Punkt entfernen' }).click();
    await agenda
      .getByRole('heading', { level: 3, name: 'Wird wieder gestrichen' })
      .waitFor({ state: 'detached' });
    expect(
      await e.t.dataSource
        .getRepository(AgendaItem)
        .countBy({ meetingId: meeting.id, title: 'Wird wieder gestrichen' }),
    ).toBe(0);

    const cancel = page.getByRole('button', { name: 'Sitzung absagen' });
    await cancel.click();
    const cancelDialog = await confirmation(
      page,
      `Sitzung „${meeting.title}“ absagen?`,
      'Eingeladene sehen die Absage in ihrem Kalender.',
    );
    await cancelDialog.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await isFocused(cancel)).toBe(true);
    expect((await e.t.dataSource.getRepository(Meeting).findOneByOrFail({ id: meeting.id })).cancelled).toBe(
      false,
    );
    await cancel.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Sitzung absagen' }).click();
    await page.getByText('Diese Sitzung wurde abgesagt.').waitFor();
    expect((await e.t.dataSource.getRepository(Meeting).findOneByOrFail({ id: meeting.id })).cancelled).toBe(
      true,
    );
  });
});
