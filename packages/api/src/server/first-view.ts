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
  apollo,
  contextFor,
  log,
  waitMs,
  anonymousCache,
}: {
  webDist: string;
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
  const bodyEnd = html.lastIndexOf('</body>');
  if (bodyEnd < 0) throw new Error(`${webDist}/index.html has no </body>`);
  const [top, bottom] = [html.slice(0, bodyEnd), html.slice(bodyEnd)];

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
    // Signed-out visitors all get the same answers: kept in the anonymous cache when it is on.
    const cache = context.viewer === null ? anonymousCache : null;
    const cacheKey = `first-view:${req.path}:${req.headers['accept-language'] ?? ''}`;
    const cached = cache?.fresh(cacheKey) ?? null;
    if (cache) res.setHeader(CACHE_STATUS_HEADER, cached === null ? 'miss' : 'hit');
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'private, no-store');
    res.vary('Cookie');
    res.write(top);
    // Through the compression middleware: send what is there now, so the browser fetches the scripts.
    (res as Response & { flush?: () => void }).flush?.();
    const compute = () => answersFor(operations, context);
    const computed = cached ?? (cache ? cache.remember(cacheKey, compute) : compute());
    // The scripts wait for the end of the document: a slow answer must not hold the page up for
    // long. After waitMs the page goes out without answers and asks itself.
    let timer: NodeJS.Timeout | undefined;
    const answers = await Promise.race([
      computed,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), wait);
      }),
    ]);
    clearTimeout(timer);
    res.end(
      `${answers ? `<script type="application/json" id="${ELEMENT_ID}">${answers}</script>` : ''}${bottom}`,
    );
  };

  /** The route's answers for the viewer as script-safe JSON, or null when one of them failed. */
  async function answersFor(operations: RouteOperation[], context: Context): Promise<string | null> {
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
    return scriptSafeJson(answers);
  }

  return { paths: Object.keys(routes), handlers: [compression(), answer] };
}
