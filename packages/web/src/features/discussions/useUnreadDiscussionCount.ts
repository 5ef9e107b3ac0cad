import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { graphql } from '../../gql';
import { UnreadNotificationCountQuery } from '../notifications/useUnreadNotificationCount';

export const UnreadDiscussionCountQuery = graphql(`
  query UnreadDiscussionCount {
    discussionUnreadThreadCount
  }
`);

/**
 * Threads the viewer may read with posts they have not read, for the navigation's badge: asked on
 * every navigation and whenever the live bell's count changes (a post in a followed thread, a
 * mention), and set from the answer of marking a thread read (ThreadPage), so reading a thread
 * lowers it at once. Counting every readable thread for every post of the network live would cost
 * a count per subscriber and post; these moments cover what the viewer follows.
 */
export function useUnreadDiscussionCount(enabled: boolean): number {
  const { pathname } = useLocation();
  const { data, refetch } = useQuery(UnreadDiscussionCountQuery, {
    skip: !enabled,
    fetchPolicy: 'cache-and-network',
  });
  // The bell's count as the cache has it (kept live by the bell): no request of its own.
  const bell = useQuery(UnreadNotificationCountQuery, { skip: !enabled, fetchPolicy: 'cache-only' });
  const bellCount = bell.data?.unreadNotificationCount;
  useEffect(() => {
    if (enabled && pathname) void refetch().catch(() => undefined);
  }, [enabled, pathname, refetch]);
  const lastBellCount = useRef(bellCount);
  useEffect(() => {
    if (!enabled || bellCount === undefined || bellCount === lastBellCount.current) return;
    lastBellCount.current = bellCount;
    void refetch().catch(() => undefined);
  }, [enabled, bellCount, refetch]);
  return data?.discussionUnreadThreadCount ?? 0;
}
