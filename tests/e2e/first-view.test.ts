import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectStatus, Role } from '@hub/shared';
import type { Page } from 'playwright-core';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_ACCOUNTS } from '../../packages/api/src/seed/demo';
import type { TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import type { E2E } from '../support/e2e';
import { startE2E } from '../support/e2e';
import { buildUser } from '../support/factories';
import { buildProject } from '../support/project-factories';

/**
 * The first view of the catalogue (issue 11): the API runs the page's first queries while the browser
 * loads the scripts and puts the answers into the HTML (packages/api/src/server/first-view.ts); the
 * app writes them into its cache (packages/web/src/firstView.ts) and shows the cards without asking.
 */

interface Answer {
  operationName: string;
  variables: Record<string, unknown>;
  data: Record<string, any>;
}

interface Listed {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

let e: E2E;
/** The queries the build listed per route (dist/first-view.json). */
let listed: Record<string, Listed[]>;
let officer: User;
let draftTitle: string;
const trickyTitle = 'Markt </script><script>alert(1)</script> \u2028 Trenner & <!-- Ende';

beforeAll(async () => {
  // A loaded test machine must not turn the answers into a race against the production limit.
  e = await startE2E({ firstViewWaitMs: 30_000 });
  listed = JSON.parse(fs.readFileSync(path.join(e.t.config.webDist, 'first-view.json'), 'utf8')).routes;
  const email = DEMO_ACCOUNTS.find((a) => a.role === Role.OFFICER)?.email ?? '';
  officer = await e.t.dataSource.getRepository(User).findOneByOrFail({ email });
  // The newest projects, so that they are on the unfiltered first page: one only the officer's
  // municipality may see, one whose title tries to end the embedding script.
  const draft = await buildProject(e.t.dataSource, {
    status: ProjectStatus.DRAFT,
    leadMunicipalityId: officer.municipalityId ?? undefined,
  });
  draftTitle = draft.title;
  await buildProject(e.t.dataSource, { title: trickyTitle });
}, 120_000);
afterAll(() => e?.close());

async function pageOf(route: string, cookie?: string, base = e.t.url, otherCookies: string[] = []) {
  const cookies = [...(cookie ? [`hub_session=${cookie}`] : []), ...otherCookies];
  const response = await fetch(`${base}${route}`, {
    headers: { accept: 'text/html', ...(cookies.length ? { cookie: cookies.join('; ') } : {}) },
  });
  const html = await response.text();
  const embedded = html.match(/<script type="application\/json" id="hub-first-view">(.*?)<\/script>/s)?.[1];
  return { response, html, answers: embedded ? (JSON.parse(embedded) as Answer[]) : [] };
}

/** What /graphql answers the client for the listed query (the request the page would have sent). */
async function askedDirectly(client: TestClient, operation: Listed) {
  const result = await client.gql(operation.query, operation.variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** The markup the server rendered into the root element (web/src/entry-server.tsx), or null. */
const renderedRoot = (html: string) =>
  html.match(/<div id="root" data-locale="(\w+)">(.*?)<\/div>\s*<noscript>/s)?.slice(1) ?? null;

/** The card titles in markup, as the browser reads them (entities decoded). */
async function renderedTitles(page: Page, html: string): Promise<string[]> {
  await page.setContent(html.replace(/<script[^>]*>.*?<\/script>/gs, ''));
  return page.locator('.hub-project-card h2').allTextContents();
}

const titlesOf = (answer: Answer | undefined): string[] =>
  answer?.data.projects.edges.map((edge: { node: { title: string } }) => edge.node.title) ?? [];

describe('the HTML of the catalogue', () => {
  it('holds, for an anonymous visitor, exactly what /graphql answers them: published projects only', async () => {
    const { response, html, answers } = await pageOf('/markt');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('vary')).toMatch(/cookie/i);
    expect(answers.map((a) => a.operationName)).toEqual(['Session', 'ProjectsPage']);
    const client = e.t.client();
    for (const [index, answer] of answers.entries())
      expect(answer.data).toEqual(await askedDirectly(client, listed['/markt'][index]));
    const [session, catalogue] = answers;
    expect(session.data.viewer).toBeNull();
    expect(catalogue.data.viewerCan.createProject).toBe(false);
    expect(titlesOf(catalogue)).toContain(trickyTitle);
    expect(titlesOf(catalogue)).not.toContain(draftTitle);
    expect(html).not.toContain(draftTitle);
    // The title arrives whole, and could not end the script element or open a comment.
    expect(html).not.toContain('</script><script>alert');
    expect(html).not.toContain('<!-- Ende');
    // Nor could it end a line inside the script for an older parser (in the markup it is text).
    expect(html.match(/<script type="application\/json"[^>]*>(.*?)<\/script>/s)?.[1]).not.toContain('\u2028');
  });

  it("holds a signed-in officer's own view on /markt and /projekte, as /graphql answers them", async () => {
    const client = await e.t.as(officer);
    const token = client.cookie('hub_session');
    for (const route of ['/markt', '/projekte']) {
      const { answers } = await pageOf(route, token);
      expect(answers.map((a) => a.operationName)).toEqual(['Session', 'ProjectsPage']);
      for (const [index, answer] of answers.entries())
        expect(answer.data).toEqual(await askedDirectly(client, listed[route][index]));
      expect(answers[0].data.viewer.email).toBe(officer.email);
      expect(titlesOf(answers[1])).toContain(draftTitle);
    }
  });

  it('holds the page rendered with those answers: the cards are there before any script runs', async () => {
    const { html, answers } = await pageOf('/markt');
    const [locale, markup] = renderedRoot(html) ?? [];
    expect(locale).toBe('de');
    expect(html).toMatch(/<html lang="de"/);
    expect(markup).toContain('Markt der Projekte');
    const { page } = await e.newPage();
    // The tricky title as text in a card, the draft nowhere: the same answers as the embedded ones.
    expect(await renderedTitles(page, html)).toEqual(titlesOf(answers[1]));
    expect(markup).not.toContain(draftTitle);
    expect(markup).not.toContain('<script');

    const client = await e.t.as(officer);
    const own = await pageOf('/projekte', client.cookie('hub_session'));
    expect(await renderedTitles(page, own.html)).toContain(draftTitle);
    expect(renderedRoot(own.html)?.[1]).toContain(officer.name);
  });

  it('is rendered in the language the cookie chose, and kept apart per language', async () => {
    const english = await pageOf('/markt', undefined, e.t.url, ['hub_locale=en']);
    expect(english.html).toMatch(/<html lang="en"/);
    expect(renderedRoot(english.html)?.[0]).toBe('en');
    expect(renderedRoot(english.html)?.[1]).toContain('Project marketplace');
    for (const other of [[], ['hub_locale=xx']]) {
      const german = await pageOf('/markt', undefined, e.t.url, other);
      expect(renderedRoot(german.html)?.[1]).toContain('Markt der Projekte');
    }
  });

  it('answers only the session on /projekte for an anonymous visitor (the page sends them to sign in)', async () => {
    const { answers } = await pageOf('/projekte');
    expect(answers).toEqual([expect.objectContaining({ operationName: 'Session', data: { viewer: null } })]);
  });

  it('goes out without the answers that are not ready within the limit', async () => {
    // 1 ms: shorter than any catalogue query (0 would turn the answers off altogether).
    e.t.config.firstViewWaitMs = 1;
    try {
      const { response, html, answers } = await pageOf('/markt');
      expect(response.status).toBe(200);
      expect(html).toContain('</html>');
      expect(answers.map((a) => a.operationName)).not.toContain('ProjectsPage');
    } finally {
      e.t.config.firstViewWaitMs = 30_000;
    }
  });

  it('is the plain page for a filtered address, for other routes, and when turned off', async () => {
    for (const route of ['/markt?sort=MOST_ADOPTED', '/mitglieder']) {
      const { response, answers } = await pageOf(route);
      expect(response.status).toBe(200);
      expect(answers).toEqual([]);
    }
    e.t.config.firstViewWaitMs = 0;
    try {
      const { response, html } = await pageOf('/markt');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(html).not.toContain('hub-first-view');
    } finally {
      e.t.config.firstViewWaitMs = 30_000;
    }
  });
});

/** Opens the route and returns the operations the page sent to /graphql before its first card showed. */
async function operationsBeforeFirstCard(page: Page, route: string): Promise<string[]> {
  const sent: string[] = [];
  let cardShown = false;
  page.on('request', (request) => {
    if (cardShown || !request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    sent.push((request.postDataJSON() as { operationName?: string }).operationName ?? '?');
  });
  await page.goto(route);
  await page.locator('.hub-project-card').first().waitFor();
  cardShown = true;
  return sent;
}

describe('the catalogue page', () => {
  it('shows the cards of its HTML without asking /graphql for the catalogue or the session', async () => {
    const { page } = await e.newPage();
    const sent = await operationsBeforeFirstCard(page, '/markt');
    expect(sent).not.toContain('ProjectsPage');
    expect(sent).not.toContain('Session');
    expect(await page.locator('.hub-project-card').count()).toBe(20);
    expect(await page.locator('.hub-project-card h2').allTextContents()).toContain(trickyTitle);
    // Filtering afterwards asks as usual.
    const asked = page.waitForRequest(
      (request) =>
        request.url().endsWith('/graphql') &&
        (request.postDataJSON() as { operationName?: string } | null)?.operationName === 'ProjectsPage',
    );
    await page.getByLabel('Sortierung').selectOption('MOST_ADOPTED');
    await asked;
  });

  it('shows a signed-in officer their view on /projekte without a round trip for it', async () => {
    const client = await e.t.as(officer);
    const { context, page } = await e.newPage();
    await context.addCookies([
      { name: 'hub_session', value: client.cookie('hub_session') ?? '', url: e.t.url },
    ]);
    const sent = await operationsBeforeFirstCard(page, '/projekte');
    expect(sent).not.toContain('ProjectsPage');
    expect(sent).not.toContain('Session');
    expect(await page.locator('.hub-project-card h2').allTextContents()).toContain(draftTitle);
  });
});

/**
 * Opens the route, keeping the first card the document itself brought (before any script ran), and
 * collects what the page reports as errors: a taken-over page keeps that element; one drawn anew
 * (or a hydration mismatch, which React answers by drawing anew) replaces it.
 */
async function openKeepingFirstCard(page: Page, route: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const card = document.querySelector('.hub-project-card');
      if (!card) return;
      (window as unknown as { serverCard: Element }).serverCard = card;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(route);
  await page.locator('.hub-project-card').first().waitFor();
  // The app has taken the page over once its own request for the network's figures went out.
  await page.waitForLoadState('networkidle');
  const kept = await page.evaluate(() => {
    const serverCard = (window as unknown as { serverCard?: Element }).serverCard;
    return Boolean(serverCard?.isConnected) && document.querySelector('.hub-project-card') === serverCard;
  });
  return { kept, problems };
}

describe('the rendered page in the browser', () => {
  it('is taken over by the app as it stands, without a mismatch, and then works as the app', async () => {
    const { page } = await e.newPage();
    const { kept, problems } = await openKeepingFirstCard(page, '/markt');
    expect(problems).toEqual([]);
    expect(kept).toBe(true);
    const more = page.getByRole('button', { name: 'Weitere Projekte laden' });
    if (await more.count()) {
      await more.click();
      await page.locator('.hub-project-card').nth(20).waitFor();
    }
    await page.getByLabel('Sortierung').selectOption('MOST_ADOPTED');
    await page.waitForURL(/sort=MOST_ADOPTED/);
  });

  it('is taken over for a signed-in officer and for English chosen with the switch', async () => {
    const client = await e.t.as(officer);
    const signedIn = await e.newPage();
    await signedIn.context.addCookies([
      { name: 'hub_session', value: client.cookie('hub_session') ?? '', url: e.t.url },
    ]);
    expect(await openKeepingFirstCard(signedIn.page, '/projekte')).toEqual({ kept: true, problems: [] });

    const { page } = await e.newPage();
    await page.goto('/markt');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Project marketplace' }).waitFor();
    const again = await openKeepingFirstCard(page, '/markt');
    expect(again).toEqual({ kept: true, problems: [] });
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  it('is drawn anew in English for a choice made before the cookie, which it then sets', async () => {
    const { context, page } = await e.newPage();
    await context.addInitScript(() => window.localStorage.setItem('hub.locale', 'en'));
    const { kept, problems } = await openKeepingFirstCard(page, '/markt');
    expect(problems).toEqual([]);
    expect(kept).toBe(false);
    await page.getByRole('heading', { name: 'Project marketplace' }).waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'hub_locale')?.value).toBe('en');
  });

  it('shows the cards without JavaScript, with the filters folded on a phone only', async () => {
    for (const [width, filtersShown] of [
      [1280, true],
      [390, false],
    ] as const) {
      const context = await e.browser.newContext({
        baseURL: e.t.url,
        javaScriptEnabled: false,
        viewport: { width, height: 900 },
      });
      try {
        const page = await context.newPage();
        await page.goto('/markt');
        expect(await page.locator('.hub-project-card').count()).toBe(20);
        expect(await page.locator('.hub-project-filters').isVisible()).toBe(filtersShown);
        expect(await page.getByRole('button', { name: 'Filter anzeigen' }).isVisible()).toBe(!filtersShown);
        // Nothing wider than the screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      } finally {
        await context.close();
      }
    }
  });
});

describe('the answers in the page with the anonymous cache on', () => {
  it('are kept for signed-out visitors until a write of public data, never for a signed-in one', async () => {
    const t = await startTestApp({ anonymousCacheSeconds: 60, firstViewWaitMs: 30_000 });
    try {
      const first = await buildProject(t.dataSource);
      /**
       * Until the process heard the writes (a notification comes a few milliseconds after the
       * commit): the answers are kept (hit) and show what `expected` says.
       */
      const untilHit = async (expected: (titles: string[]) => boolean) => {
        for (let attempt = 0; attempt < 100; attempt++) {
          const page = await pageOf('/markt', undefined, t.url);
          if (page.response.headers.get('x-hub-cache') === 'hit' && expected(titlesOf(page.answers[1])))
            return page;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        throw new Error('the answers of /markt were never kept as expected');
      };
      const kept = await untilHit((titles) => titles.includes(first.title));
      expect(titlesOf(kept.answers[1])).toEqual([first.title]);

      const second = await buildProject(t.dataSource);
      // The write dropped the kept answers: the next ones are computed anew and kept again.
      const fresh = await untilHit((titles) => titles.includes(second.title));
      expect(titlesOf(fresh.answers[1])).toEqual([second.title, first.title]);

      // A signed-in officer's page is theirs: computed for them (their draft in it), never kept.
      const officerHere = await buildUser(t.dataSource);
      const draft = await buildProject(t.dataSource, {
        status: ProjectStatus.DRAFT,
        leadMunicipalityId: officerHere.municipalityId ?? undefined,
      });
      const token = (await t.as(officerHere)).cookie('hub_session');
      for (let visit = 0; visit < 2; visit++) {
        const theirs = await pageOf('/markt', token, t.url);
        expect(theirs.response.headers.get('x-hub-cache')).toBeNull();
        expect(theirs.answers[0].data.viewer.email).toBe(officerHere.email);
        expect(titlesOf(theirs.answers[1])).toContain(draft.title);
      }
      const anonymous = await untilHit((titles) => titles.length === 2);
      expect(titlesOf(anonymous.answers[1])).not.toContain(draft.title);
    } finally {
      await t.close();
    }
  });
});

describe('a page the server cannot render', () => {
  /** A copy of the web build whose server half is `entry` (CommonJS source), or missing when null. */
  function webBuildWith(entry: string | null): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-web-'));
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(dist);
    for (const file of ['index.html', 'first-view.json'])
      fs.copyFileSync(path.join(e.t.config.webDist, file), path.join(dist, file));
    if (entry !== null) {
      fs.mkdirSync(path.join(dir, 'dist-server'));
      fs.writeFileSync(path.join(dir, 'dist-server', 'entry-server.cjs'), entry);
    }
    return dist;
  }

  it('goes out with its answers for the app to draw when rendering fails or the build has no server half', async () => {
    const failing = `exports.ready = Promise.resolve();
      exports.localeOfCookie = () => null;
      exports.renderPage = async () => { throw new Error('rendering failed on purpose'); };`;
    for (const entry of [failing, null]) {
      const t = await startTestApp({ webDist: webBuildWith(entry), firstViewWaitMs: 30_000 });
      try {
        const { response, html, answers } = await pageOf('/markt', undefined, t.url);
        expect(response.status).toBe(200);
        expect(html).toContain('<div id="root"></div>');
        expect(answers.map((a) => a.operationName)).toEqual(['Session', 'ProjectsPage']);
      } finally {
        await t.close();
      }
    }
  });
});
