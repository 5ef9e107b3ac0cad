import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { PostItem_PostFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useFormErrors } from '../../ui/useFormErrors';
import { postAnchor } from './discussionPaths';
import { PostEditor } from './PostEditor';
import { PostHtml } from './PostHtml';
import { useReason } from './ReasonDialog';

export const PostItemFragment = graphql(`
  fragment PostItem_post on DiscussionPost {
    id
    number
    createdAt
    editedAt
    deleted
    hidden
    hiddenReason
    bodyHtml
    body
    author {
      displayName
      municipalityName
    }
    replyTo {
      postId
      number
      excerpt
      author {
        displayName
      }
    }
    revisions {
      id
      writtenAt
      replacedAt
      bodyHtml
    }
    viewerCan {
      edit
      delete
      hide
    }
  }
`);

const EditPostMutation = graphql(`
  mutation EditPost($input: EditPostInput!) {
    editPost(input: $input) {
      post {
        ...PostItem_post
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const DeletePostMutation = graphql(`
  mutation DeletePost($input: PostIdInput!) {
    deletePost(input: $input) {
      post {
        ...PostItem_post
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SetPostHiddenMutation = graphql(`
  mutation SetPostHidden($input: SetPostHiddenInput!) {
    setPostHidden(input: $input) {
      post {
        ...PostItem_post
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface PostItemProps {
  post: PostItem_PostFragment;
  /** The thread takes replies from the viewer. */
  canReply: boolean;
  onReply: (post: { id: string; number: number; authorName: string }) => void;
}

/** One post: author, time, the quoted post it answers, its text, its edit history and its actions. */
export function PostItem({ post, canReply, onReply }: PostItemProps) {
  const t = useT();
  const { locale } = useLocale();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [editPost, editState] = useMutation(EditPostMutation);
  const [deletePost] = useMutation(DeletePostMutation);
  const [setHidden] = useMutation(SetPostHiddenMutation);
  const { confirm, dialog: confirmDialog } = useConfirm();
  const { askReason, dialog: reasonDialog } = useReason();
  const editorId = `post-${post.number}-edit`;
  const errors = useFormErrors({ body: editorId }, 'discussions');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (
      !errors.check(
        draft.trim()
          ? { fields: {}, form: [] }
          : { fields: { body: (tr) => tr('discussions.editor.empty') }, form: [] },
      )
    )
      return;
    try {
      const result = await editPost({ variables: { input: { postId: post.id, body: draft } } });
      const userErrors = result.data?.editPost.userErrors ?? [];
      if (userErrors.length) errors.showUserErrors(userErrors);
      else setEditing(false);
    } catch (error) {
      errors.showRequestError(error);
    }
  };

  const remove = async () => {
    const confirmed = await confirm({
      title: t('discussions.post.deleteTitle', { number: post.number }),
      consequence: t('discussions.post.deleteConsequence'),
      confirmLabel: t('discussions.post.delete'),
    });
    if (confirmed) await deletePost({ variables: { input: { postId: post.id } } });
  };

  const toggleHidden = async () => {
    const reason = await askReason({
      title: t(post.hidden ? 'discussions.post.unhideTitle' : 'discussions.post.hideTitle', {
        number: post.number,
      }),
      confirmLabel: t(post.hidden ? 'discussions.post.unhide' : 'discussions.post.hide'),
    });
    if (reason) await setHidden({ variables: { input: { postId: post.id, hidden: !post.hidden, reason } } });
  };

  const headingId = `${postAnchor(post.number)}-heading`;
  return (
    <li className="hub-post" id={postAnchor(post.number)} aria-labelledby={headingId} tabIndex={-1}>
      <header className="hub-post__header">
        <h3 className="kern-title kern-title--small" id={headingId}>
          <span className="hub-post__author">{post.author.displayName}</span>
          {post.author.municipalityName ? (
            <span className="hub-post__municipality"> ({post.author.municipalityName})</span>
          ) : null}
        </h3>
        <p className="kern-body kern-body--small hub-post__meta">
          <span>{t('discussions.post.number', { number: post.number })}</span>
          <time dateTime={post.createdAt}>{formatDateTime(post.createdAt, locale)}</time>
          {post.editedAt ? (
            <span>{t('discussions.post.edited', { when: formatDateTime(post.editedAt, locale) })}</span>
          ) : null}
        </p>
      </header>
      {post.replyTo ? (
        <blockquote className="hub-post__quote">
          <p className="kern-body kern-body--small">
            <a href={`#${postAnchor(post.replyTo.number)}`}>
              {t('discussions.post.inReplyTo', {
                number: post.replyTo.number,
                name: post.replyTo.author.displayName,
              })}
            </a>
          </p>
          <p className="kern-body kern-body--small">
            {post.replyTo.excerpt ?? t('discussions.post.quoteGone')}
          </p>
        </blockquote>
      ) : null}
      {post.deleted ? <p className="kern-body hub-post__gone">{t('discussions.post.deleted')}</p> : null}
      {post.hidden ? (
        <p className="kern-body hub-post__gone">
          {t('discussions.post.hidden', { reason: post.hiddenReason ?? '' })}
        </p>
      ) : null}
      {editing ? (
        <form onSubmit={save} className="hub-post__edit" noValidate>
          <ErrorSummary {...errors.summary} />
          <PostEditor
            id={editorId}
            label={t('discussions.post.editLabel', { number: post.number })}
            value={draft}
            onChange={(value) => {
              setDraft(value);
              errors.fieldChanged('body');
            }}
            error={errors.errorOf('body')}
            autoFocus
          />
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--primary" disabled={editState.loading}>
              <span className="kern-label">{t('discussions.post.save')}</span>
            </button>
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => setEditing(false)}>
              <span className="kern-label">{t('common.cancel')}</span>
            </button>
          </div>
        </form>
      ) : post.bodyHtml ? (
        <PostHtml html={post.bodyHtml} />
      ) : null}
      {post.revisions.length > 0 ? (
        <details className="hub-post__history">
          <summary>{t('discussions.post.history', { count: post.revisions.length })}</summary>
          <ol>
            {post.revisions.map((revision) => (
              <li key={revision.id}>
                <p className="kern-body kern-body--small">
                  {t('discussions.post.versionOf', { when: formatDateTime(revision.writtenAt, locale) })}
                </p>
                <PostHtml html={revision.bodyHtml} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {!editing ? (
        <div className="hub-post__actions">
          {canReply && !post.deleted ? (
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() =>
                onReply({ id: post.id, number: post.number, authorName: post.author.displayName })
              }
            >
              <span className="kern-label">{t('discussions.post.reply', { number: post.number })}</span>
            </button>
          ) : null}
          {post.viewerCan.edit ? (
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => {
                setDraft(post.body ?? '');
                setEditing(true);
              }}
            >
              <span className="kern-label">{t('discussions.post.edit', { number: post.number })}</span>
            </button>
          ) : null}
          {post.viewerCan.delete ? (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={remove}>
              <span className="kern-label">
                {t('discussions.post.deleteNumbered', { number: post.number })}
              </span>
            </button>
          ) : null}
          {post.viewerCan.hide && !post.deleted ? (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={toggleHidden}>
              <span className="kern-label">
                {t(post.hidden ? 'discussions.post.unhideNumbered' : 'discussions.post.hideNumbered', {
                  number: post.number,
                })}
              </span>
            </button>
          ) : null}
        </div>
      ) : null}
      {confirmDialog}
      {reasonDialog}
    </li>
  );
}
