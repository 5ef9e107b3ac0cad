import { useMutation, useQuery } from '@apollo/client/react';
import { meetingLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { MeetingKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { berlinToIso } from './berlinTime';
import { type MeetingDetails, MeetingDetailsFields, meetingDetailsField } from './MeetingDetailsFields';
import { meetingTimeErrors } from './meetingErrors';
import { meetingPaths } from './meetingPaths';
import './meetings.css';

export const CreateMeetingPageQuery = graphql(`
  query CreateMeetingPage {
    viewerCan {
      createMeeting
    }
    workingGroups(first: 100, filter: { archived: false }) {
      edges {
        node {
          id
          name
          viewerCanPlanMeeting
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
  const groups = useQuery(CreateMeetingPageQuery);
  // Network and steering meetings (coordinators); everyone else plans only their groups' meetings.
  const plansNetworkMeetings = groups.data?.viewerCan.createMeeting ?? false;
  const [create, { loading }] = useMutation(CreateMeetingMutation);
  const ledGroups =
    groups.data?.workingGroups.edges.map((edge) => edge.node).filter((group) => group.viewerCanPlanMeeting) ??
    [];
  const [chosenKind, setKind] = useState<MeetingKind | null>(null);
  const kind: MeetingKind = chosenKind ?? (plansNetworkMeetings ? 'NETWORK' : 'WORKING_GROUP');
  const [groupId, setGroupId] = useState('');
  const [details, setDetails] = useState<MeetingDetails>({
    title: '',
    description: '',
    date: '',
    startTime: '09:00',
    endTime: '11:00',
    location: '',
    onlineUrl: '',
  });
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
    const { title, description, date, location, onlineUrl } = details;
    const startsAt = berlinToIso(date, details.startTime);
    const endsAt = berlinToIso(date, details.endTime);
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
          {(plansNetworkMeetings
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
        <MeetingDetailsFields
          ids={fieldIds}
          values={details}
          onChange={(key, value) => {
            setDetails((current) => ({ ...current, [key]: value }));
            form.fieldChanged(meetingDetailsField(key));
          }}
          errorOf={form.errorOf}
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
