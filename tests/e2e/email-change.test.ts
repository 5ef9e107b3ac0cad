import { Role } from '@hub/shared';
import { OutboxMessage } from '../../packages/api/src/modules/mail/outbox-message.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e?.close());

const screenshots = process.env.HUB_SCREENSHOTS;

describe('changing the sign-in e-mail in Chromium', () => {
  it('asks for the current password, and the old address restores itself through the mailed link', async () => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === Role.MINISTRY);
    if (!account) throw new Error('no ministry demo account');
    const { page } = await e.newPage();
    await e.signIn(page, account.email, DEMO_PASSWORD);
    await page.goto('/profil');
    await page.getByLabel('E-Mail', { exact: true }).fill('max.minister@mdi.rlp.demo');
    const password = page.getByLabel('Aktuelles Passwort');
    await password.waitFor();

    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Bitte geben Sie Ihr aktuelles Passwort ein.').first().waitFor();
    await password.fill('falsches-Passwort-123');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Das aktuelle Passwort ist nicht richtig.').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    if (screenshots) {
      await page.screenshot({ path: `${screenshots}/profile-password-desktop.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${screenshots}/profile-password-390.png`, fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
    }

    await password.fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('status').getByText(`An ${account.email} haben wir eine Nachricht`).waitFor();

    await e.t.app.mail.idle();
    const mail = await e.t.dataSource.getRepository(OutboxMessage).findOneOrFail({
      where: { recipient: account.email, kind: 'EMAIL_CHANGED' },
    });
    const link = new URL(mail.body.match(/https?:\/\/\S+/)?.[0] ?? '');

    const { page: mailbox } = await e.newPage();
    await mailbox.goto(link.pathname);
    await mailbox.getByRole('heading', { name: 'Bisherige E-Mail-Adresse wiederherstellen' }).waitFor();
    // The heading shows while the link is still being checked; the address follows.
    await mailbox.locator('main').getByText(account.email, { exact: false }).first().waitFor();
    expect(await mailbox.locator('main').textContent()).toContain(account.email);
    expect(await accessibilityViolations(mailbox)).toEqual([]);
    if (screenshots)
      await mailbox.screenshot({ path: `${screenshots}/restore-email-ask.png`, fullPage: true });
    await mailbox.getByRole('button', { name: 'Adresse wiederherstellen' }).click();
    await mailbox.getByText('Adresse wiederhergestellt').waitFor();
    expect(await accessibilityViolations(mailbox)).toEqual([]);
    if (screenshots) {
      await mailbox.screenshot({ path: `${screenshots}/restore-email-desktop.png`, fullPage: true });
      await mailbox.setViewportSize({ width: 390, height: 844 });
      await mailbox.screenshot({ path: `${screenshots}/restore-email-390.png`, fullPage: true });
    }

    // The session that made the change has ended; the old address signs in again.
    await page.reload();
    await page.waitForURL(/\/anmelden/);
    await e.signIn(page, account.email, DEMO_PASSWORD);
  });
});
