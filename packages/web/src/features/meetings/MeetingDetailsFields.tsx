import { meetingLimits } from '@hub/shared';
import { useT } from '../../i18n';
import { DateField } from '../../ui/DateField';
import type { FormMessage } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';

/** What a meeting is called and when and where it takes place, as typed (Berlin date and times). */
export interface MeetingDetails {
  title: string;
  description: string;
  date: string;
  startTime: string;
  endTime: string;
  location: string;
  onlineUrl: string;
}

/** The fields' names in errors: the API's (`startsAt`, `endsAt`) where they differ from the values'. */
export type MeetingDetailsField =
  | 'title'
  | 'description'
  | 'date'
  | 'startsAt'
  | 'endsAt'
  | 'location'
  | 'onlineUrl';

const fieldOf: Record<keyof MeetingDetails, MeetingDetailsField> = {
  title: 'title',
  description: 'description',
  date: 'date',
  startTime: 'startsAt',
  endTime: 'endsAt',
  location: 'location',
  onlineUrl: 'onlineUrl',
};

/** Which error field a value belongs to, for `fieldChanged`. */
export const meetingDetailsField = (key: keyof MeetingDetails): MeetingDetailsField => fieldOf[key];

/** The fields the meeting planning and editing forms share. */
export function MeetingDetailsFields({
  ids,
  values,
  onChange,
  errorOf,
}: {
  ids: Record<MeetingDetailsField, string>;
  values: MeetingDetails;
  onChange: (key: keyof MeetingDetails, value: string) => void;
  errorOf: (field: MeetingDetailsField) => FormMessage | undefined;
}) {
  const t = useT();
  const set = (key: keyof MeetingDetails) => (value: string) => onChange(key, value);
  return (
    <>
      <TextField
        maxLength={meetingLimits.title.maxLength}
        id={ids.title}
        label={t('meetings.field.title')}
        value={values.title}
        onChange={set('title')}
        error={errorOf('title')}
      />
      <TextAreaField
        id={ids.description}
        label={t('meetings.field.description')}
        value={values.description}
        onChange={set('description')}
        maxLength={meetingLimits.description.maxLength}
        rows={3}
        error={errorOf('description')}
      />
      <DateField
        id={ids.date}
        label={t('meetings.field.date')}
        value={values.date}
        onChange={set('date')}
        error={errorOf('date')}
        required
      />
      <TextField
        id={ids.startsAt}
        type="time"
        label={t('meetings.field.startTime')}
        value={values.startTime}
        onChange={set('startTime')}
        error={errorOf('startsAt')}
      />
      <TextField
        id={ids.endsAt}
        type="time"
        label={t('meetings.field.endTime')}
        value={values.endTime}
        onChange={set('endTime')}
        error={errorOf('endsAt')}
      />
      <TextField
        maxLength={meetingLimits.location.maxLength}
        id={ids.location}
        label={t('meetings.field.location')}
        value={values.location}
        onChange={set('location')}
        required={false}
        error={errorOf('location')}
      />
      <TextField
        maxLength={meetingLimits.onlineUrl.maxLength}
        id={ids.onlineUrl}
        type="url"
        label={t('meetings.field.onlineUrl')}
        value={values.onlineUrl}
        onChange={set('onlineUrl')}
        required={false}
        error={errorOf('onlineUrl')}
      />
    </>
  );
}
