import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';
import { socketState } from './socketState';

/** graphql-ws closes with this when the socket's session ended: sign in again, do not retry. */
const SESSION_ENDED = 4403;

/**
 * The WebSocket link for subscriptions (GraphQL over WebSocket on the same origin's /graphql; the
 * session cookie goes along with the upgrade). Connects on the first subscription and closes
 * when none is left; reconnects with a growing delay, and the subscriptions start again from the
 * cursor they were given, so nothing in between is lost (the page drops what it already has).
 */
export function createWsLink(): GraphQLWsLink {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new GraphQLWsLink(
    createClient({
      url: url.toString(),
      lazy: true,
      retryAttempts: Number.POSITIVE_INFINITY,
      shouldRetry: (event) => (event as CloseEvent | undefined)?.code !== SESSION_ENDED,
      on: {
        connected: () => socketState.set(true),
        closed: () => socketState.set(false),
      },
    }),
  );
}
