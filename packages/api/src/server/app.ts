import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ErrorCode, limits } from '@hub/shared';
import compression from 'compression';
import type { Request, Response } from 'express';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import type { DocumentNode, GraphQLFormattedError } from 'graphql';
import { GraphQLError, visit } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import { readReplicaOf } from '../db/data-source';
import type { QueryCounter } from '../db/query-counter';
import { compiledExecutionGateway } from '../graphql/compiled-execution';
import type { Context } from '../graphql/context';
import { inputCheckPlugin } from '../graphql/input-check';
import { QUERY_LIMITS, queryLimitRules } from '../graphql/limits';
import { Loaders } from '../graphql/loaders';
import { perDocument } from '../graphql/per-document';
import { requestBudgetPlugin, serialisedResult } from '../graphql/request-budget';
import { getSchema } from '../graphql/schema';
import { AfterCommitJobs } from '../jobs/after-commit';
import type { JobRunner } from '../jobs/runner';
import { startJobRunner } from '../jobs/runner';
import { crontab, taskList } from '../jobs/tasks';
import { LiveHub } from '../live/live-hub';
import { PublicDataMemo } from '../live/public-data-memo';
import { startSubscriptionServer } from '../live/subscription-server';
import type { Logger } from '../logger';
import { composePasswordResetMails } from '../modules/auth/auth.service';
import { RateLimiter } from '../modules/auth/rate-limiter';
import { sessionFromRequest } from '../modules/auth/session.service';
import { MailDelivery, Mailer } from '../modules/mail/mail-delivery';
import { CONSUME_TASK } from '../modules/notifications';
import { AnonymousResponseCache, anonymousCachePlugin } from './anonymous-response-cache';
import { firstViewPages } from './first-view';
import { readReplicaPlugin, readScopeMiddleware } from './read-replica-routing';
import { registerHttpRoutes } from './routes';
import { errorsAsJson, notFoundAsJson, securityHeaders } from './security';

export interface AppOptions {
  config: Config;
  dataSource: DataSource;
  log: Logger;
  /** Counts SQL statements per request (tests); the data source must log to the same counter. */
  queryCounter?: QueryCounter;
  /** How often open WebSockets' sessions are checked for expiry (tests shorten it). */
  liveSessionCheckMs?: number;
}

export interface App {
  server: http.Server;
  mail: MailDelivery;
  /** Sends mail (the queue's `mail.send` task uses it). */
  mailer: Mailer;
  afterCommit: AfterCommitJobs;
  /** Results computed from public data only (network figures), kept until a write; absent when off. */
  publicMemo?: PublicDataMemo;
  /**
   * Starts the job queue's runner in this process (the API's start does; tests that need jobs
   * run call it). Stopped with the app.
   */
  startJobs(options?: { pollInterval?: number; concurrency?: number }): Promise<JobRunner>;
  /** Stops accepting requests and waits for the running ones. */
  stop(): Promise<void>;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** graphql-js ends validation and coercion messages with hints such as `Did you mean "viewer"?`. */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Keeps error responses useful but safe: codes always set, no stack traces, no submitted values
 * echoed back by validation, internal errors replaced by a generic message, and in production no
 * "Did you mean …" hints that would spell out the schema to clients who may not introspect it.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  { log, production }: { log: Logger; production: boolean },
): GraphQLFormattedError {
  const safe = withoutInternals(formatted, error, log);
  return production ? { ...safe, message: safe.message.replace(SUGGESTION, '') } : safe;
}

/** The error with its code, minus stack traces, echoed input and internal details. */
function withoutInternals(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: Logger,
): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  // Apollo Server codes every validation error GRAPHQL_VALIDATION_FAILED; a refused query limit keeps its own.
  const limitCode = original instanceof GraphQLError ? original.extensions.code : undefined;
  const code = String(
    limitCode === ErrorCode.QUERY_TOO_COMPLEX ? limitCode : (formatted.extensions?.code ?? ''),
  );
  if (code === 'BAD_USER_INPUT' && formatted.extensions?.validationErrors) {
    const validationErrors = formatted.extensions.validationErrors as {
      property: string;
      constraints?: Record<string, string>;
      children?: unknown[];
    }[];
    return {
      message: 'The input is not valid.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code,
        fields: validationErrors.map((v) => ({
          field: v.property,
          messages: Object.values(v.constraints ?? {}),
        })),
      },
    };
  }
  // graphql-js gives up after 50 invalid variables with an uncoded error: still the client's input.
  if (formatted.message.startsWith('Too many errors processing variables'))
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  if (KNOWN_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR)
    return { ...formatted, extensions: { ...formatted.extensions, code, stacktrace: undefined } };
  if (
    [
      'GRAPHQL_PARSE_FAILED',
      'GRAPHQL_VALIDATION_FAILED',
      'BAD_REQUEST',
      'PERSISTED_QUERY_NOT_FOUND',
      'OPERATION_RESOLUTION_FAILURE',
    ].includes(code)
  ) {
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  }
  log.error({ err: original, path: formatted.path }, 'unexpected error in resolver');
  return {
    message: 'Internal server error.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Whether a document asks the schema about itself. */
const asksIntrospection = perDocument((document: DocumentNode) => {
  let asks = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') asks = true;
    },
  });
  return asks;
});

/** In production, introspection needs a signed-in viewer. */
const introspectionPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue }) {
    return {
      async didResolveOperation({ document }) {
        if (!contextValue.config.production || contextValue.viewer) return;
        if (asksIntrospection(document))
          throw new GraphQLError('Introspection is available to signed-in users only.', {
            extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
          });
      },
    };
  },
};

/** Caps mutations per person (or per IP address when anonymous), shared by all API processes. */
function writeLimitPlugin(limiter: RateLimiter): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'mutation') return;
          const who = contextValue.viewer ? `user:${contextValue.viewer.id}` : `ip:${contextValue.ip}`;
          const state = await limiter.hit(`writes:${who}`, 60);
          if (state.count > limits.writesPerMinute) {
            throw new GraphQLError('Too many changes in a short time. Please wait and try again.', {
              extensions: {
                code: ErrorCode.RATE_LIMITED,
                retryAfterSeconds: state.retryAfterSeconds,
                http: { status: 429 },
              },
            });
          }
        },
      };
    },
  };
}

/** Logs each operation with the request id. */
const loggingPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart({ contextValue, request }) {
    const started = Date.now();
    return {
      async willSendResponse({ errors }) {
        contextValue.log.info(
          { operation: request.operationName ?? null, ms: Date.now() - started, errors: errors?.length ?? 0 },
          'graphql',
        );
      },
    };
  },
};

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** The URL the data source connects with (the job queue opens its own connections there). */
export function connectionUrlOf(dataSource: DataSource): string {
  return (dataSource.options as { url: string }).url;
}

/** The Express app with the GraphQL API, the health checks, the other HTTP routes and the web app. */
export async function createApp({
  config,
  dataSource,
  log,
  queryCounter,
  liveSessionCheckMs,
}: AppOptions): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', true);
  const server = http.createServer(app);
  const mail = new MailDelivery(dataSource, log);
  const mailer = new Mailer(config.smtpUrl, config.mailFrom, log);
  const afterCommit = new AfterCommitJobs(
    dataSource,
    [{ task: CONSUME_TASK, spec: { jobKey: CONSUME_TASK, jobKeyMode: 'preserve_run_at' } }],
    log,
  );
  let jobs: JobRunner | null = null;
  // Read at each run: tests set publicUrl once the port is known.
  mail.addComposer((ds) => composePasswordResetMails(ds, config.publicUrl));

  app.use(securityHeaders({ https: config.publicUrl.startsWith('https://') }));
  app.use((req, res, next) => {
    const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    if (queryCounter) queryCounter.track(requestId, next);
    else next();
  });

  // API answers of a few KB and more go out gzip-compressed when the client accepts it (a catalogue
  // page shrinks about tenfold); small ones are not worth the CPU.
  app.use(['/graphql', '/oparl', '/api'], compression({ threshold: 4096 }));

  // Reads of GraphQL queries may go to the read replica (DATABASE_REPLICA_URL); see db/read-replica.ts.
  const replica = readReplicaOf(dataSource);
  registerHttpRoutes(app, {
    dataSource,
    log,
    readinessTimeoutMs: config.database.readinessTimeoutMs,
    replica,
  });

  const schema = await getSchema();
  // Live updates: this process's LISTEN connection and the GraphQL-over-WebSocket server.
  const hub = new LiveHub((dataSource.options as { url: string }).url, log);
  await hub.start();
  if (replica) hub.onPublicDataChange(() => replica.notePublicWrite());
  const subscriptions = startSubscriptionServer({
    server,
    schema,
    dataSource,
    config,
    mail,
    log,
    hub,
    afterCommit,
    sessionCheckMs: liveSessionCheckMs,
  });

  const anonymousCache =
    config.anonymousCacheSeconds > 0
      ? new AnonymousResponseCache(hub, { maxAgeMs: config.anonymousCacheSeconds * 1000 })
      : null;
  const publicMemo =
    config.anonymousCacheSeconds > 0
      ? new PublicDataMemo(hub, config.anonymousCacheSeconds * 1000)
      : undefined;

  const apollo = new ApolloServer<Context>({
    // The hub's schema, with queries run compiled (see compiled-execution.ts).
    gateway: compiledExecutionGateway(schema, config.compileQueriesFromRun),
    // main.ts stops the server on SIGINT/SIGTERM (requests drained, then jobs, then PostgreSQL).
    // Apollo's own handlers (on outside NODE_ENV=test) raced it, and the stop waited 15 s for the force exit.
    stopOnTerminationSignals: false,
    introspection: true,
    hideSchemaDetailsFromClientErrors: config.production,
    csrfPrevention: { requestHeaders: ['x-hub-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'] },
    validationRules: [...queryLimitRules],
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    includeStacktraceInErrorResponses: false,
    // The size budget serialised the result already: sent as it was measured.
    stringifyResult: serialisedResult,
    formatError: (formatted, error) => formatError(formatted, error, { log, production: config.production }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's sandbox page loads inline script from a CDN: the CSP (rightly) refuses it.
      ApolloServerPluginLandingPageDisabled(),
      // The hub sets no cache hints; Apollo's default cache-control plugin would wrap every field's resolver.
      ApolloServerPluginCacheControlDisabled(),
      inputCheckPlugin,
      introspectionPlugin,
      writeLimitPlugin(new RateLimiter(dataSource)),
      requestBudgetPlugin(config.requestBudget),
      loggingPlugin,
      ...(anonymousCache ? [anonymousCachePlugin] : []),
      ...(replica ? [readReplicaPlugin(replica, config.replicaMaxLagSeconds)] : []),
    ],
  });
  await apollo.start();

  const buildContext = async ({ req, res }: { req: Request; res: Response }): Promise<Context> => {
    const requestId = res.locals.requestId as string;
    const { token, resumed } = await sessionFromRequest(dataSource, req);
    return {
      requestId,
      viewer: resumed?.user ?? null,
      session: resumed?.session ?? null,
      sessionToken: resumed ? token : null,
      ip: clientIp(req),
      userAgent: req.get('user-agent') ?? null,
      loaders: new Loaders(dataSource),
      dataSource,
      config,
      mail,
      afterCommit,
      log: log.child({ requestId, userId: resumed?.user.id }),
      response: res,
      live: hub,
      publicMemo,
    };
  };

  // GraphQL answers are POSTed, never revalidated (the anonymous cache sets an ETag of its own):
  // an app of their own spares each answer Express's ETag, a SHA-1 of the whole body.
  const graphql = express();
  graphql.disable('x-powered-by');
  graphql.disable('etag');
  graphql.use(
    ...(replica ? [readScopeMiddleware()] : []),
    express.json({ limit: '1mb' }),
    ...(anonymousCache ? [anonymousCache.middleware()] : []),
    expressMiddleware(apollo, { context: buildContext }),
  );
  app.use('/graphql', graphql);

  // The built web app, with the SPA's index.html for client-side routes.
  const index = path.join(config.webDist, 'index.html');
  if (fs.existsSync(index)) {
    // Vite names the files under /assets by their content hash: they never change.
    // The build writes brotli and gzip copies beside each file (vite.config.ts): sent as they are.
    app.use(
      '/assets',
      expressStaticGzip(path.join(config.webDist, 'assets'), {
        enableBrotli: true,
        orderPreference: ['br', 'gzip'],
        index: false,
        serveStatic: { immutable: true, maxAge: '1y' },
      }),
    );
    app.use(express.static(config.webDist, { index: false, maxAge: '1h' }));
    // /markt and /projekte come with their first answers (first-view.ts).
    const firstView = firstViewPages({
      webDist: config.webDist,
      // Beside dist/, which is published: web/scripts/serverEntry.ts.
      serverEntryFile: path.join(config.webDist, '..', 'dist-server', 'entry-server.cjs'),
      apollo,
      contextFor: (req, res) => buildContext({ req, res }),
      log,
      waitMs: () => config.firstViewWaitMs,
      anonymousCache,
    });
    // Their queries read from the replica as /graphql's do (the session lookup stays on the primary).
    if (firstView)
      app.get(firstView.paths, ...(replica ? [readScopeMiddleware()] : []), ...firstView.handlers);
    app.get(/^(?!\/(graphql|healthz|readyz|oparl|api)(\/|$)).*/, (req, res, next) => {
      if (req.method !== 'GET' || !req.accepts('html')) return next();
      res.setHeader('cache-control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    log.warn({ webDist: config.webDist }, 'web app not built: only the API is served');
  }
  app.use(notFoundAsJson);
  app.use(errorsAsJson(log));

  return {
    server,
    mail,
    mailer,
    afterCommit,
    publicMemo,
    async startJobs(options = {}) {
      if (jobs) return jobs;
      jobs = await startJobRunner({
        connectionString: connectionUrlOf(dataSource),
        tasks: taskList({ dataSource, config, mailer, log }),
        crontab,
        log,
        ...options,
      });
      return jobs;
    },
    async stop() {
      await subscriptions.stop();
      await apollo.stop();
      await hub.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      await mail.idle();
      await afterCommit.idle();
      await jobs?.stop();
      mailer.close();
    },
  };
}
