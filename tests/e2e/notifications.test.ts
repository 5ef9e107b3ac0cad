import { addJob } from '../../packages/api/src/jobs/queue';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { seedDemoProjects } from '../../packages/api/src/seed/demo-projects';
import { accessibilityViolations, screenshotWidths } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { TestSmtpServer } from '../support/smtp';

let e: E2E;
let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = new TestSmtpServer();
  await smtp.start(0);
  e = await startE2E({ smtpUrl: smtp.url });
  await e.t.dataSource.transaction((m) => seedDemoProjects(m));
  await e.t.app.startJobs({ pollInterval: 200 });
}, 120_000);
afterAll(async () => {
  await e.close();
  await smtp.stop();
});

const LIGHTS = 'Demo: Smarte Lichtmasten';
const KL_OFFICER = 'digital@kaiserslautern.demo';

describe('notifications, in Chromium', () => {
  it("Kaiserslautern's officer sees the bell rise when Cochem-Zell adopts, finds the entry, and gets the daily digest", async () => {
    const { page: kl } = await e.newPage();
    await e.signIn(kl, KL_OFFICER, DEMO_PASSWORD);
    const bell = kl.getByRole('button', { name: /^Benachrichtigungen:/ });
    await bell.waitFor();
    const before = Number((await bell.getAttribute('aria-label'))?.match(/(\d+) ungelesen/)?.[1] ?? 0);

    const { page: cochem } = await e.newPage();
    await e.signIn(cochem, 'digital@cochem-zell.demo', DEMO_PASSWORD);
    await cochem.goto('/projekte');
    await cochem.getByRole('link', { name: LIGHTS }).click();
    await cochem.getByRole('link', { name: 'Nachnutzung vorbereiten' }).click();
    await cochem.getByLabel('Was passen Sie an?').fill('Laternen entlang der Mosel');
    await cochem.getByRole('button', { name: 'Nachnutzung anlegen' }).click();
    await cochem.getByRole('heading', { level: 1, name: `${LIGHTS} (Landkreis Cochem-Zell)` }).waitFor();

    // The bell counts up live (the subscription), without navigating or reloading.
    await kl
      .getByRole('button', { name: `Benachrichtigungen: ${before + 1} ungelesen` })
      .waitFor({ timeout: 15_000 });
    await kl.getByRole('button', { name: /^Benachrichtigungen:/ }).click();
    const entry = kl.getByRole('link', {
      name: `Bea Berg (Landkreis Cochem-Zell) übernimmt „${LIGHTS}“ (Nachnutzung)`,
    });
    await entry.waitFor();
    expect(await kl.getByRole('heading', { level: 3, name: LIGHTS }).count()).toBe(1);
    expect(await accessibilityViolations(kl)).toEqual([]);
    await screenshotWidths(kl, 'notifications-popover');
    // Escape closes the popover and gives the focus back to the bell.
    await kl.keyboard.press('Escape');
    expect(await entry.isVisible()).toBe(false);
    expect(await kl.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');

    await kl.goto('/benachrichtigungen');
    await kl.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    await kl.getByRole('heading', { level: 2, name: LIGHTS }).waitFor();
    expect(await accessibilityViolations(kl)).toEqual([]);
    await screenshotWidths(kl, 'notifications-inbox');
    // Marked read in place: the entry and the bell follow the mutation's answer (no list is asked again).
    const adoption = kl.getByRole('listitem').filter({ hasText: /übernimmt „Demo: Smarte Lichtmasten“/ });
    await adoption.getByRole('button', { name: 'Als gelesen markieren' }).click();
    await adoption.getByRole('button', { name: 'Als gelesen markieren' }).waitFor({ state: 'detached' });
    expect(await adoption.getByText('ungelesen', { exact: true }).count()).toBe(0);
    await kl
      .getByRole('button', { name: `Benachrichtigungen: ${before} ungelesen` })
      .or(kl.getByRole('button', { name: 'Benachrichtigungen: keine ungelesen' }))
      .waitFor();
    await kl.getByRole('link', { name: /übernimmt „Demo: Smarte Lichtmasten“/ }).click();
    await kl.getByRole('heading', { level: 1, name: LIGHTS }).waitFor();
    await kl
      .getByRole('button', { name: `Benachrichtigungen: ${before} ungelesen` })
      .or(kl.getByRole('button', { name: 'Benachrichtigungen: keine ungelesen' }))
      .waitFor();

    // The daily digest arrives at the SMTP server with the text.
    await addJob(e.t.dataSource.manager, 'notifications.digest', { frequency: 'DAILY' });
    await smtp.waitFor(() =>
      smtp.to(KL_OFFICER).some((mail) => mail.subject?.startsWith('Ihre Tagesübersicht')),
    );
    const digest = smtp.to(KL_OFFICER).find((mail) => mail.subject?.startsWith('Ihre Tagesübersicht'));
    expect(digest?.text).toContain(`== ${LIGHTS} ==`);
    expect(digest?.text).toContain(`übernimmt „${LIGHTS}“ (Nachnutzung)`);
    expect(digest?.text).toContain(`${LIGHTS} (Landkreis Cochem-Zell)`);
    // Each notification once per channel: the adoption came in the digest only (no mail of its own).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      smtp.to(KL_OFFICER).filter((mail) => mail.text?.includes('Laternen entlang der Mosel')),
    ).toHaveLength(1);
  }, 120_000);

  it('follows and mutes a working group by keyboard, and chooses e-mail delivery in the profile', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, KL_OFFICER, DEMO_PASSWORD);
    await page.goto('/projekte');
    await page.getByRole('link', { name: LIGHTS }).first().click();
    await page.getByRole('heading', { level: 1, name: LIGHTS }).waitFor();
    await page.getByText('Sie folgen. (automatisch, weil Sie beteiligt sind)').waitFor();
    await page.getByRole('button', { name: 'Stummschalten' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Stummgeschaltet: keine Benachrichtigungen.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'notifications-follow');
    await page.getByRole('button', { name: 'Stummschaltung aufheben' }).click();
    await page.getByText('Sie folgen nicht.').waitFor();

    await page.goto('/profil');
    const select = page.getByLabel('Interesse an und Nachnutzung von Projekten');
    await select.selectOption('WEEKLY');
    await page
      .getByRole('status')
      .filter({ hasText: 'Gespeichert: Interesse an und Nachnutzung von Projekten' })
      .waitFor();
    await page.reload();
    expect(await page.getByLabel('Interesse an und Nachnutzung von Projekten').inputValue()).toBe('WEEKLY');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshotWidths(page, 'notifications-settings');
  }, 60_000);
});
