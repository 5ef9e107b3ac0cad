import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { ErrorCode } from '@hub/shared';
import type { ExecutionArgs, GraphQLSchema } from 'graphql';
import { GraphQLError, getOperationAST, parse, specifiedRules, validate } from 'graphql';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { Config } from '../config';
import type { Context } from '../graphql/context';
import { QUERY_LIMITS, queryLimitRules } from '../graphql/limits';
import { Loaders } from '../graphql/loaders';
import type { AfterCommitJobs } from '../jobs/after-commit';
import type { Logger } from '../logger';
import type { Session } from '../modules/auth/session.entity';
import { readCookie, resumeSession, SESSION_COOKIE } from '../modules/auth/session.service';
import type { MailDelivery } from '../modules/mail/mail-delivery';
import type { User } from '../modules/users/user.entity';
import type { LiveHub } from './live-hub';

export interface SubscriptionServerOptions {
  server: http.Server;
  schema: GraphQLSchema;
  dataSource: DataSource;
  config: Config;
  mail: MailDelivery;
  log: Logger;
  hub: LiveHub;
  afterCommit: AfterCommitJobs;
  /** How often sessions of open sockets are checked for their end by time (expiry, idleness). */
  sessionCheckMs?: number;
}

type SocketExtra = {
  viewer?: User;
  session?: Session;
  ip?: string;
};

/** Sent when the socket's session ends: the client must sign in again (graphql-ws does not retry it). */
export const SESSION_ENDED = { code: CloseCode.Forbidden, reason: 'Session ended' };

/**
 * GraphQL over WebSocket (the graphql-ws protocol) on the API's HTTP server at `/graphql`.
 * The session cookie of the upgrade request authenticates the socket (no session, no socket);
 * a page of another site cannot open one with the visitor's cookie (the Origin must be the hub's).
 * Only subscriptions are served (queries and mutations go over HTTP, with their limits), under
 * the same query limits. A socket is closed as soon as its session ends: on sign-out or
 * deactivation at once (the session table's trigger notifies), on expiry at the next check.
 */
export function startSubscriptionServer(options: SubscriptionServerOptions): { stop(): Promise<void> } {
  const { server, schema, dataSource, config, mail, log, hub, afterCommit } = options;
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const socketsBySession = new Map<string, Set<WebSocket>>();

  const closeSession = (sessionId: string) => {
    for (const socket of socketsBySession.get(sessionId) ?? [])
      socket.close(SESSION_ENDED.code, SESSION_ENDED.reason);
    socketsBySession.delete(sessionId);
  };
  const stopSessionEnds = hub.onSessionEnd(closeSession);

  // Ends by time are no event: check the open sockets' sessions now and then (one statement),
  // and keep them alive while their socket is open, as requests would.
  const sessionCheck = setInterval(async () => {
    const ids = [...socketsBySession.keys()];
    if (!ids.length) return;
    try {
      const rows: { id: string }[] = await dataSource
        .query(
          `UPDATE session s SET last_seen_at = now() FROM app_user u
          WHERE s.id = ANY($1::text[]) AND u.id = s.user_id AND u.status = 'ACTIVE' AND s.expires_at > now()
          RETURNING s.id`,
          [ids],
        )
        .then((result: [{ id: string }[], number]) => result[0]);
      const live = new Set(rows.map((row) => row.id));
      for (const id of ids) if (!live.has(id)) closeSession(id);
    } catch (error) {
      log.warn({ err: error }, 'session check of live sockets failed');
    }
  }, options.sessionCheckMs ?? 30_000);
  sessionCheck.unref();

  const allowedOrigin = new URL(config.publicUrl).origin;

  const disposable = useServer<Record<string, unknown>, SocketExtra>(
    {
      onConnect: async (ctx) => {
        const { request, socket } = ctx.extra;
        const origin = request.headers.origin;
        const host = request.headers.host;
        // Browsers always send Origin; other clients (tests, tools) may not, and carry no visitor's cookie.
        if (origin && origin !== allowedOrigin && new URL(origin).host !== host) return false;
        const token = readCookie(request.headers.cookie, SESSION_COOKIE);
        const resumed = token ? await resumeSession(dataSource, token) : null;
        if (!resumed) return false;
        ctx.extra.viewer = resumed.user;
        ctx.extra.session = resumed.session;
        ctx.extra.ip = request.socket.remoteAddress ?? 'unknown';
        let sockets = socketsBySession.get(resumed.session.id);
        if (!sockets) {
          sockets = new Set();
          socketsBySession.set(resumed.session.id, sockets);
        }
        sockets.add(socket);
        return true;
      },
      onClose: (ctx) => {
        const sessionId = ctx.extra.session?.id;
        const sockets = sessionId ? socketsBySession.get(sessionId) : undefined;
        sockets?.delete(ctx.extra.socket);
        if (sessionId && sockets?.size === 0) socketsBySession.delete(sessionId);
      },
      onSubscribe: (ctx, _id, payload): ExecutionArgs | readonly GraphQLError[] => {
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query, { maxTokens: QUERY_LIMITS.tokens });
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query cannot be parsed.')];
        }
        const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules]);
        if (errors.length) return errors;
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription')
          return [
            new GraphQLError(
              'Only subscriptions are served over WebSocket; send queries and mutations over HTTP.',
              {
                extensions: { code: ErrorCode.BAD_USER_INPUT },
              },
            ),
          ];
        const requestId = randomUUID();
        const contextValue: Context = {
          requestId,
          viewer: ctx.extra.viewer ?? null,
          session: ctx.extra.session ?? null,
          sessionToken: null,
          ip: ctx.extra.ip ?? 'unknown',
          loaders: new Loaders(dataSource),
          dataSource,
          config,
          mail,
          log: log.child({ requestId, userId: ctx.extra.viewer?.id }),
          response: null,
          live: hub,
          afterCommit,
        };
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
    },
    wss,
  );

  return {
    async stop() {
      clearInterval(sessionCheck);
      stopSessionEnds();
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
