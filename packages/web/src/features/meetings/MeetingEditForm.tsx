import { useMutation } from '@apollo/client/react';
import { meetingLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { MeetingEditForm_MeetingFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { berlinToIso, isoToBerlin } from './berlinTime';
import { meetingErrorMessage } from './meetingErrors';

export const MeetingEditFormFragment = graphql(`
  fragment MeetingEditForm_meeting on Meeting {
    id
    title
    description
    startsAt
    endsAt
    location
    onlineUrl
  }
`);

const UpdateMeetingMutation = graphql(`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      meeting {
        id
        title
        description
        startsAt
        endsAt
        location
        onlineUrl
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Changes title, time and place; calendars pick the change up (SEQUENCE). */
export function MeetingEditForm({ meeting }: { meeting: MeetingEditForm_MeetingFragment }) {
  const t = useT();
  const [update, { loading }] = useMutation(UpdateMeetingMutation, {
    refetchQueries: ['MeetingPage'],
    awaitRefetchQueries: true,
  });
  const start = isoToBerlin(meeting.startsAt);
  const end = isoToBerlin(meeting.endsAt);
  const [title, setTitle] = useState(meeting.title);
  const [description, setDescription] = useState(meeting.description);
  const [date, setDate] = useState(start.date);
  const [startTime, setStartTime] = useState(start.time);
  const [endTime, setEndTime] = useState(end.time);
  const [location, setLocation] = useState(meeting.location ?? '');
  const [onlineUrl, setOnlineUrl] = useState(meeting.onlineUrl ?? '');
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const startsAt = berlinToIso(date, startTime);
    const endsAt = berlinToIso(date, endTime);
    if (!title.trim() || !startsAt || !endsAt) {
      setMessage({ kind: 'danger', text: t('meetings.form.required') });
      return;
    }
    const result = await update({
      variables: {
        input: {
          meetingId: meeting.id,
          title: title.trim(),
          description,
          startsAt,
          endsAt,
          location,
          onlineUrl,
        },
      },
    });
    const problem = meetingErrorMessage(result.data?.updateMeeting.userErrors ?? [], t);
    setMessage(
      problem ? { kind: 'danger', text: problem } : { kind: 'success', text: t('meetings.edit.saved') },
    );
  };

  return (
    <details className="hub-meeting-section">
      <summary className="kern-link">{t('meetings.edit.title')}</summary>
      {message ? (
        <Alert
          variant={message.kind}
          title={message.text}
          role={message.kind === 'danger' ? 'alert' : 'status'}
        />
      ) : null}
      <form className="hub-form" onSubmit={submit} noValidate>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="edit-title">
            {t('meetings.field.title')}
          </label>
          <input
            className="kern-form-input__input"
            id="edit-title"
            maxLength={meetingLimits.title.maxLength}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="edit-description">
            {t('meetings.field.description')}
          </label>
          <textarea
            className="kern-form-input__input"
            id="edit-description"
            rows={3}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="edit-date">
            {t('meetings.field.date')}
          </label>
          <input
            className="kern-form-input__input"
            id="edit-date"
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="edit-start">
            {t('meetings.field.startTime')}
          </label>
          <input
            className="kern-form-input__input"
            id="edit-start"
            type="time"
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="edit-end">
            {t('meetings.field.endTime')}
          </label>
          <input
            className="kern-form-input__input"
            id="edit-end"
            type="time"
            value={endTime}
            onChange={(e) => setEndTime(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="edit-location">
            {t('meetings.field.location')}
          </label>
          <input
            className="kern-form-input__input"
            id="edit-location"
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="edit-online">
            {t('meetings.field.onlineUrl')}
          </label>
          <input
            className="kern-form-input__input"
            id="edit-online"
            type="url"
            value={onlineUrl}
            onChange={(e) => setOnlineUrl(e.target.value)}
          />
        </div>
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--secondary" disabled={loading}>
            <span className="kern-label">{t('meetings.edit.submit')}</span>
          </button>
        </div>
      </form>
    </details>
  );
}
