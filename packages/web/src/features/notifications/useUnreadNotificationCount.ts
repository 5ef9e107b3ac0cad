import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { graphql } from '../../gql';

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** How often the count is asked for while the page stays open (ms). */
const REFRESH_INTERVAL = 60_000;

/**
 * The viewer's unread notifications, for the bell: asked on every navigation and once a minute.
 * The one place that knows where the count comes from (a live subscription can replace the polling here).
 */
export function useUnreadNotificationCount(enabled: boolean): number {
  const { pathname } = useLocation();
  const { data, refetch } = useQuery(UnreadNotificationCountQuery, {
    skip: !enabled,
    pollInterval: REFRESH_INTERVAL,
    fetchPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (enabled && pathname) void refetch().catch(() => undefined);
  }, [enabled, pathname, refetch]);
  return data?.unreadNotificationCount ?? 0;
}
