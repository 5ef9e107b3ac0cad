import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Context } from '../graphql/context';
import type { LiveHub } from '../live/live-hub';
import { SESSION_COOKIE } from '../modules/auth';

/** The header that tells clients (and the benchmark) whether an answer came from the cache. */
export const CACHE_STATUS_HEADER = 'x-hub-cache';

interface CachedAnswer {
  body: string;
  etag: string;
  storedAt: number;
}

interface AnonymousCacheOptions {
  /** Longest an answer is served, also when no write was announced (writes announce themselves at once). */
  maxAgeMs: number;
  maxEntries: number;
  /** Answers larger than this are not kept. */
  maxBodyBytes: number;
}

const DEFAULTS: AnonymousCacheOptions = { maxAgeMs: 60_000, maxEntries: 500, maxBodyBytes: 1024 * 1024 };

/**
 * The answers to GraphQL queries of signed-out visitors (the published catalogue, the directory, the
 * network figures) are the same for everyone: each process keeps them by request body, serves them
 * again without parsing or executing anything, and answers `If-None-Match` with 304. Any committed
 * write of public data empties it in every process (the `hub_public_data` notification of
 * migration PublicDataChangeNotify, heard through the LiveHub); an answer computed while a write
 * was announced is not kept, and nothing is kept while the LISTEN connection is down.
 */
export class AnonymousResponseCache {
  private readonly answers = new Map<string, CachedAnswer>();
  /** Grows with every announced write: an answer is kept only if none came while it was computed. */
  private generation = 0;
  private readonly options: AnonymousCacheOptions;

  constructor(
    private readonly hub: Pick<LiveHub, 'listening' | 'onPublicDataChange'>,
    options: Partial<AnonymousCacheOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    hub.onPublicDataChange(() => this.clear());
  }

  clear(): void {
    this.generation++;
    this.answers.clear();
  }

  /** Express middleware in front of Apollo's, after `express.json()`. */
  middleware(): RequestHandler {
    return (req, res, next) => this.handle(req, res, next);
  }

  private handle(req: Request, res: Response, next: NextFunction): void {
    const key = cacheKey(req);
    if (!key) {
      next();
      return;
    }
    const cached = this.answers.get(key);
    if (cached && Date.now() - cached.storedAt <= this.options.maxAgeMs) {
      res.setHeader(CACHE_STATUS_HEADER, 'hit');
      res.setHeader('etag', cached.etag);
      if (req.headers['if-none-match'] === cached.etag) {
        res.status(304).end();
        return;
      }
      res.status(200).type('application/json; charset=utf-8').send(cached.body);
      return;
    }
    res.setHeader(CACHE_STATUS_HEADER, 'miss');
    const generation = this.generation;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    // Apollo sends a single answer with one res.end(body); the answer is kept if the plugin below
    // marked it as an error-free query.
    res.end = ((...args: unknown[]) => {
      const [chunk] = args;
      const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : null;
      if (
        body !== null &&
        res.locals.anonymousCacheable === true &&
        res.statusCode === 200 &&
        !res.getHeader('set-cookie') &&
        body.length <= this.options.maxBodyBytes &&
        generation === this.generation &&
        this.hub.listening
      ) {
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        res.setHeader('etag', etag);
        this.store(key, { body, etag, storedAt: Date.now() });
      }
      return end(...args);
    }) as Response['end'];
    next();
  }

  /** The answer kept under `key` (see `remember`) while it is fresh, else null. */
  fresh(key: string): string | null {
    const cached = this.answers.get(key);
    return cached && Date.now() - cached.storedAt <= this.options.maxAgeMs ? cached.body : null;
  }

  /**
   * A signed-out visitor's answer computed outside /graphql (the answers in the page of /markt,
   * server/first-view.ts), under the same rules: served while fresh, kept only when `compute` gives
   * one (not null) and no write was announced meanwhile. `key` must not collide with request keys.
   */
  async remember(key: string, compute: () => Promise<string | null>): Promise<string | null> {
    const cached = this.fresh(key);
    if (cached !== null) return cached;
    const generation = this.generation;
    const body = await compute();
    if (
      body !== null &&
      body.length <= this.options.maxBodyBytes &&
      generation === this.generation &&
      this.hub.listening
    ) {
      this.store(key, { body, etag: '', storedAt: Date.now() });
    }
    return body;
  }

  private store(key: string, answer: CachedAnswer): void {
    this.answers.delete(key);
    this.answers.set(key, answer);
    // Oldest first (insertion order): drop from the front.
    while (this.answers.size > this.options.maxEntries) {
      const oldest = this.answers.keys().next().value;
      if (oldest === undefined) break;
      this.answers.delete(oldest);
    }
  }
}

/**
 * The key of a request whose answer may come from the cache: a JSON POST (what Apollo's CSRF
 * prevention accepts without further headers) without a session cookie; null for everything else.
 */
function cacheKey(req: Request): string | null {
  if (req.method !== 'POST' || !req.is('application/json')) return null;
  if (req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return null;
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  return JSON.stringify([
    query,
    variables ?? null,
    operationName ?? null,
    req.headers['accept-language'] ?? '',
  ]);
}

/** Marks error-free answers to queries of signed-out visitors as cacheable (mutations never are). */
export const anonymousCachePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, operation, response }) {
        if (
          contextValue.viewer === null &&
          operation?.operation === 'query' &&
          response.body.kind === 'single' &&
          !response.body.singleResult.errors?.length &&
          contextValue.response
        ) {
          contextValue.response.locals.anonymousCacheable = true;
        }
      },
    };
  },
};
