/**
 * `pnpm bench first-view`: how soon a visitor sees project cards on the public catalogue `/markt` in headless
 * Chromium (Debian's, as the e2e tests use), from navigation start to the first card in the page.
 * The hub runs in its production profile (built web app, compressed assets, lazy pages, the page's
 * first answers inside its HTML: server/first-view.ts) on the
 * 10,000-project data of the throughput benchmark; the floor is the same page of 50 rendered as
 * plain HTML by floor-server.ts (no script at all). Visits alternate hub and floor; each is a first
 * visit (a fresh browser context, empty cache) or a return visit (same context, assets cached).
 * Medians, p95 and the median of the per-round ratios; issue 11's target is cards in < 400 ms. Beside it,
 * when the app ran on a first visit (its first request of its own): a rendered page shows its cards
 * before that, but its buttons work only from then on.
 *   BENCH_PROJECTS (10000), BENCH_VISITS (15) per server and kind, CHROMIUM_PATH (/usr/bin/chromium),
 *   BENCH_BASELINE=<dir> also visits the hub of another checkout (built, web app included), alternated
 *   with the others: before and after in one run.
 *   BENCH_TRACE=1 also prints the hub's timeline (document, scripts, GraphQL requests) of its median
 *   first and return visit, to see where the time goes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { loadConfig } from '../config';
import { percentile, runIfMain } from './harness';
import { benchDatabase, median, prepare, type Server, startServer } from './throughput';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Milliseconds since navigation start when the first card entered the document (in-page clock). */
const FIRST_CARD_CLOCK = `(() => {
  const seen = () => document.querySelector('.hub-project-card');
  new MutationObserver((_, observer) => {
    if (!seen()) return;
    window.__firstCard = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
})();`;

/** What the page loaded until its first card, in milliseconds since navigation start. */
interface Timeline {
  firstCard: number;
  entries: { name: string; start: number; end: number }[];
}

const TRACE = process.env.BENCH_TRACE === '1';

/** The page's own timeline (resource timing), read at its first card. */
async function timelineOf(page: Page): Promise<Timeline> {
  return page.evaluate(() => {
    const firstCard = (window as unknown as { __firstCard: number }).__firstCard;
    const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      firstCard,
      entries: [
        { name: 'document', start: 0, end: navigation.responseEnd },
        { name: 'document parsed (domInteractive)', start: 0, end: navigation.domInteractive },
        ...resources
          .filter((entry) => entry.startTime < firstCard)
          .map((entry) => ({
            name: new URL(entry.name).pathname,
            start: entry.startTime,
            end: entry.responseEnd,
          })),
      ],
    };
  });
}

/**
 * When the app ran (ms since navigation start): its first request of its own to /graphql, which a
 * hydrated catalogue sends from an effect (the network's figures) and an unrendered one at its start.
 * Until then the cards of a rendered page show, but its buttons do nothing yet.
 */
async function appRunningAt(page: Page): Promise<number> {
  await page.waitForFunction(
    () => performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/graphql')),
    undefined,
    { timeout: 30_000, polling: 20 },
  );
  return page.evaluate(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((entry) =>
        entry.name.endsWith('/graphql'),
      )?.startTime ?? Number.NaN,
  );
}

async function firstCardAfter(
  page: Page,
  url: string,
  timelines?: Timeline[],
  appTimes?: number[],
): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    await page.locator('.hub-project-card').first().waitFor({ timeout: 30_000 });
  } catch (error) {
    const shown = (
      (await page
        .locator('body')
        .textContent()
        .catch(() => '')) ?? ''
    ).slice(0, 1200);
    throw new Error(`no project card at ${url} within 30 s; the page shows: ${shown}`, { cause: error });
  }
  const firstCard = await page.evaluate(() => (window as unknown as { __firstCard: number }).__firstCard);
  if (timelines) timelines.push(await timelineOf(page));
  if (appTimes) appTimes.push(await appRunningAt(page));
  return firstCard;
}

function printTimeline(kind: string, timelines: Timeline[]): void {
  const sorted = [...timelines].sort((a, b) => a.firstCard - b.firstCard);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) return;
  console.log(`\nhub timeline, median ${kind} visit (ms since navigation start):`);
  for (const entry of [...middle.entries].sort((a, b) => a.start - b.start))
    console.log(
      `  ${entry.start.toFixed(0).padStart(5)} → ${entry.end.toFixed(0).padStart(5)}  ${entry.name}`,
    );
  console.log(`  first card at ${middle.firstCard.toFixed(0)}`);
}

interface Visits {
  first: number[];
  returning: number[];
  /** When the app ran on the first visits (not for the floor, which has no script). */
  appRunning?: number[];
  /** With BENCH_TRACE=1: the timelines of the visits. */
  traces?: { first: Timeline[]; returning: Timeline[] };
}

/** One first visit (fresh context) and one return visit (same context, cached assets). */
async function visit(browser: Browser, pageUrl: string, into: Visits): Promise<void> {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    await context.addInitScript(FIRST_CARD_CLOCK);
    const page = await context.newPage();
    into.first.push(await firstCardAfter(page, pageUrl, into.traces?.first, into.appRunning));
    into.returning.push(await firstCardAfter(page, pageUrl, into.traces?.returning));
  } finally {
    await context.close();
  }
}

const baseOf = (server: Server) => server.url.replace(/\/graphql$/, '');

export async function run(): Promise<void> {
  const webDist = loadConfig().webDist;
  if (!fs.existsSync(path.join(webDist, 'index.html')))
    throw new Error(`the web app is not built (${webDist}): pnpm --filter @hub/web build`);
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  const projects = Number(process.env.BENCH_PROJECTS ?? 10_000);
  const visits = Number(process.env.BENCH_VISITS ?? 15);
  const database = await benchDatabase();
  const servers: Server[] = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    await prepare(database.url, projects, false);
    const hubEnvironment = {
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      DEMO: 'false',
      ANONYMOUS_CACHE_SECONDS: process.env.ANONYMOUS_CACHE_SECONDS ?? '0',
    };
    const hub = await startServer('hub', 'api-process.ts', hubEnvironment);
    servers.push(hub);
    // The same hub with the answers in the page turned off: the page asks /graphql itself.
    const plain = await startServer('hub-plain', 'api-process.ts', {
      ...hubEnvironment,
      FIRST_VIEW_WAIT_MS: '0',
    });
    servers.push(plain);
    // Another checkout's hub (built, its web app too), alternated with the others: before/after in one run.
    const baselineDir = process.env.BENCH_BASELINE;
    const baseline = baselineDir
      ? await startServer(
          'baseline',
          path.resolve(baselineDir, 'packages', 'api', 'src', 'bench', 'api-process.ts'),
          hubEnvironment,
        )
      : null;
    if (baseline) servers.push(baseline);
    const floor = await startServer('floor', 'floor-server.ts', { DATABASE_URL: database.url });
    servers.push(floor);
    const targets = [
      { name: 'hub', url: `${baseOf(hub)}/markt` },
      { name: 'hub-plain', url: `${baseOf(plain)}/markt` },
      ...(baseline ? [{ name: 'baseline', url: `${baseOf(baseline)}/markt` }] : []),
      { name: 'floor', url: `${baseOf(floor)}/projekte` },
    ];
    const results = new Map(
      targets.map((t): [string, Visits] => [
        t.name,
        {
          first: [],
          returning: [],
          appRunning: t.name === 'floor' ? undefined : [],
          traces: TRACE && t.name === 'hub' ? { first: [], returning: [] } : undefined,
        },
      ]),
    );
    // Warm-up: the servers' JIT and pools, Chromium's process start.
    for (const target of targets) await visit(browser, target.url, { first: [], returning: [] });
    for (let round = 0; round < visits; round++) {
      // Each target in a different position every round.
      const order = targets.map((_, i) => targets[(i + round) % targets.length]);
      for (const target of order) await visit(browser, target.url, results.get(target.name) as Visits);
    }
    const floorVisits = results.get('floor') as Visits;
    const ms = (value: number) => `${value.toFixed(0)} ms`;
    console.log(
      `first card on /markt, ${projects} projects, ${visits} visits each, alternated (target: < 400 ms)`,
    );
    console.log(
      'hub: the page carries its first answers; hub-plain: FIRST_VIEW_WAIT_MS=0, the page asks /graphql itself' +
        (baseline ? `; baseline: the hub of ${baselineDir}` : ''),
    );
    console.log('| visit | server | p50 | p95 | floor p50 | median ratio to the floor |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const kind of ['first', 'returning'] as const) {
      const floorTimes = [...floorVisits[kind]].sort((a, b) => a - b);
      for (const { name } of targets.filter((t) => t.name !== 'floor')) {
        const times = (results.get(name) as Visits)[kind];
        const ratios = times.map((time, i) => time / floorVisits[kind][i]);
        const sorted = [...times].sort((a, b) => a - b);
        console.log(
          `| ${kind === 'first' ? 'first (empty cache)' : 'return (cached assets)'} | ${name} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(floorTimes, 50))} | ${median(ratios).toFixed(1)}× |`,
        );
      }
    }
    console.log('\nfirst visits: when the app ran (its first request of its own to /graphql), p50');
    for (const { name } of targets.filter((t) => t.name !== 'floor'))
      console.log(
        `  ${name}: ${ms(
          percentile(
            [...((results.get(name) as Visits).appRunning ?? [])].sort((a, b) => a - b),
            50,
          ),
        )}`,
      );
    const hubVisits = results.get('hub') as Visits;
    if (hubVisits.traces) {
      printTimeline('first', hubVisits.traces.first);
      printTimeline('return', hubVisits.traces.returning);
    }
  } finally {
    await browser.close();
    for (const server of servers) await server.stop();
    await database.stop();
  }
}

runIfMain(module, run);
