import { useMutation } from '@apollo/client/react';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { graphql } from '../../gql';
import type { PostItem_PostFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useFormErrors } from '../../ui/useFormErrors';
import { PostEditor } from './PostEditor';

export const ReplyToThreadMutation = graphql(`
  mutation ReplyToThread($input: ReplyInput!) {
    replyToThread(input: $input) {
      post {
        id
        number
        ...PostItem_post
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The post a reply answers, as the form names it. */
export interface ReplyTarget {
  id: string;
  number: number;
  authorName: string;
}

const BODY_ID = 'reply-body';

/** The reply at the end of a thread, optionally answering one post (quoted above the reply). */
export function ReplyForm({
  threadId,
  target,
  onClearTarget,
  onPosted,
}: {
  threadId: string;
  target: ReplyTarget | null;
  onClearTarget: () => void;
  onPosted: (post: PostItem_PostFragment) => void;
}) {
  const t = useT();
  const [body, setBody] = useState('');
  const [reply, { loading }] = useMutation(ReplyToThreadMutation);
  const errors = useFormErrors({ body: BODY_ID }, 'discussions');
  const headingRef = useRef<HTMLHeadingElement>(null);

  // Choosing "Antworten" on a post brings the focus here, to the text.
  useEffect(() => {
    if (target) document.getElementById(BODY_ID)?.focus();
  }, [target]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      !errors.check(
        body.trim()
          ? { fields: {}, form: [] }
          : { fields: { body: (tr) => tr('discussions.editor.empty') }, form: [] },
      )
    )
      return;
    try {
      const result = await reply({
        variables: { input: { threadId, body, replyToPostId: target?.id ?? null } },
      });
      const payload = result.data?.replyToThread;
      if (payload?.userErrors.length) errors.showUserErrors(payload.userErrors);
      else if (payload?.post) {
        setBody('');
        onPosted(payload.post);
      }
    } catch (error) {
      errors.showRequestError(error);
    }
  };

  return (
    <section aria-labelledby="reply-heading" className="hub-reply">
      <h2 className="kern-heading-small" id="reply-heading" ref={headingRef}>
        {t('discussions.reply.heading')}
      </h2>
      <form onSubmit={submit} noValidate>
        <ErrorSummary {...errors.summary} />
        {target ? (
          <p className="kern-body hub-reply__target">
            {t('discussions.reply.to', { number: target.number, name: target.authorName })}{' '}
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={onClearTarget}>
              <span className="kern-label">{t('discussions.reply.clearTarget')}</span>
            </button>
          </p>
        ) : null}
        <PostEditor
          id={BODY_ID}
          label={t('discussions.reply.label')}
          value={body}
          onChange={(value) => {
            setBody(value);
            errors.fieldChanged('body');
          }}
          error={errors.errorOf('body')}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
            <span className="kern-label">{t('discussions.reply.submit')}</span>
          </button>
        </div>
      </form>
    </section>
  );
}
