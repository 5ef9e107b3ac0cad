import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

const OFFICER = 'digital@kaiserslautern.demo';
const COORDINATOR = 'koordination@kl.digital.demo';
const THREAD = 'Förderaufruf „Smarte Kommunen“: Wer bewirbt sich? (Demo)';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
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
});
