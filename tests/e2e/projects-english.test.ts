import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import ts from 'typescript';
import { Project } from '../../packages/api/src/modules/projects/project.entity';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { seedDemoProjects } from '../../packages/api/src/seed/demo-projects';
import { accessibilityViolations } from '../support/browser';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { gid } from '../support/factories';

const PARKING = 'Demo: Park-App Innenstadt';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
  await e.t.dataSource.transaction((m) => seedDemoProjects(m));
}, 120_000);
afterAll(() => e.close());

/** A message: its text, or the texts of its plural forms. */
type Message = string | Record<string, string>;
const textsOf = (message: Message | undefined): string[] =>
  message === undefined ? [] : typeof message === 'string' ? [message] : Object.values(message);

/**
 * A language's message catalogue of the web app, both parts (the first load's `de.ts`, the pages'
 * `de.pages.ts`); they are ES modules, so they are transpiled here rather than imported.
 */
function catalogue(name: 'de' | 'en'): Record<string, Message> {
  return { ...catalogueFile(name, name), ...catalogueFile(`${name}.pages`, `${name}Pages`) };
}

function catalogueFile(file: string, exported: string): Record<string, Message> {
  const source = readFileSync(join(__dirname, `../../packages/web/src/i18n/${file}.ts`), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exports: Record<string, Record<string, Message>> = {};
  // The catalogues take the enum labels from @hub/shared (defined once for the exports too).
  new Function('exports', 'require', outputText)(exports, (id: string) =>
    id === '@hub/shared' ? require('@hub/shared') : {},
  );
  return exports[exported];
}
const de = catalogue('de');
const en = catalogue('en');

const escapeRegExp = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&');

/**
 * Every German UI message that reads differently in English, as a pattern matching a whole element
 * text (placeholders match anything); messages that are mostly placeholders are left out.
 */
const englishTexts = new Set(Object.values(en).flatMap(textsOf));
const germanOnly: { key: string; pattern: RegExp }[] = Object.entries(de).flatMap(([key, forms]) =>
  textsOf(forms).flatMap((message) => germanPattern(key, message)),
);

function germanPattern(key: string, message: string): { key: string; pattern: RegExp }[] {
  // Same in both languages, or a word English uses elsewhere ("Start").
  if (textsOf(en[key]).includes(message) || englishTexts.has(message)) return [];
  const words = message.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '');
  if (words.length < 4) return [];
  const source = message
    .split(/\{\w+\}/)
    .map(escapeRegExp)
    .join('.+');
  return [{ key, pattern: new RegExp(`^${source}$`, 'su') }];
}

/** Texts of headings, buttons, labels, legends, table headers and summaries still in German. */
async function germanLeftovers(page: Page): Promise<string[]> {
  const texts = await page
    .locator('h1, h2, h3, h4, button, label, legend, th, summary, .kern-label, .kern-hint')
    .allInnerTexts();
  const found = new Set<string>();
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const hit = germanOnly.find((g) => g.pattern.test(text));
    if (hit) found.add(`${hit.key}: ${text}`);
  }
  return [...found];
}

describe('the project screens in English', () => {
  it('the catalogue, a project page and the forms show no German UI text once switched', async () => {
    const { page } = await e.newPage();
    await e.signIn(page, 'digital@trier.demo', DEMO_PASSWORD);
    await page.goto('/projekte');
    await page.getByRole('link', { name: PARKING }).waitFor();
    // The check itself finds German where it should.
    expect((await germanLeftovers(page)).length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.getByRole('link', { name: PARKING }).waitFor();
    expect(await germanLeftovers(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: PARKING }).click();
    await page.getByRole('heading', { level: 1, name: PARKING }).waitFor();
    await page.getByRole('heading', { name: 'Milestones' }).waitFor();
    expect(await germanLeftovers(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    const parking = await e.t.dataSource.getRepository(Project).findOneByOrFail({ title: PARKING });
    await page.goto(`/projekte/${encodeURIComponent(gid('Project', parking.id))}/bearbeiten`);
    await page.getByLabel('Search partner municipality').waitFor();
    await page.getByLabel('Contact people').waitFor();
    expect(await germanLeftovers(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto('/projekte/neu');
    await page.getByLabel('Search working group').waitFor();
    expect(await germanLeftovers(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
