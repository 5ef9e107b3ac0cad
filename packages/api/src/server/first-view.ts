import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import type { Context } from '../graphql/context';
import { stringifyResult } from '../graphql/raw-json';
import type { Logger } from '../logger';
import { type AnonymousResponseCache, CACHE_STATUS_HEADER } from './anonymous-response-cache';

/** The queries a page's first render runs, as the web build lists them (web/scripts/firstViewOperations.ts). */
interface RouteOperation {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
  viewerOnly: boolean;
}

interface FirstViewFile {
  routes: Record<string, RouteOperation[]>;
}

/** Where the web app reads the answers (web/src/firstView.ts). */
const ELEMENT_ID = 'hub-first-view';

/** What the API uses of the web build's server half (web/src/entry-server.tsx, web/scripts/serverEntry.ts). */
interface ServerEntry {
  renderPage(
    url: string,
    answers: unknown[],
    cookieHeader: string | undefined,
  ): Promise<{ html: string; locale: string }>;
  localeOfCookie(header: string | undefined): string | null;
}

/** The element the app renders into, in index.html. */
const ROOT = '<div id="root"></div>';

/**
 * JSON that can stand inside a `<script>` element: no `<` that could close it or open a comment,
 * and no U+2028/U+2029, which older JavaScript parsers take for line ends.
 */
export function scriptSafeJson(value: unknown): string {
  return stringifyResult(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export interface FirstViewPages {
  /** The routes with a first view (`/markt`, `/projekte`). */
  paths: string[];
  handlers: RequestHandler[];
}

/**
 * Serves the web app's page for the routes whose first queries the build listed (dist/first-view.json)
 * with their answers inside: the top of index.html (its scripts, preloads and styles) goes out at
 * once, the queries run meanwhile, for the request's viewer through the same schema, policies and
 * plugins as on /graphql, and the answers follow in a `<script type="application/json">` before
 * `</body>`. The module scripts run once the document is complete, so the app finds them in its
 * first render and shows the cards without a round trip of its own. Only the unfiltered view (no
 * query string) is answered this way; a filtered address gets the plain page, which asks as usual.
 * The page then holds what one viewer may see: never stored by shared caches (private, no-store).
 */
export function firstViewPages({
  webDist,
  serverEntryFile,
  apollo,
  contextFor,
  log,
  waitMs,
  anonymousCache,
}: {
  webDist: string;
  /** The web build's server half; without it (or until it has loaded) pages go out unrendered. */
  serverEntryFile: string;
  /** How long the page waits for the answers at most, 0: not at all (config.firstViewWaitMs, read per request). */
  waitMs: () => number;
  /** Signed-out visitors' answers are kept here when the API caches them. */
  anonymousCache: AnonymousResponseCache | null;
  apollo: ApolloServer<Context>;
  contextFor: (req: Request, res: Response) => Promise<Context>;
  log: Logger;
}): FirstViewPages | null {
  const listFile = path.join(webDist, 'first-view.json');
  if (!fs.existsSync(listFile)) return null;
  const { routes } = JSON.parse(fs.readFileSync(listFile, 'utf8')) as FirstViewFile;
  const html = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
  const rootAt = html.indexOf(ROOT);
  const bodyEnd = html.lastIndexOf('</body>');
  if (rootAt < 0 || bodyEnd < rootAt) throw new Error(`${webDist}/index.html has no ${ROOT} in its body`);
  // The head goes out at once; the root element, with the page rendered inside, once the answers are there.
  const [top, afterRoot, bottom] = [
    html.slice(0, rootAt),
    html.slice(rootAt + ROOT.length, bodyEnd),
    html.slice(bodyEnd),
  ];
  const entry = loadServerEntry(serverEntryFile, log);

  const answer: RequestHandler = async (req, res, next) => {
    const operations = routes[req.path];
    const queryString = req.originalUrl.includes('?');
    const wait = waitMs();
    if (req.method !== 'GET' || !operations || queryString || !req.accepts('html') || wait === 0)
      return next();
    let context: Context;
    try {
      // Before the first byte: reading the session may renew its cookie.
      context = await contextFor(req, res);
    } catch (error) {
      return next(error);
    }
    // Only the first requests after the start wait for it (a moment); then it is there.
    const renderer = await entry;
    const locale = renderer?.localeOfCookie(req.headers.cookie) ?? null;
    // Signed-out visitors all get the same page in a language: kept in the anonymous cache when it is on.
    const cache = context.viewer === null ? anonymousCache : null;
    const cacheKey = `first-view:${req.path}:${locale ?? ''}:${req.headers['accept-language'] ?? ''}`;
    const cached = cache?.fresh(cacheKey) ?? null;
    if (cache) res.setHeader(CACHE_STATUS_HEADER, cached === null ? 'miss' : 'hit');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'private, no-store');
    res.vary('Cookie');
    res.write(locale ? top.replace(/<html lang="[a-z]+"/, `<html lang="${locale}"`) : top);
    // Through the compression middleware: send what is there now, so the browser fetches the scripts.
    (res as Response & { flush?: () => void }).flush?.();
    const compute = () => pageFor(operations, context, req, renderer);
    const computed = cached ?? (cache ? cache.remember(cacheKey, compute) : compute());
    // The scripts wait for the end of the document: a slow answer must not hold the page up for
    // long. After waitMs the page goes out without answers and asks itself.
    let timer: NodeJS.Timeout | undefined;
    const page = await Promise.race([
      computed,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), wait);
      }),
    ]);
    clearTimeout(timer);
    res.end(`${page ?? `${ROOT}${afterRoot}`}${bottom}`);
  };

  /**
   * The body of the page up to `</body>`: the root element with the page rendered inside (when the
   * web build's server half is there and rendering succeeds; otherwise empty, and the app draws it),
   * then the rest of index.html's body and the answers; null when one of the answers failed.
   */
  async function pageFor(
    operations: RouteOperation[],
    context: Context,
    req: Request,
    renderer: ServerEntry | null,
  ): Promise<string | null> {
    const answers = await answersFor(operations, context);
    if (answers === null) return null;
    const json = scriptSafeJson(answers);
    let root = ROOT;
    // A page whose own query was left out (one for viewers only: the page sends the visitor to sign
    // in) is the app's to draw.
    if (renderer && answers.length === operations.length) {
      try {
        const page = await renderer.renderPage(
          `http://localhost${req.originalUrl}`,
          JSON.parse(json),
          req.headers.cookie,
        );
        root = `<div id="root" data-locale="${page.locale}">${page.html}</div>`;
      } catch (error) {
        log.warn({ err: error, path: req.path }, 'first view: rendering failed, the app draws the page');
      }
    }
    return `${root}${afterRoot}<script type="application/json" id="${ELEMENT_ID}">${json}</script>`;
  }

  /** The route's answers for the viewer, or null when one of them failed. */
  async function answersFor(operations: RouteOperation[], context: Context): Promise<unknown[] | null> {
    const answers: { operationName: string; variables: Record<string, unknown>; data: unknown }[] = [];
    for (const { operationName, query, variables, viewerOnly } of operations) {
      if (viewerOnly && !context.viewer) continue;
      try {
        const response = await apollo.executeOperation(
          { query, variables, operationName },
          { contextValue: context },
        );
        const result = response.body.kind === 'single' ? response.body.singleResult : null;
        // An answer with errors is left to the page, which shows them as it always does.
        if (!result?.data || result.errors?.length) return null;
        answers.push({ operationName, variables, data: result.data });
      } catch (error) {
        log.warn({ err: error, operationName }, 'first view: query failed, the page will ask itself');
        return null;
      }
    }
    return answers;
  }

  return { paths: Object.keys(routes), handlers: [compression(), answer] };
}

/**
 * The web build's server half, required right after the start (it takes a moment to load, which
 * must not hold up the start): null without it, or when it fails to load (pages go out unrendered).
 */
function loadServerEntry(file: string, log: Logger): Promise<ServerEntry | null> {
  if (!fs.existsSync(file)) {
    log.warn({ file }, 'first view: the web build has no server entry, pages go out unrendered');
    return Promise.resolve(null);
  }
  return new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      const loaded = require(file) as ServerEntry & { ready: Promise<unknown> };
      await loaded.ready;
      return loaded as ServerEntry;
    })
    .catch((error: unknown) => {
      log.warn({ err: error, file }, 'first view: the server entry failed to load, pages go out unrendered');
      return null;
    });
}
