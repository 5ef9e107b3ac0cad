import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Config } from '../../packages/api/src/config';
import { seedDemo } from '../../packages/api/src/seed/demo';
import type { TestApp } from './app';
import { startTestApp } from './app';
import { launchBrowser } from './browser';

export interface E2E {
  t: TestApp;
  browser: Browser;
  /** A fresh browser context (own cookies) with a page on the app. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  signIn(page: Page, email: string, password: string): Promise<void>;
  close(): Promise<void>;
}

/** The real app (API + built web app) on a fresh database with the demo network, and Chromium; `overrides` e.g. an SMTP server. */
export async function startE2E(overrides: Partial<Config> = {}): Promise<E2E> {
  const t = await startTestApp(overrides);
  await t.dataSource.transaction((m) => seedDemo(m));
  let launched: Awaited<ReturnType<typeof launchBrowser>>;
  try {
    launched = await launchBrowser();
  } catch (error) {
    await t.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];
  return {
    t,
    browser: launched.browser,
    async newPage() {
      const context = await launched.browser.newContext({ baseURL: t.url, locale: 'de-DE' });
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
    async signIn(page, email, password) {
      await page.goto('/anmelden');
      await page.getByLabel('E-Mail').fill(email);
      await page.getByLabel('Passwort', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await launched.close();
      await t.close();
    },
  };
}
