import type { ApolloCache } from '@apollo/client';
import { graphql } from '../gql';
import type { SessionViewerFragment } from '../gql/graphql';

/** What the shell needs to know about the signed-in person; sign-in mutations select it too. */
export const SessionViewer = graphql(`
  fragment SessionViewer on User {
    id
    name
    email
    role
    locale
    position
    organisation
    canReadAuditTrail
    municipality {
      id
      name
    }
  }
`);

export const SessionQuery = graphql(`
  query Session {
    viewer {
      ...SessionViewer
    }
  }
`);

/** Answers of the API that depend on nothing but who is asking (`Query.viewerCan`, …). */
const viewerAnswers = ['viewerCan', 'searchKinds'] as const;

/**
 * Records who is signed in (or that nobody is), so every component reading the session updates,
 * and forgets what the previous viewer was allowed to do: screens ask the API again.
 */
export function writeSessionViewer(cache: ApolloCache, viewer: SessionViewerFragment | null): void {
  cache.writeQuery({ query: SessionQuery, data: { viewer } });
  for (const fieldName of viewerAnswers) cache.evict({ id: 'ROOT_QUERY', fieldName });
}
