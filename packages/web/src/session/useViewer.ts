import { useQuery } from '@apollo/client/react';
import type { SessionViewerFragment } from '../gql/graphql';
import { SessionQuery } from './session';

export type Viewer = SessionViewerFragment;

/** The signed-in person (null when nobody is), read once and then from the cache. */
export function useViewer() {
  const { data, loading, error, refetch } = useQuery(SessionQuery);
  return { viewer: data?.viewer ?? null, loading: loading && !data, error, refetch };
}

/** Where the viewer works: their municipality, or the organisation of a coordinator or ministry member. */
export function viewerAffiliation(viewer: Viewer): string | null {
  return viewer.municipality?.name ?? viewer.organisation ?? null;
}
