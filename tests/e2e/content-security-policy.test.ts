import fs from 'node:fs';
import path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';

const dist = path.join(__dirname, '../../packages/web/dist');

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
}, 120_000);
afterAll(() => e?.close());

describe('the built web app under the Content-Security-Policy', () => {
  it('has no inline script or style in index.html, and no source maps', () => {
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b|\sstyle="|\son[a-z]+="/i);
    const maps = fs.readdirSync(path.join(dist, 'assets')).filter((file) => file.endsWith('.map'));
    expect(maps).toEqual([]);
  });

  it('serves the page and its assets with the CSP, and no source map', async () => {
    const page = await fetch(`${e.t.url}/projekte`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const script = (await page.text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${e.t.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(await asset.text()).not.toMatch(/sourceMappingURL/);
    expect((await fetch(`${e.t.url}${script}.map`, { headers: { accept: 'application/json' } })).status).toBe(
      404,
    );
  });

  it('runs in Chromium without a single CSP violation, signed out and signed in', async () => {
    const { page } = await e.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      );
    });
    await e.signIn(page, DEMO_ACCOUNTS[0].email, DEMO_PASSWORD);
    for (const path of ['/projekte', '/mitglieder', '/sitzungen', '/arbeitsgruppen']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    expect(violations).toEqual([]);
  });
});
