import { useMutation, useQuery } from '@apollo/client/react';
import { meetingLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { MeetingKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { berlinToIso } from './berlinTime';
import { meetingTimeErrors } from './meetingErrors';
import { meetingPaths } from './meetingPaths';
import './meetings.css';

export const CreateMeetingPageQuery = graphql(`
  query CreateMeetingPage {
    workingGroups(first: 100, filter: { archived: false }) {
      edges {
        node {
          id
          name
          viewerMembership {
            id
            role
            status
          }
        }
      }
    }
  }
`);

const CreateMeetingMutation = graphql(`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      meeting {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface AgendaDraft {
  key: number;
  title: string;
  plannedMinutes: string;
}

/** The input ids of the fields, keyed by the API's field path (the date belongs to both times). */
function meetingFieldIds(agenda: readonly AgendaDraft[]): Record<string, string> {
  const ids: Record<string, string> = {
    kind: 'meeting-kind',
    workingGroupId: 'meeting-group',
    title: 'meeting-title',
    description: 'meeting-description',
    date: 'meeting-date',
    startsAt: 'meeting-start',
    endsAt: 'meeting-end',
    location: 'meeting-location',
    onlineUrl: 'meeting-online',
  };
  agenda.forEach((item, index) => {
    ids[`agenda.${index}.title`] = `agenda-title-${item.key}`;
  });
  return ids;
}

/** Plans a meeting: coordinators any kind, leads their own group's meetings; with a first agenda. */
export function CreateMeetingPage() {
  const t = useT();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const coordinator = viewer?.role === 'COORDINATOR';
  const groups = useQuery(CreateMeetingPageQuery);
  const [create, { loading }] = useMutation(CreateMeetingMutation);
  const ledGroups =
    groups.data?.workingGroups.edges
      .map((edge) => edge.node)
      .filter(
        (group) =>
          coordinator ||
          (group.viewerMembership?.role === 'LEAD' && group.viewerMembership.status === 'ACTIVE'),
      ) ?? [];
  const [kind, setKind] = useState<MeetingKind>(coordinator ? 'NETWORK' : 'WORKING_GROUP');
  const [groupId, setGroupId] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [date, setDate] = useState('');
  const [startTime, setStartTime] = useState('09:00');
  const [endTime, setEndTime] = useState('11:00');
  const [location, setLocation] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [agenda, setAgenda] = useState<AgendaDraft[]>([{ key: 1, title: '', plannedMinutes: '' }]);
  const fieldIds = meetingFieldIds(agenda);
  const form = useFormErrors(fieldIds, 'meetings');
  /** Sets a value and takes the field's error away. */
  const change =
    (field: string, setter: (value: string) => void) =>
    (value: string): void => {
      setter(value);
      form.fieldChanged(field);
    };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    const startsAt = berlinToIso(date, startTime);
    const endsAt = berlinToIso(date, endTime);
    if (!form.check(meetingTimeErrors(title, date, startsAt, endsAt)) || !startsAt || !endsAt) return;
    try {
      const result = await create({
        variables: {
          input: {
            kind,
            workingGroupId: kind === 'WORKING_GROUP' ? groupId || (ledGroups[0]?.id ?? null) : null,
            title: title.trim(),
            description,
            startsAt,
            endsAt,
            location: location.trim() || null,
            onlineUrl: onlineUrl.trim() || null,
            agenda: agenda
              .filter((item) => item.title.trim())
              .map((item) => ({
                title: item.title.trim(),
                plannedMinutes: item.plannedMinutes ? Number(item.plannedMinutes) : null,
              })),
          },
        },
      });
      const payload = result.data?.createMeeting;
      if (payload?.userErrors.length) form.showUserErrors(payload.userErrors);
      else if (payload?.meeting) void navigate(meetingPaths.detail(payload.meeting.id));
    } catch (error) {
      form.showRequestError(error);
    }
  };

  return (
    <Page title={t('meetings.create.title')}>
      <p>
        <Link className="kern-link" to={meetingPaths.list}>
          {t('meetings.backToList')}
        </Link>
      </p>
      <ErrorSummary {...form.summary} />
      <form className="hub-form" onSubmit={(event) => void submit(event)} noValidate>
        <SelectField
          id={fieldIds.kind}
          label={t('meetings.field.kind')}
          value={kind}
          onChange={change('kind', (value) => setKind(value as MeetingKind))}
          error={form.errorOf('kind')}
        >
          {(coordinator
            ? (['NETWORK', 'WORKING_GROUP', 'STEERING'] as const)
            : (['WORKING_GROUP'] as const)
          ).map((value) => (
            <option key={value} value={value}>
              {t(`meetings.kind.${value}`)}
            </option>
          ))}
        </SelectField>
        {kind === 'WORKING_GROUP' ? (
          <SelectField
            id={fieldIds.workingGroupId}
            label={t('meetings.field.workingGroup')}
            value={groupId || (ledGroups[0]?.id ?? '')}
            onChange={change('workingGroupId', setGroupId)}
            error={form.errorOf('workingGroupId')}
          >
            {ledGroups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          id={fieldIds.title}
          label={t('meetings.field.title')}
          value={title}
          onChange={change('title', setTitle)}
          error={form.errorOf('title')}
        />
        <TextAreaField
          id={fieldIds.description}
          label={t('meetings.field.description')}
          value={description}
          onChange={change('description', setDescription)}
          maxLength={meetingLimits.description.maxLength}
          rows={3}
          error={form.errorOf('description')}
        />
        <TextField
          id={fieldIds.date}
          type="date"
          label={t('meetings.field.date')}
          value={date}
          onChange={change('date', setDate)}
          error={form.errorOf('date')}
        />
        <TextField
          id={fieldIds.startsAt}
          type="time"
          label={t('meetings.field.startTime')}
          value={startTime}
          onChange={change('startsAt', setStartTime)}
          error={form.errorOf('startsAt')}
        />
        <TextField
          id={fieldIds.endsAt}
          type="time"
          label={t('meetings.field.endTime')}
          value={endTime}
          onChange={change('endsAt', setEndTime)}
          error={form.errorOf('endsAt')}
        />
        <TextField
          id={fieldIds.location}
          label={t('meetings.field.location')}
          value={location}
          onChange={change('location', setLocation)}
          required={false}
          error={form.errorOf('location')}
        />
        <TextField
          id={fieldIds.onlineUrl}
          type="url"
          label={t('meetings.field.onlineUrl')}
          value={onlineUrl}
          onChange={change('onlineUrl', setOnlineUrl)}
          required={false}
          error={form.errorOf('onlineUrl')}
        />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('meetings.agenda.title')}</legend>
          <div className="kern-fieldset__body">
            <ol className="hub-meeting-agenda">
              {agenda.map((item, index) => (
                <li key={item.key}>
                  <TextField
                    id={`agenda-title-${item.key}`}
                    label={t('meetings.agenda.itemTitle', { number: index + 1 })}
                    value={item.title}
                    onChange={(value) => {
                      setAgenda(agenda.map((a) => (a.key === item.key ? { ...a, title: value } : a)));
                      form.fieldChanged(`agenda.${index}`);
                    }}
                    required={false}
                    error={form.errorOf(`agenda.${index}.title`)}
                  />
                  <div className="kern-form-input">
                    <label className="kern-label" htmlFor={`agenda-minutes-${item.key}`}>
                      {t('meetings.agenda.plannedMinutes')}
                    </label>
                    <input
                      className="kern-form-input__input"
                      id={`agenda-minutes-${item.key}`}
                      type="number"
                      min={1}
                      max={meetingLimits.plannedMinutes.max}
                      value={item.plannedMinutes}
                      onChange={(e) =>
                        setAgenda(
                          agenda.map((a) =>
                            a.key === item.key ? { ...a, plannedMinutes: e.target.value } : a,
                          ),
                        )
                      }
                    />
                  </div>
                </li>
              ))}
            </ol>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() =>
                setAgenda([
                  ...agenda,
                  { key: Math.max(0, ...agenda.map((a) => a.key)) + 1, title: '', plannedMinutes: '' },
                ])
              }
            >
              <span className="kern-label">{t('meetings.agenda.add')}</span>
            </button>
          </div>
        </fieldset>
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" disabled={loading}>
            <span className="kern-label">{t('meetings.create.submit')}</span>
          </button>
        </div>
      </form>
    </Page>
  );
}
