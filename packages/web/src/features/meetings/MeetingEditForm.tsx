import { useMutation } from '@apollo/client/react';
import { meetingLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { MeetingEditForm_MeetingFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { berlinToIso, isoToBerlin } from './berlinTime';
import { meetingTimeErrors } from './meetingErrors';

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

const editFieldIds = {
  title: 'edit-title',
  description: 'edit-description',
  date: 'edit-date',
  startsAt: 'edit-start',
  endsAt: 'edit-end',
  location: 'edit-location',
  onlineUrl: 'edit-online',
};

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
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(editFieldIds, 'meetings');
  const change =
    (field: keyof typeof editFieldIds, setter: (value: string) => void) =>
    (value: string): void => {
      setter(value);
      setSaved(false);
      form.fieldChanged(field);
    };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setSaved(false);
    const startsAt = berlinToIso(date, startTime);
    const endsAt = berlinToIso(date, endTime);
    if (!form.check(meetingTimeErrors(title, date, startsAt, endsAt)) || !startsAt || !endsAt) return;
    try {
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
      const userErrors = result.data?.updateMeeting.userErrors ?? [];
      if (userErrors.length) form.showUserErrors(userErrors);
      else setSaved(true);
    } catch (error) {
      form.showRequestError(error);
    }
  };

  return (
    <details className="hub-meeting-section">
      <summary className="kern-link">{t('meetings.edit.title')}</summary>
      {saved ? <Alert variant="success" title={t('meetings.edit.saved')} role="status" /> : null}
      <ErrorSummary {...form.summary} />
      <form className="hub-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id={editFieldIds.title}
          label={t('meetings.field.title')}
          value={title}
          onChange={change('title', setTitle)}
          error={form.errorOf('title')}
        />
        <TextAreaField
          id={editFieldIds.description}
          label={t('meetings.field.description')}
          value={description}
          onChange={change('description', setDescription)}
          maxLength={meetingLimits.description.maxLength}
          rows={3}
          error={form.errorOf('description')}
        />
        <TextField
          id={editFieldIds.date}
          type="date"
          label={t('meetings.field.date')}
          value={date}
          onChange={change('date', setDate)}
          error={form.errorOf('date')}
        />
        <TextField
          id={editFieldIds.startsAt}
          type="time"
          label={t('meetings.field.startTime')}
          value={startTime}
          onChange={change('startsAt', setStartTime)}
          error={form.errorOf('startsAt')}
        />
        <TextField
          id={editFieldIds.endsAt}
          type="time"
          label={t('meetings.field.endTime')}
          value={endTime}
          onChange={change('endsAt', setEndTime)}
          error={form.errorOf('endsAt')}
        />
        <TextField
          id={editFieldIds.location}
          label={t('meetings.field.location')}
          value={location}
          onChange={change('location', setLocation)}
          required={false}
          error={form.errorOf('location')}
        />
        <TextField
          id={editFieldIds.onlineUrl}
          type="url"
          label={t('meetings.field.onlineUrl')}
          value={onlineUrl}
          onChange={change('onlineUrl', setOnlineUrl)}
          required={false}
          error={form.errorOf('onlineUrl')}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--secondary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t('meetings.edit.submit')}</span>
          </button>
        </div>
      </form>
    </details>
  );
}
