import { useApolloClient, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { graphql } from '../../gql';
import { useLiveAnswers } from '../../live/useLiveAnswers';

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const UnreadNotificationCountChanged = graphql(`
  subscription UnreadNotificationCountChanged {
    unreadNotificationCountChanged
  }
`);

/** How often the count is asked for while the live socket is down (ms). */
const FALLBACK_REFRESH_INTERVAL = 60_000;

/**
 * The socket opens this long after the page (ms): the first load fetches the page's own code
 * first, and the query has the count meanwhile.
 */
const LIVE_START_DELAY = 1500;

/**
 * The viewer's unread notifications, for the bell: live over the WebSocket (the API sends the
 * count at once and whenever it changes, from any API process); while the socket is down, asked on
 * every navigation and once a minute instead. The count lives in the cache under the query, so
 * mutations that answer it (mark read) update the bell too.
 */
export function useUnreadNotificationCount(enabled: boolean): number {
  const { pathname } = useLocation();
  const client = useApolloClient();
  // Live only once the subscription has answered on an open socket: until then, and after it
  // dropped, the query keeps the count current.
  const { live, answered, dropped } = useLiveAnswers();
  const [liveStarted, setLiveStarted] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLiveStarted(true), LIVE_START_DELAY);
    return () => clearTimeout(timer);
  }, []);
  useSubscription(UnreadNotificationCountChanged, {
    skip: !enabled || !liveStarted,
    onData: ({ data }) => {
      const count = data.data?.unreadNotificationCountChanged;
      if (count === undefined) return;
      client.cache.writeQuery({
        query: UnreadNotificationCountQuery,
        data: { unreadNotificationCount: count },
      });
      answered();
    },
    onError: dropped,
  });
  const { data, refetch } = useQuery(UnreadNotificationCountQuery, {
    skip: !enabled,
    pollInterval: live ? 0 : FALLBACK_REFRESH_INTERVAL,
    fetchPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (enabled && !live && pathname) void refetch().catch(() => undefined);
  }, [enabled, live, pathname, refetch]);
  return data?.unreadNotificationCount ?? 0;
}
