import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { MeetingEditForm_MeetingFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { useFormErrors } from '../../ui/useFormErrors';
import { berlinToIso, isoToBerlin } from './berlinTime';
import { type MeetingDetails, MeetingDetailsFields, meetingDetailsField } from './MeetingDetailsFields';
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
        ...MeetingPage_meeting
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
  // The answer carries the whole page's meeting: the page shows the change from the cache.
  const [update, { loading }] = useMutation(UpdateMeetingMutation);
  const start = isoToBerlin(meeting.startsAt);
  const end = isoToBerlin(meeting.endsAt);
  const [details, setDetails] = useState<MeetingDetails>({
    title: meeting.title,
    description: meeting.description,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    location: meeting.location ?? '',
    onlineUrl: meeting.onlineUrl ?? '',
  });
  const [saved, setSaved] = useState(false);
  const form = useFormErrors(editFieldIds, 'meetings');
  const change = (key: keyof MeetingDetails, value: string): void => {
    setDetails((current) => ({ ...current, [key]: value }));
    setSaved(false);
    form.fieldChanged(meetingDetailsField(key));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setSaved(false);
    const { title, description, date, location, onlineUrl } = details;
    const startsAt = berlinToIso(date, details.startTime);
    const endsAt = berlinToIso(date, details.endTime);
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
        <MeetingDetailsFields ids={editFieldIds} values={details} onChange={change} errorOf={form.errorOf} />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--secondary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t('meetings.edit.submit')}</span>
          </button>
        </div>
      </form>
    </details>
  );
}
