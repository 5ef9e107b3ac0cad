import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { ReadReplica } from '../db/read-replica';
import { formatLsn, parseLsn, WRITTEN_AT_COOKIE, withReadScope } from '../db/read-replica';
import type { Context } from '../graphql/context';
import { readCookie } from '../modules/auth/session.service';

/**
 * Puts each GraphQL request into a read scope carrying the WAL position the client last wrote at
 * (its cookie); until the operation is known, everything (the session lookup) reads the primary.
 */
export function readScopeMiddleware(): RequestHandler {
  return (req, _res, next) =>
    withReadScope(parseLsn(readCookie(req.headers.cookie, WRITTEN_AT_COOKIE)), next);
}

/**
 * A query operation reads from the replica when the replica may answer it; after a mutation the
 * client gets the primary's WAL position, so that its following reads see what it wrote.
 */
export function readReplicaPlugin(replica: ReadReplica, maxLagSeconds: number): ApolloServerPlugin<Context> {
  // Once the replica is at most the allowed lag behind, it has every write older than that.
  const cookieMaxAgeMs = Math.max(60, 2 * maxLagSeconds) * 1000;
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'query') replica.useForThisQuery();
        },
        async willSendResponse({ operation }) {
          if (operation?.operation !== 'mutation' || !contextValue.response) return;
          try {
            const position = await replica.writePosition();
            contextValue.response.cookie(WRITTEN_AT_COOKIE, formatLsn(position), {
              httpOnly: true,
              sameSite: 'lax',
              secure: contextValue.config.secureCookies,
              path: '/',
              maxAge: cookieMaxAgeMs,
            });
          } catch (error) {
            contextValue.log.error(
              { err: error },
              'could not read the primary WAL position after a mutation',
            );
          }
        },
      };
    },
  };
}
