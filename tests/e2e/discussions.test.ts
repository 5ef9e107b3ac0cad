import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { gid } from '../support/factories';

const OFFICER = 'digital@kaiserslautern.demo';
const COORDINATOR = 'koordination@kl.digital.demo';
const THREAD = 'Förderaufruf „Smarte Kommunen“: Wer bewirbt sich? (Demo)';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  // The notifications consumer (the bell and the badge react to followed threads).
  await e.t.app.startJobs({ pollInterval: 200 });
}, 120_000);
afterAll(() => e.close());

describe('discussions in Chromium, by keyboard', () => {
  it('opens a thread, replies with a mention, and the reply arrives live in a second browser', async () => {
    // The coordinator has the thread open in another browser.
    const watcher = (await e.newPage()).page;
    await e.signIn(watcher, COORDINATOR, DEMO_PASSWORD);
    await watcher.goto('/diskussionen');
    await watcher.getByRole('link', { name: THREAD }).focus();
    await watcher.keyboard.press('Enter');
    await watcher.getByRole('heading', { level: 1, name: THREAD }).waitFor();

    // The officer finds the thread under "Diskussionen", keyboard only.
    const page = (await e.newPage()).page;
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    // The start page (loaded lazily) takes the focus to its heading once it shows: wait for it first.
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Diskussionen' })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Diskussionen' }).waitFor();
    await page.getByRole('link', { name: THREAD }).waitFor();
    expect(await page.locator('main').textContent()).toContain('neue Beiträge');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'discussions-list');
    await page.getByRole('link', { name: THREAD }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: THREAD }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Answers post 2 with a mention chosen from the autocomplete.
    await page.getByRole('button', { name: 'Auf Beitrag 2 antworten' }).focus();
    await page.keyboard.press('Enter');
    const reply = page.getByRole('textbox', { name: 'Ihre Antwort' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'reply-body');
    await page.keyboard.type('Gute Idee, @Emi');
    const option = page.getByRole('option', { name: /Emine Engel/ });
    await option.waitFor();
    // Arrow keys move through the suggestions to the person.
    const names = await page.getByRole('option').allTextContents();
    for (let i = 0; i < names.findIndex((name) => name.includes('Emine Engel')); i++)
      await page.keyboard.press('ArrowDown');
    expect(await reply.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.keyboard.type('wir sind dabei.');
    expect(await reply.inputValue()).toMatch(
      /^Gute Idee, @\[Emine Engel\]\(person:[\w-]+\) wir sind dabei\.$/,
    );
    await page.keyboard.press('Tab'); // Vorschau
    await page.keyboard.press('Tab'); // Antwort senden
    await page.keyboard.press('Enter');
    const mine = page.getByRole('listitem').filter({ hasText: 'wir sind dabei.' });
    await mine.waitFor();
    expect(await mine.innerHTML()).toContain('<strong>@Emine Engel</strong>');
    expect(await mine.textContent()).toContain('Antwort auf Beitrag 2 von Emine Engel');
    await screenshotWidths(page, 'discussions-thread');

    // The coordinator's page shows it without a reload and tells screen readers politely.
    const arrived = watcher.getByRole('listitem').filter({ hasText: 'wir sind dabei.' });
    await arrived.waitFor({ timeout: 10_000 });
    expect(await arrived.innerHTML()).toContain('<strong>@Emine Engel</strong>');
    const status = watcher.locator('[role="status"][aria-live="polite"]');
    expect(await status.textContent()).toBe('Neuer Beitrag 5 von Alex Amann');
    expect(await watcher.evaluate(() => document.activeElement?.tagName)).not.toBe('LI');
    expect(await accessibilityViolations(watcher)).toEqual([]);
  });

  it('shows the unread count in the navigation, follows a thread, and lowers the count on reading it', async () => {
    const page = (await e.newPage()).page;
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    const badgeLink = navigation.getByRole('link', { name: /^Diskussionen \(\d+ ungelesen\)$/ });
    await badgeLink.waitFor();
    // The count is in the link's name (not told by colour alone).
    const before = Number(((await badgeLink.textContent()) ?? '').match(/\d+/)?.[0]);
    expect(before).toBeGreaterThan(0);
    await page.goto('/diskussionen');
    await page.getByRole('link', { name: 'Vor der Nachnutzung: Wie hoch war der Aufwand? (Demo)' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Vor der Nachnutzung: Wie hoch war der Aufwand? (Demo)' })
      .waitFor();
    const follow = page.getByRole('group', { name: 'Folgen' });
    await follow.waitFor();
    if ((await follow.textContent())?.includes('Sie folgen.')) {
      await follow.getByRole('button', { name: 'Nicht mehr folgen', exact: true }).click();
      await follow.getByText('Sie folgen nicht.', { exact: true }).waitFor();
    }
    await follow.getByRole('button', { name: 'Folgen', exact: true }).focus();
    await page.keyboard.press('Enter');
    await follow.getByText('Sie folgen.', { exact: true }).waitFor();
    // Read: the badge goes down without leaving the page.
    await navigation
      .getByRole('link', {
        name: before - 1 ? `Diskussionen (${before - 1} ungelesen)` : 'Diskussionen',
        exact: true,
      })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'discussions-thread-follow');

    // Elsewhere in the hub, a new post in the followed thread raises the bell and the badge live.
    await page
      .getByRole('navigation', { name: 'Hauptnavigation' })
      .getByRole('link', { name: 'Start' })
      .click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForTimeout(2500); // the bell's socket opens shortly after the page
    const [thread] = await e.t.dataSource.query(`SELECT id FROM discussion_thread WHERE title = $1`, [
      'Vor der Nachnutzung: Wie hoch war der Aufwand? (Demo)',
    ]);
    const coordinator = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: COORDINATOR });
    const replied = await (await e.t.as(coordinator)).gql(
      `mutation($input: ReplyInput!) { replyToThread(input: $input) { userErrors { code } } }`,
      {
        input: {
          threadId: gid('DiscussionThread', thread.id),
          body: 'Die Kostenaufstellung hängt im Projekt an.',
        },
      },
    );
    expect(replied.data?.replyToThread.userErrors).toEqual([]);
    await navigation
      .getByRole('link', { name: `Diskussionen (${before} ungelesen)`, exact: true })
      .waitFor({ timeout: 15_000 });
  }, 60_000);

  it('lets the coordinator manage forum categories, with errors shown on the fields', async () => {
    const page = (await e.newPage()).page;
    await e.signIn(page, COORDINATOR, DEMO_PASSWORD);
    await page.goto('/diskussionen');
    await page.getByRole('link', { name: 'Forumskategorien verwalten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Forumskategorien verwalten' }).waitFor();
    const create = page.getByRole('form', { name: 'Neue Kategorie' });
    await create.getByLabel('Name').fill('ab');
    await create.getByRole('button', { name: 'Kategorie anlegen' }).click();
    await create.getByText('Der Name braucht mindestens 3 Zeichen.').first().waitFor();
    await create.getByLabel('Name').fill('Smart-City-Sensorik');
    await create.getByLabel('Beschreibung (optional)').fill('LoRaWAN, Messnetze, offene Daten');
    await create.getByRole('button', { name: 'Kategorie anlegen' }).click();
    const saved = page.getByRole('form', { name: 'Smart-City-Sensorik' });
    await saved.waitFor();
    // A second category of the same name is refused by the API, shown on the name field.
    await create.getByLabel('Name').fill('smart-city-sensorik');
    await create.getByRole('button', { name: 'Kategorie anlegen' }).click();
    await create.locator('[aria-invalid="true"]').waitFor();
    expect(await create.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'discussions-categories');

    // Archived, it moves to the archived list and leaves the forum's list on the discussions page.
    await saved.getByRole('button', { name: 'Archivieren' }).click();
    const archivedSection = page.getByRole('region', { name: 'Archivierte Kategorien' });
    await archivedSection.getByRole('form', { name: 'Smart-City-Sensorik' }).waitFor();
    await page.getByRole('link', { name: 'Alle Diskussionen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Diskussionen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Smart-City-Sensorik' }).count()).toBe(0);

    // Officers are not offered the page.
    const officer = (await e.newPage()).page;
    await e.signIn(officer, OFFICER, DEMO_PASSWORD);
    await officer.goto('/diskussionen');
    await officer.getByRole('heading', { level: 1, name: 'Diskussionen' }).waitFor();
    expect(await officer.getByRole('link', { name: 'Forumskategorien verwalten' }).count()).toBe(0);
    await officer.goto('/diskussionen/kategorien');
    await officer.getByText('Die Forumskategorien verwaltet die Netzwerkkoordination.').waitFor();
  }, 60_000);
});
