import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type TypePolicies } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { getMainDefinition } from '@apollo/client/utilities';
import { ErrorCode } from '@hub/shared';
import { OperationTypeNode } from 'graphql';
import { readFirstViewAnswers, writeAnswers } from './firstView';
import { LazyWsLink } from './live/lazyWsLink';
import { writeSessionViewer } from './session/session';

/**
 * Objects without an id that belong to one entity (what the viewer may do with it, its figures):
 * a mutation's answer that selects some of their fields is merged into what the cache holds,
 * instead of replacing it and losing the fields other screens selected.
 */
const objectsOfTheirEntity = [
  'ActionItemPermissions',
  'MeetingPermissions',
  'MembershipPermissions',
  'MunicipalityPermissions',
  'ProjectPermissions',
  'UserPermissions',
  'ViewerPermissions',
  'WorkingGroupPermissions',
  'MeetingParticipation',
  'ProjectSolution',
  'CostSummary',
] as const;

const typePolicies: TypePolicies = Object.fromEntries(
  objectsOfTheirEntity.map((type) => [type, { merge: true }]),
);

/** How long after start answers embedded in the page count as fresh. */
const FIRST_VIEW_FRESH_MS = 2000;

/** The app's cache: the browser's, and the server's for rendering a first view (entry-server.tsx). */
export const createCache = (options: { resultCaching?: boolean } = {}) =>
  new InMemoryCache({ typePolicies, ...options });

/**
 * Creates the app's GraphQL client: same-origin requests with the session cookie and the header the
 * API requires on every request to rule out cross-site request forgery.
 */
export function createApolloClient(): ApolloClient {
  const cache = createCache();
  const answered = writeAnswers(cache, readFirstViewAnswers());

  const httpLink = new HttpLink({
    uri: '/graphql',
    credentials: 'same-origin',
    headers: { 'x-hub-csrf': '1' },
  });

  // When the session ends while the app is open (expiry, sign-out elsewhere), forget the viewer:
  // protected pages then send the person to the sign-in page and back afterwards.
  const sessionEndedLink = new ErrorLink(({ error }) => {
    if (!CombinedGraphQLErrors.is(error)) return;
    if (error.errors.some((graphQLError) => graphQLError.extensions?.code === ErrorCode.UNAUTHENTICATED)) {
      writeSessionViewer(cache, null);
    }
  });

  // Subscriptions go over a WebSocket (graphql-ws), everything else over HTTP.
  const transport = ApolloLink.split(
    ({ query }) => {
      const definition = getMainDefinition(query);
      return (
        definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION
      );
    },
    new LazyWsLink(),
    httpLink,
  );

  return new ApolloClient({
    cache,
    link: ApolloLink.from([sessionEndedLink, transport]),
    // The page's answers came with it (firstView.ts): its first render takes them from the cache
    // instead of asking again (cache-and-network queries too); later renders ask as usual.
    ssrForceFetchDelay: answered ? FIRST_VIEW_FRESH_MS : 0,
  });
}
