import { useMutation, useQuery } from '@apollo/client/react';
import { meetingLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { MeetingKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { Page } from '../../ui/Page';
import { berlinToIso } from './berlinTime';
import { meetingErrorMessage } from './meetingErrors';
import { meetingPaths } from './meetingPaths';
import './meetings.css';
import { Select } from '../../ui/Select';

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
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const startsAt = berlinToIso(date, startTime);
    const endsAt = berlinToIso(date, endTime);
    if (!title.trim() || !startsAt || !endsAt) {
      setProblem(t('meetings.form.required'));
      return;
    }
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
      const message = payload ? meetingErrorMessage(payload.userErrors, t) : null;
      if (message) setProblem(message);
      else if (payload?.meeting) navigate(meetingPaths.detail(payload.meeting.id));
    } catch (error) {
      setProblem(apiErrorMessage(error, t));
    }
  };

  return (
    <Page title={t('meetings.create.title')}>
      <p>
        <Link className="kern-link" to={meetingPaths.list}>
          {t('meetings.backToList')}
        </Link>
      </p>
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
      <form className="hub-form" onSubmit={submit} noValidate>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-kind">
            {t('meetings.field.kind')}
          </label>
          <Select id="meeting-kind" value={kind} onChange={(e) => setKind(e.target.value as MeetingKind)}>
            {(coordinator
              ? (['NETWORK', 'WORKING_GROUP', 'STEERING'] as const)
              : (['WORKING_GROUP'] as const)
            ).map((value) => (
              <option key={value} value={value}>
                {t(`meetings.kind.${value}`)}
              </option>
            ))}
          </Select>
        </div>
        {kind === 'WORKING_GROUP' ? (
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="meeting-group">
              {t('meetings.field.workingGroup')}
            </label>
            <Select
              id="meeting-group"
              value={groupId || (ledGroups[0]?.id ?? '')}
              onChange={(e) => setGroupId(e.target.value)}
            >
              {ledGroups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-title">
            {t('meetings.field.title')}
          </label>
          <input
            className="kern-form-input__input"
            id="meeting-title"
            required
            maxLength={meetingLimits.title.maxLength}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-description">
            {t('meetings.field.description')}
          </label>
          <textarea
            className="kern-form-input__input"
            id="meeting-description"
            rows={3}
            maxLength={meetingLimits.description.maxLength}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-date">
            {t('meetings.field.date')}
          </label>
          <input
            className="kern-form-input__input"
            id="meeting-date"
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-start">
            {t('meetings.field.startTime')}
          </label>
          <input
            className="kern-form-input__input"
            id="meeting-start"
            type="time"
            required
            value={startTime}
            onChange={(e) => setStartTime(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-end">
            {t('meetings.field.endTime')}
          </label>
          <input
            className="kern-form-input__input"
            id="meeting-end"
            type="time"
            required
            value={endTime}
            onChange={(e) => setEndTime(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-location">
            {t('meetings.field.location')}
          </label>
          <input
            className="kern-form-input__input"
            id="meeting-location"
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
        </div>
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meeting-online">
            {t('meetings.field.onlineUrl')}
          </label>
          <input
            className="kern-form-input__input"
            id="meeting-online"
            type="url"
            value={onlineUrl}
            onChange={(e) => setOnlineUrl(e.target.value)}
          />
        </div>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('meetings.agenda.title')}</legend>
          <div className="kern-fieldset__body">
            <ol className="hub-meeting-agenda">
              {agenda.map((item, index) => (
                <li key={item.key}>
                  <div className="kern-form-input">
                    <label className="kern-label" htmlFor={`agenda-title-${item.key}`}>
                      {t('meetings.agenda.itemTitle', { number: index + 1 })}
                    </label>
                    <input
                      className="kern-form-input__input"
                      id={`agenda-title-${item.key}`}
                      value={item.title}
                      onChange={(e) =>
                        setAgenda(
                          agenda.map((a) => (a.key === item.key ? { ...a, title: e.target.value } : a)),
                        )
                      }
                    />
                  </div>
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
