import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

const OFFICER = 'digital@kaiserslautern.demo';
const COORDINATOR = 'koordination@kl.digital.demo';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e.close());

describe('the search box in the header', () => {
  it('"/" focuses it; the public finds projects with other words, grouped by kind, and no people', async () => {
    const { page } = await e.newPage();
    await page.goto('/markt');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Überall suchen' });
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    // "Straßenbeleuchtung" is only part of "LED-Straßenbeleuchtung" in the project's summary.
    await box.fill('Straßenbeleuchtung');
    await box.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Suche: Straßenbeleuchtung' }).waitFor();
    const projects = page.getByRole('region', { name: /^Projekte \(\d+\)$/ });
    await projects.getByRole('link', { name: 'Demo: Smarte Lichtmasten' }).waitFor();
    expect(await page.getByRole('heading', { name: /^Personen/ }).count()).toBe(0);
    const kinds = page.getByRole('navigation', { name: 'Treffer nach Art' }).getByRole('link');
    expect(await kinds.allTextContents()).toEqual(['Alle', 'Projekte', 'Kommunen']);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page
      .getByRole('navigation', { name: 'Treffer nach Art' })
      .getByRole('link', { name: 'Projekte' })
      .click();
    await page.waitForURL(/art=PROJECT/);
    await projects.getByRole('link', { name: 'Demo: Smarte Lichtmasten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo: Smarte Lichtmasten' }).waitFor();
  });

  it('finds people for a signed-in officer, and municipalities by registration code', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, OFFICER, DEMO_PASSWORD);
    const coordinator = await e.t.dataSource.getRepository(User).findOneByOrFail({ email: COORDINATOR });
    const box = page.getByRole('searchbox', { name: 'Überall suchen' });
    await box.fill(coordinator.name);
    await box.press('Enter');
    await page
      .getByRole('region', { name: /^Personen \(\d+\)$/ })
      .getByText(coordinator.name)
      .waitFor();
    await box.fill('KL');
    await box.press('Enter');
    const municipalities = page.getByRole('region', { name: /^Kommunen \(\d+\)$/ });
    await municipalities.getByRole('link').first().waitFor();
    expect(await municipalities.getByRole('link').first().textContent()).toBe('Kaiserslautern');
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
