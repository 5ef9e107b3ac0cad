import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { graphql } from '../../gql';

export const UnreadDiscussionCountQuery = graphql(`
  query UnreadDiscussionCount {
    discussionUnreadThreadCount
  }
`);

/**
 * Threads the viewer may read with posts they have not read, for the navigation's badge: asked on
 * every navigation, and set from the answer of marking a thread read (ThreadPage), so reading a
 * thread lowers it at once.
 */
export function useUnreadDiscussionCount(enabled: boolean): number {
  const { pathname } = useLocation();
  const { data, refetch } = useQuery(UnreadDiscussionCountQuery, {
    skip: !enabled,
    fetchPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (enabled && pathname) void refetch().catch(() => undefined);
  }, [enabled, pathname, refetch]);
  return data?.discussionUnreadThreadCount ?? 0;
}
