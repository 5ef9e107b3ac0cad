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

describe('the web shell in Chromium', () => {
  it('the sign-in page is German, labelled and has no WCAG 2.1 AA violation', async () => {
    const { page } = await e.newPage();
    await page.goto('/');
    await page.waitForURL(/\/anmelden/);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Anmelden');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a clear error for a wrong password', async () => {
    const { page } = await e.newPage();
    await page.goto('/anmelden');
    await page.getByLabel('E-Mail').fill(DEMO_ACCOUNTS[0].email);
    await page.getByLabel('Passwort', { exact: true }).fill('falsches-Passwort-123');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/E-Mail|Passwort/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`signs in as ${account.role} ${account.email}, switches to English and signs out`, async () => {
      const { page } = await e.newPage();
      await e.signIn(page, account.email, DEMO_PASSWORD);
      await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
      for (const section of ['Mitglieder', 'Arbeitsgruppen', 'Projekte', 'Sitzungen', 'Berichte']) {
        expect(
          await page
            .getByRole('navigation', { name: 'Hauptnavigation' })
            .getByRole('link', { name: section })
            .count(),
        ).toBe(1);
      }
      // The start page is loaded on first visit (its own chunk): wait for its heading.
      await page.locator('main h1').waitFor();
      expect(await page.locator('main').textContent()).toContain(account.name);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByRole('link', { name: 'Working groups' }).count()).toBe(1);
      expect(await accessibilityViolations(page)).toEqual([]);

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/anmelden/);
      await page.goto('/projekte');
      await page.waitForURL(/\/anmelden/);
    });
  }

  it('an invited person accepts the invitation from the outbox link and is signed in', async () => {
    const coordinator = DEMO_ACCOUNTS.find((a) => a.role === 'COORDINATOR')!;
    const api = e.t.client();
    await api.gql('mutation($i: SignInInput!) { signIn(input: $i) { viewer { id } } }', {
      i: { email: coordinator.email, password: DEMO_PASSWORD },
    });
    const invited = await api.gql(
      `mutation { inviteUser(input: { email: "neu@ministerium.example", name: "Mia Neu", role: MINISTRY }) {
        user { id } userErrors { code } } }`,
    );
    expect(invited.data?.inviteUser.userErrors).toEqual([]);
    const mail = await e.t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ recipient: 'neu@ministerium.example' });
    const link = mail.body.match(/https?:\/\/\S+/)![0];

    const { page } = await e.newPage();
    await page.goto(link);
    await page.getByText('neu@ministerium.example').first().waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Passwort', { exact: true }).fill('ein-sicheres-Passwort');
    await page.getByLabel('Passwort wiederholen').fill('ein-sicheres-Passwort');
    await page
      .getByRole('button')
      .filter({ hasText: /Passwort|Konto|speichern|festlegen/i })
      .first()
      .click();
    await page.waitForURL((url) => !url.pathname.startsWith('/einladung'));
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Mia Neu');
  });
});
