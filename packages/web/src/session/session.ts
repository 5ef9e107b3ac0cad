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

/** Records who is signed in (or that nobody is), so every component reading the session updates. */
export function writeSessionViewer(cache: ApolloCache, viewer: SessionViewerFragment | null): void {
  cache.writeQuery({ query: SessionQuery, data: { viewer } });
}
