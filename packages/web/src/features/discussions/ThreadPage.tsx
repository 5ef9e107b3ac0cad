import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { PostItem_PostFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { FollowButton } from '../notifications/FollowButton';
import { postAnchor } from './discussionPaths';
import { PostItem } from './PostItem';
import { useReason } from './ReasonDialog';
import { ReplyForm, type ReplyTarget } from './ReplyForm';
import { subjectPath } from './subjectLinks';
import { UnreadDiscussionCountQuery } from './useUnreadDiscussionCount';
import './discussions.css';

const PAGE_SIZE = 50;

export const ThreadPageQuery = graphql(`
  query ThreadPage($id: ID!, $first: Int, $after: String, $fromNumber: Int) {
    discussionThread(id: $id) {
      id
      title
      subjectType
      subject {
        id
        type
        title
      }
      locked
      lockReason
      pinned
      postCount
      liveCursor
      unreadCount
      lastReadPostNumber
      firstUnreadPostNumber
      viewerCan {
        reply
        lock
        pin
      }
      posts(first: $first, after: $after, fromNumber: $fromNumber) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            number
            ...PostItem_post
          }
        }
      }
    }
  }
`);

export const ThreadActivitySubscription = graphql(`
  subscription ThreadActivity($threadId: ID!, $after: String) {
    threadActivity(threadId: $threadId, after: $after) {
      cursor
      thread {
        id
        locked
        lockReason
        pinned
        postCount
        viewerCan {
          reply
          lock
          pin
        }
      }
      post {
        id
        number
        ...PostItem_post
      }
    }
  }
`);

const MarkThreadReadMutation = graphql(`
  mutation MarkThreadRead($input: MarkThreadReadInput!) {
    markThreadRead(input: $input) {
      thread {
        id
        unreadCount
        lastReadPostNumber
        firstUnreadPostNumber
      }
      unreadThreadCount
    }
  }
`);

const SetThreadLockedMutation = graphql(`
  mutation SetThreadLocked($input: SetThreadLockedInput!) {
    setThreadLocked(input: $input) {
      thread {
        id
        locked
        lockReason
        viewerCan {
          reply
          lock
          pin
        }
      }
    }
  }
`);

const SetThreadPinnedMutation = graphql(`
  mutation SetThreadPinned($input: SetThreadPinnedInput!) {
    setThreadPinned(input: $input) {
      thread {
        id
        pinned
      }
    }
  }
`);

type LivePost = PostItem_PostFragment;

/** The number in `#beitrag-12`, if the address points at a post. */
function postNumberInHash(hash: string): number | null {
  const match = /^#beitrag-(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
}

/**
 * A thread: its posts in order with quoted replies, a reply form, moderation for coordinators,
 * and new posts arriving live (announced politely to screen readers; the focus stays where it is).
 */
export function ThreadPage() {
  const t = useT();
  const { threadId = '' } = useParams();
  const location = useLocation();
  const [fromNumber, setFromNumber] = useState<number | null>(() => {
    const wanted = postNumberInHash(location.hash);
    return wanted && wanted > PAGE_SIZE ? wanted : null;
  });
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(ThreadPageQuery, {
    variables: { id: threadId, first: PAGE_SIZE, fromNumber },
    notifyOnNetworkStatusChange: true,
  });
  const thread = data?.discussionThread;
  const [livePosts, setLivePosts] = useState<LivePost[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [replyTarget, setReplyTarget] = useState<ReplyTarget | null>(null);
  const lastCursor = useRef<bigint>(0n);
  const shownIds = useRef(new Set<string>());
  for (const edge of thread?.posts.edges ?? []) shownIds.current.add(edge.node.id);
  const [markRead] = useMutation(MarkThreadReadMutation, {
    // The navigation's badge goes down as soon as the thread is read.
    update(cache, { data: result }) {
      const count = result?.markThreadRead.unreadThreadCount;
      if (count != null)
        cache.writeQuery({ query: UnreadDiscussionCountQuery, data: { discussionUnreadThreadCount: count } });
    },
  });
  const [setLocked] = useMutation(SetThreadLockedMutation);
  const [setPinned] = useMutation(SetThreadPinnedMutation);
  const { askReason, dialog } = useReason();

  // Live: from the cursor of the page's own read, so nothing between reading and subscribing is lost.
  const startCursor = thread?.liveCursor ?? null;
  useEffect(() => {
    if (startCursor) lastCursor.current = BigInt(startCursor);
    setLivePosts([]);
  }, [startCursor]);
  useSubscription(ThreadActivitySubscription, {
    variables: { threadId, after: startCursor },
    skip: !startCursor,
    onData: ({ data: activityData }) => {
      const activity = activityData.data?.threadActivity;
      if (!activity) return;
      const cursor = BigInt(activity.cursor);
      // After a reconnect the subscription starts again from the page's cursor: skip what is here.
      if (cursor <= lastCursor.current) return;
      lastCursor.current = cursor;
      const post = activity.post;
      // Edits, deletions and hidings of posts on the page update them through the cache.
      if (!post || shownIds.current.has(post.id)) return;
      shownIds.current.add(post.id);
      setLivePosts((current) => [...current, post]);
      setAnnouncement(t('discussions.live.newPost', { number: post.number, name: post.author.displayName }));
    },
  });

  // What is on the screen counts as read.
  const shownNumbers = [
    ...(thread?.posts.edges.map((edge) => edge.node.number) ?? []),
    ...livePosts.map((post) => post.number),
  ];
  const lastShown = shownNumbers.length ? Math.max(...shownNumbers) : 0;
  const lastRead = thread?.lastReadPostNumber ?? 0;
  useEffect(() => {
    if (thread && lastShown > lastRead)
      void markRead({ variables: { input: { threadId: thread.id, lastReadPostNumber: lastShown } } });
  }, [thread, lastShown, lastRead, markRead]);

  // A post named in the address (#beitrag-12) is scrolled to and focused once loaded.
  const wanted = postNumberInHash(location.hash);
  const scrolledTo = useRef<number | null>(null);
  useEffect(() => {
    if (!wanted || !thread || scrolledTo.current === wanted) return;
    const element = document.getElementById(postAnchor(wanted));
    if (element) {
      scrolledTo.current = wanted;
      element.focus();
      element.scrollIntoView({ block: 'start' });
    }
  }, [wanted, thread]);

  if (error && !thread)
    return (
      <Page title={t('discussions.thread.title')}>
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      </Page>
    );
  if (!data && networkStatus === NetworkStatus.loading) return <LoadingIndicator />;
  if (!thread)
    return (
      <Page title={t('discussions.thread.notFound')}>
        <p className="kern-body">{t('discussions.thread.notFoundText')}</p>
      </Page>
    );

  const moderate = async (kind: 'lock' | 'pin') => {
    const undo = kind === 'lock' ? thread.locked : thread.pinned;
    const labels = {
      lock: ['discussions.moderation.lockTitle', 'discussions.moderation.lock'],
      lockUndo: ['discussions.moderation.lockUndoTitle', 'discussions.moderation.lockUndo'],
      pin: ['discussions.moderation.pinTitle', 'discussions.moderation.pin'],
      pinUndo: ['discussions.moderation.pinUndoTitle', 'discussions.moderation.pinUndo'],
    } as const;
    const [title, confirmLabel] = labels[undo ? (`${kind}Undo` as const) : kind];
    const reason = await askReason({ title: t(title), confirmLabel: t(confirmLabel) });
    if (!reason) return;
    if (kind === 'lock')
      await setLocked({ variables: { input: { threadId: thread.id, locked: !undo, reason } } });
    else await setPinned({ variables: { input: { threadId: thread.id, pinned: !undo, reason } } });
  };

  const connection = thread.posts;
  const atEnd = !connection.pageInfo.hasNextPage;
  const subjectLink = thread.subject ? subjectPath(thread.subject.type, thread.subject.id) : null;
  const firstUnread = thread.firstUnreadPostNumber;
  return (
    <Page title={thread.title}>
      <p className="kern-body hub-thread__subject">
        {t(`discussions.subjectType.${thread.subjectType}`)}:{' '}
        {thread.subject && subjectLink ? (
          <Link to={subjectLink}>{thread.subject.title}</Link>
        ) : (
          (thread.subject?.title ?? '')
        )}
      </p>
      <FollowButton subjectId={thread.id} />
      <p className="hub-thread-item__badges">
        {thread.pinned ? (
          <span className="kern-badge kern-badge--info">{t('discussions.pinned')}</span>
        ) : null}
        {thread.locked ? (
          <span className="kern-badge kern-badge--warning">{t('discussions.locked')}</span>
        ) : null}
      </p>
      {thread.locked ? (
        <Alert variant="info" title={t('discussions.thread.lockedNotice')}>
          {thread.lockReason ? <p className="kern-body">{thread.lockReason}</p> : null}
        </Alert>
      ) : null}
      {thread.viewerCan.lock || thread.viewerCan.pin ? (
        <div className="hub-form__actions hub-thread__moderation">
          {thread.viewerCan.lock ? (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => moderate('lock')}>
              <span className="kern-label">
                {t(thread.locked ? 'discussions.moderation.lockUndo' : 'discussions.moderation.lock')}
              </span>
            </button>
          ) : null}
          {thread.viewerCan.pin ? (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => moderate('pin')}>
              <span className="kern-label">
                {t(thread.pinned ? 'discussions.moderation.pinUndo' : 'discussions.moderation.pin')}
              </span>
            </button>
          ) : null}
        </div>
      ) : null}
      {firstUnread ? (
        <p className="kern-body">
          <a
            href={`#${postAnchor(firstUnread)}`}
            onClick={() => {
              if (!connection.edges.some((edge) => edge.node.number === firstUnread))
                setFromNumber(firstUnread);
            }}
          >
            {t('discussions.thread.jumpToUnread', { count: thread.unreadCount })}
          </a>
        </p>
      ) : null}

      <section aria-labelledby="thread-posts">
        <h2 className="kern-heading-small" id="thread-posts">
          {t('discussions.thread.posts', { count: thread.postCount })}
        </h2>
        {fromNumber && fromNumber > 1 ? (
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => setFromNumber(null)}>
            <span className="kern-label">{t('discussions.thread.earlier')}</span>
          </button>
        ) : null}
        <ol className="hub-post-list">
          {connection.edges.map(({ node }) => (
            <PostItem key={node.id} post={node} canReply={thread.viewerCan.reply} onReply={setReplyTarget} />
          ))}
          {atEnd
            ? livePosts.map((post) => (
                <PostItem
                  key={post.id}
                  post={post}
                  canReply={thread.viewerCan.reply}
                  onReply={setReplyTarget}
                />
              ))
            : null}
        </ol>
        {!atEnd ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            disabled={networkStatus === NetworkStatus.fetchMore}
            onClick={() =>
              fetchMore({
                variables: { after: connection.pageInfo.endCursor },
                updateQuery: (previous, { fetchMoreResult }) =>
                  previous.discussionThread && fetchMoreResult.discussionThread
                    ? {
                        discussionThread: {
                          ...fetchMoreResult.discussionThread,
                          posts: {
                            ...fetchMoreResult.discussionThread.posts,
                            edges: [
                              ...previous.discussionThread.posts.edges,
                              ...fetchMoreResult.discussionThread.posts.edges,
                            ],
                          },
                        },
                      }
                    : previous,
              })
            }
          >
            <span className="kern-label">{t('discussions.thread.more')}</span>
          </button>
        ) : null}
      </section>
      <div className="kern-sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      {thread.viewerCan.reply ? (
        <ReplyForm
          threadId={thread.id}
          target={replyTarget}
          onClearTarget={() => setReplyTarget(null)}
          onPosted={(post) => {
            // Shown at once; its live copy, arriving a moment later, is then skipped.
            if (!shownIds.current.has(post.id)) {
              shownIds.current.add(post.id);
              setLivePosts((current) => [...current, post]);
            }
            setReplyTarget(null);
          }}
        />
      ) : (
        <p className="kern-body">{t('discussions.thread.noReply')}</p>
      )}
      {dialog}
    </Page>
  );
}
