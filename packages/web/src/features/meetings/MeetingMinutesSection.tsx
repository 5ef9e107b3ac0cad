import { useMutation } from '@apollo/client/react';
import { meetingLimits } from '@hub/shared';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { MeetingMinutesSection_MeetingFragment } from '../../gql/graphql';
import type { PlainMessageKey } from '../../i18n';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { type ConfirmRequest, useConfirm } from '../../ui/ConfirmDialog';
import { TextAreaField } from '../../ui/TextAreaField';
import { MinutesHtml } from './MinutesHtml';
import { MinutesRevisionOutcomes } from './MinutesRevisionOutcomes';
import { meetingErrorMessage } from './meetingErrors';
import { meetingPaths } from './meetingPaths';

export const MeetingMinutesSectionFragment = graphql(`
  fragment MeetingMinutesSection_meeting on Meeting {
    id
    title
    agendaItems {
      id
      title
    }
    minutes {
      id
      status
      revision
      body
      itemNotes {
        agendaItemId
        notes
      }
    }
    publishedMinutes {
      id
      revision
      html
      publishedAt
      itemNotes {
        agendaItemId
        html
        agendaItem {
          id
          title
        }
      }
    }
    minutesRevisions {
      id
      revision
      publishedAt
      ...MinutesRevisionOutcomes_revision
    }
    viewerCan {
      editMinutes
      submitMinutes
      approveMinutes
      publishMinutes
      correctMinutes
    }
  }
`);

// Each step answers with the minutes and their meeting (the section's fragment): the cache updates
// the text, the published revisions and what the viewer may do next from the answer itself.
const SaveMinutesMutation = graphql(`
  mutation SaveMinutes($input: SaveMinutesInput!) {
    saveMinutes(input: $input) {
      minutes {
        id
        status
      }
      meeting {
        id
        ...MeetingMinutesSection_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const SubmitMutation = graphql(`
  mutation SubmitMinutes($input: MeetingRefInput!) {
    submitMinutes(input: $input) {
      minutes {
        id
        status
        revision
      }
      meeting {
        id
        ...MeetingMinutesSection_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const ApproveMutation = graphql(`
  mutation ApproveMinutes($input: MeetingRefInput!) {
    approveMinutes(input: $input) {
      minutes {
        id
        status
        revision
      }
      meeting {
        id
        ...MeetingMinutesSection_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const PublishMutation = graphql(`
  mutation PublishMinutes($input: MeetingRefInput!) {
    publishMinutes(input: $input) {
      minutes {
        id
        status
        revision
      }
      meeting {
        id
        ...MeetingMinutesSection_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
const CorrectMutation = graphql(`
  mutation StartMinutesCorrection($input: MeetingRefInput!) {
    startMinutesCorrection(input: $input) {
      minutes {
        id
        status
        revision
      }
      meeting {
        id
        ...MeetingMinutesSection_meeting
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Minutes: the editor and the workflow for those who run the meeting, the published text for all. */
export function MeetingMinutesSection({ meeting }: { meeting: MeetingMinutesSection_MeetingFragment }) {
  const t = useT();
  const { locale } = useLocale();
  const [save, saving] = useMutation(SaveMinutesMutation);
  const [submit, submitting] = useMutation(SubmitMutation);
  const [approve, approving] = useMutation(ApproveMutation);
  const { confirm, dialog } = useConfirm();
  const [publish, publishing] = useMutation(PublishMutation);
  const [correct, correcting] = useMutation(CorrectMutation);
  const [body, setBody] = useState(meeting.minutes?.body ?? '');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const busy =
    saving.loading || submitting.loading || approving.loading || publishing.loading || correcting.loading;
  const { minutes, publishedMinutes, viewerCan } = meeting;

  useEffect(() => {
    setBody(meeting.minutes?.body ?? '');
    setNotes(Object.fromEntries((meeting.minutes?.itemNotes ?? []).map((n) => [n.agendaItemId, n.notes])));
  }, [meeting.minutes?.body, meeting.minutes?.itemNotes]);

  const report = (
    errors: readonly { field: string | null; message: string; code: string }[] | undefined,
    success: string,
  ) => {
    const problem = meetingErrorMessage(errors ?? [], t);
    setMessage(problem ? { kind: 'danger', text: problem } : { kind: 'success', text: success });
  };
  const input = { meetingId: meeting.id };
  type UserErrors = Parameters<typeof report>[0];
  // The workflow's steps, each offered only when the API says the viewer may take it.
  const workflowSteps: {
    allowed: boolean;
    label: PlainMessageKey;
    done: PlainMessageKey;
    secondary?: boolean;
    /** Publishing cannot be taken back: everyone invited can read it and is notified. */
    confirmation?: ConfirmRequest;
    run: () => Promise<UserErrors>;
  }[] = [
    {
      allowed: viewerCan.submitMinutes,
      label: 'meetings.minutes.submit',
      done: 'meetings.minutes.submitted',
      run: async () => (await submit({ variables: { input } })).data?.submitMinutes.userErrors,
    },
    {
      allowed: viewerCan.approveMinutes,
      label: 'meetings.minutes.approve',
      done: 'meetings.minutes.approved',
      run: async () => (await approve({ variables: { input } })).data?.approveMinutes.userErrors,
    },
    {
      allowed: viewerCan.publishMinutes,
      label: 'meetings.minutes.publish',
      done: 'meetings.minutes.published',
      confirmation: {
        title: t('meetings.minutes.confirmPublish.title', { title: meeting.title }),
        consequence: t('meetings.minutes.confirmPublish.consequence'),
        confirmLabel: t('meetings.minutes.publish'),
      },
      run: async () => (await publish({ variables: { input } })).data?.publishMinutes.userErrors,
    },
    {
      allowed: viewerCan.correctMinutes,
      label: 'meetings.minutes.correct',
      done: 'meetings.minutes.correctionStarted',
      secondary: true,
      run: async () => (await correct({ variables: { input } })).data?.startMinutesCorrection.userErrors,
    },
  ];

  return (
    <section className="hub-meeting-section" aria-labelledby="meeting-minutes">
      <h2 className="kern-heading-medium" id="meeting-minutes">
        {t('meetings.minutes.title')}
      </h2>
      {message ? (
        <Alert
          variant={message.kind}
          title={message.text}
          role={message.kind === 'danger' ? 'alert' : 'status'}
        />
      ) : null}
      {dialog}
      {minutes ? (
        <p className="kern-body">
          {t('meetings.minutes.statusLine', {
            status: t(`meetings.minutesStatus.${minutes.status}`),
            revision: minutes.revision,
          })}
        </p>
      ) : null}

      {viewerCan.editMinutes ? (
        <form
          className="hub-form"
          onSubmit={async (event) => {
            event.preventDefault();
            const result = await save({
              variables: {
                input: {
                  ...input,
                  body,
                  itemNotes: Object.entries(notes).map(([agendaItemId, text]) => ({
                    agendaItemId,
                    notes: text,
                  })),
                },
              },
            });
            report(result.data?.saveMinutes.userErrors, t('meetings.minutes.saved'));
          }}
        >
          <TextAreaField
            id="minutes-body"
            label={t('meetings.minutes.body')}
            hint={t('meetings.minutes.markdownHint')}
            value={body}
            onChange={setBody}
            maxLength={meetingLimits.minutesBody.maxLength}
            rows={8}
            markOptional={false}
          />
          {meeting.agendaItems.map((item) => (
            <TextAreaField
              key={item.id}
              id={`minutes-notes-${item.id}`}
              label={t('meetings.minutes.notesFor', { title: item.title })}
              value={notes[item.id] ?? ''}
              onChange={(value) => setNotes({ ...notes, [item.id]: value })}
              maxLength={meetingLimits.itemNotes.maxLength}
              rows={3}
              markOptional={false}
            />
          ))}
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--secondary" disabled={busy}>
              <span className="kern-label">{t('meetings.minutes.save')}</span>
            </button>
          </div>
        </form>
      ) : null}

      <div className="hub-form__actions">
        {workflowSteps
          .filter((step) => step.allowed)
          .map((step) => (
            <button
              key={step.label}
              type="button"
              className={`kern-btn ${step.secondary ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
              disabled={busy}
              onClick={async () => {
                if (step.confirmation && !(await confirm(step.confirmation))) return;
                report(await step.run(), t(step.done));
              }}
            >
              <span className="kern-label">{t(step.label)}</span>
            </button>
          ))}
      </div>

      {publishedMinutes ? (
        <article aria-labelledby="minutes-published">
          <h3 className="kern-heading-small" id="minutes-published">
            {t('meetings.minutes.publishedTitle', {
              revision: publishedMinutes.revision,
              date: formatDateTime(publishedMinutes.publishedAt, locale),
            })}
          </h3>
          <MinutesHtml html={publishedMinutes.html} />
          {publishedMinutes.itemNotes.map((note) => (
            <div key={note.agendaItemId}>
              <h4 className="kern-heading-small">{note.agendaItem?.title}</h4>
              <MinutesHtml html={note.html} />
            </div>
          ))}
          <p>
            <Link className="kern-link" to={meetingPaths.print(meeting.id)}>
              {t('meetings.minutes.printView')}
            </Link>
          </p>
        </article>
      ) : !viewerCan.editMinutes ? (
        <p className="kern-body">{t('meetings.minutes.notYet')}</p>
      ) : null}
      {meeting.minutesRevisions.length ? (
        <section aria-labelledby="minutes-revisions">
          <h3 className="kern-heading-small" id="minutes-revisions">
            {t('meetings.revisions.title')}
          </h3>
          {[...meeting.minutesRevisions].reverse().map((r) => (
            <details key={r.id}>
              <summary className="kern-link">
                {t('meetings.revisions.summary', {
                  revision: r.revision,
                  date: formatDateTime(r.publishedAt, locale),
                })}
              </summary>
              <MinutesRevisionOutcomes revision={r} />
            </details>
          ))}
        </section>
      ) : null}
    </section>
  );
}
