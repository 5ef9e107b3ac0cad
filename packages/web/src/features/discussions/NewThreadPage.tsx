import { useMutation, useQuery } from '@apollo/client/react';
import { discussionLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { discussionPaths } from './discussionPaths';
import { PostEditor } from './PostEditor';
import './discussions.css';

export const NewThreadPageQuery = graphql(`
  query NewThreadPage($subjectId: ID!) {
    subjectDiscussions(subjectId: $subjectId) {
      viewerCanStartThread
      ref {
        id
        type
        title
      }
    }
  }
`);

export const StartThreadMutation = graphql(`
  mutation StartThread($input: StartThreadInput!) {
    startThread(input: $input) {
      thread {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const FIELDS = { title: 'thread-title', body: 'thread-body' } as const;

/** Starts a thread on a project, working group, meeting or forum category. */
export function NewThreadPage() {
  const t = useT();
  const navigate = useNavigate();
  const { subjectId = '' } = useParams();
  const { data, loading } = useQuery(NewThreadPageQuery, { variables: { subjectId } });
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [start, started] = useMutation(StartThreadMutation);
  const errors = useFormErrors(FIELDS, 'discussions');

  if (loading && !data) return <LoadingIndicator />;
  const subject = data?.subjectDiscussions;
  if (!subject?.viewerCanStartThread)
    return (
      <Page title={t('discussions.new.title')}>
        <p className="kern-body">{t('discussions.new.notAllowed')}</p>
      </Page>
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      fields: {
        ...(title.trim().length < discussionLimits.title.minLength
          ? {
              title: (tr: typeof t) =>
                tr('discussions.new.titleTooShort', { min: discussionLimits.title.minLength }),
            }
          : {}),
        ...(body.trim() ? {} : { body: (tr: typeof t) => tr('discussions.editor.empty') }),
      },
      form: [],
    };
    if (!errors.check(found)) return;
    try {
      const result = await start({ variables: { input: { subjectId, title, body } } });
      const payload = result.data?.startThread;
      if (payload?.userErrors.length) errors.showUserErrors(payload.userErrors);
      else if (payload?.thread) navigate(discussionPaths.thread(payload.thread.id));
    } catch (error) {
      errors.showRequestError(error);
    }
  };

  return (
    <Page title={t('discussions.new.title')}>
      <p className="kern-body">
        {t(`discussions.subjectType.${subject.ref.type}`)}: {subject.ref.title}
      </p>
      <form onSubmit={submit} noValidate className="hub-new-thread">
        <ErrorSummary {...errors.summary} />
        <TextField
          id={FIELDS.title}
          label={t('discussions.new.titleLabel')}
          value={title}
          onChange={(value) => {
            setTitle(value);
            errors.fieldChanged('title');
          }}
          error={errors.errorOf('title')}
          required
        />
        <PostEditor
          id={FIELDS.body}
          label={t('discussions.new.bodyLabel')}
          value={body}
          onChange={(value) => {
            setBody(value);
            errors.fieldChanged('body');
          }}
          error={errors.errorOf('body')}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={started.loading}>
            <span className="kern-label">{t('discussions.new.submit')}</span>
          </button>
        </div>
      </form>
    </Page>
  );
}
