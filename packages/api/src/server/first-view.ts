import fs from 'node:fs';
import path from 'node:path';
import type { ApolloServer } from '@apollo/server';
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import type { Context } from '../graphql/context';
import type { Logger } from '../logger';

/** The queries a page's first render runs, as the web build lists them (web/scripts/firstViewOperations.ts). */
interface FirstViewFile {
  routes: Record<
    string,
    { operationName: string; query: string; variables: Record<string, unknown>; viewerOnly: boolean }[]
  >;
}

/** Where the web app reads the answers (web/src/firstView.ts). */
const ELEMENT_ID = 'hub-first-view';

/**
 * JSON that can stand inside a `<script>` element: no `<` that could close it or open a comment,
 * and no U+2028/U+2029, which older JavaScript parsers take for line ends.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
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
}: {
  webDist: string;
  /** How long the page waits for the answers at most (config.firstViewWaitMs, read per request). */
  waitMs: () => number;
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
    if (req.method !== 'GET' || !operations || queryString || !req.accepts('html')) return next();
    let context: Context;
    try {
      // Before the first byte: reading the session may renew its cookie.
      context = await contextFor(req, res);
    } catch (error) {
      return next(error);
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'private, no-store');
    res.vary('Cookie');
    res.write(top);
    // Through the compression middleware: send what is there now, so the browser fetches the scripts.
    (res as Response & { flush?: () => void }).flush?.();
    const answers: { operationName: string; variables: Record<string, unknown>; data: unknown }[] = [];
    let waiting = true;
    const answerAll = async () => {
      for (const { operationName, query, variables, viewerOnly } of operations) {
        if (!waiting) return;
        if (viewerOnly && !context.viewer) continue;
        try {
          const response = await apollo.executeOperation(
            { query, variables, operationName },
            { contextValue: context },
          );
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          // An answer with errors is left to the page, which shows them as it always does.
          if (waiting && result?.data && !result.errors?.length)
            answers.push({ operationName, variables, data: result.data });
        } catch (error) {
          log.warn({ err: error, operationName }, 'first view: query failed, the page will ask itself');
        }
      }
    };
    // The scripts wait for the end of the document: a slow answer must not hold the page up for
    // long. After waitMs the page goes out with the answers there are; it asks for the rest itself.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([answerAll(), new Promise((resolve) => (timer = setTimeout(resolve, waitMs())))]);
    clearTimeout(timer);
    waiting = false;
    res.end(
      `${answers.length ? `<script type="application/json" id="${ELEMENT_ID}">${scriptSafeJson(answers)}</script>` : ''}${bottom}`,
    );
  };

  return { paths: Object.keys(routes), handlers: [compression(), answer] };
}
