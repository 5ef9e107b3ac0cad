import type { ApolloCache, Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { MarkNotificationsReadInput } from '../../gql/graphql';
import { UnreadNotificationCountQuery } from './useUnreadNotificationCount';

const MarkNotificationsRead = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
      readAt
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The cache IDs of every notification any cached page of the inbox holds (for "mark all read"). */
function cachedNotificationIds(cache: ApolloCache): string[] {
  const ids: string[] = [];
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      notifications(connection, { readField }) {
        const edges = (readField<{ node: Reference }[]>('edges', connection) ?? []) as { node: Reference }[];
        for (const edge of edges) ids.push(edge.node.__ref);
        return connection;
      },
    },
  });
  return ids;
}

/**
 * Marks notifications read (some by ID, or all) and updates the cache from the answer: the
 * bell's count, and the read mark of every cached entry the call marked. No list is asked again.
 */
export function useMarkNotificationsRead() {
  const [markRead, state] = useMutation(MarkNotificationsRead, {
    update(cache, { data }, { variables }) {
      const payload = data?.markNotificationsRead;
      if (!payload || payload.userErrors.length || !payload.readAt) return;
      cache.writeQuery({
        query: UnreadNotificationCountQuery,
        data: { unreadNotificationCount: payload.unreadCount },
      });
      const input = variables?.input;
      const marked = input?.all
        ? cachedNotificationIds(cache)
        : (input?.ids ?? []).map((id) => cache.identify({ __typename: 'Notification', id }));
      for (const id of marked) {
        if (!id) continue;
        // A notification read earlier keeps the moment it was read.
        cache.modify({ id, fields: { readAt: (readAt) => readAt ?? payload.readAt } });
      }
    },
  });
  const mark = (input: MarkNotificationsReadInput) => markRead({ variables: { input } });
  return [mark, state] as const;
}
