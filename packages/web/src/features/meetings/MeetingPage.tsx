import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useConfirm } from '../../ui/ConfirmDialog';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { LazyThreadSection } from '../discussions/LazyThreadSection';
import { formatMeetingTime } from './berlinTime';
import { MeetingAgenda } from './MeetingAgenda';
import { MeetingEditForm } from './MeetingEditForm';
import { MeetingInvitations } from './MeetingInvitations';
import { MeetingMinutesSection } from './MeetingMinutesSection';
import { meetingErrorMessage } from './meetingErrors';
import { meetingPaths } from './meetingPaths';
import './meetings.css';

/**
 * Everything the meeting page shows. Mutations that may change any part of it (editing, cancelling)
 * select it too, so the cache and the page are up to date with the answer.
 */
export const MeetingPageFragment = graphql(`
  fragment MeetingPage_meeting on Meeting {
    id
    title
    kind
    description
    startsAt
    endsAt
    location
    onlineUrl
    cancelled
    calendarPath
    workingGroup {
      id
      name
    }
    organizer {
      id
      name
    }
    viewerCan {
      manage
    }
    ...MeetingEditForm_meeting
    ...MeetingAgenda_meeting
    ...MeetingInvitations_meeting
    ...MeetingMinutesSection_meeting
  }
`);

export const MeetingPageQuery = graphql(`
  query MeetingPage($id: ID!) {
    meeting(id: $id) {
      id
      ...MeetingPage_meeting
    }
  }
`);

const CancelMeetingMutation = graphql(`
  mutation CancelMeeting($input: MeetingRefInput!) {
    cancelMeeting(input: $input) {
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

/** One meeting: when and where, the agenda with outcomes, invitations and attendance, the minutes. */
export function MeetingPage() {
  const t = useT();
  const { confirm, dialog } = useConfirm();
  const { locale } = useLocale();
  const { meetingId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MeetingPageQuery, {
    variables: { id: meetingId },
    fetchPolicy: 'cache-and-network',
  });
  const [cancel, cancelling] = useMutation(CancelMeetingMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const meeting = data?.meeting;

  if (!data && loading) {
    return (
      <Page title={t('meetings.title')}>
        <LoadingIndicator />
      </Page>
    );
  }
  if (!meeting) {
    return (
      <Page title={error ? t('error.pageTitle') : t('meetings.notFound')}>
        <Alert
          variant={error ? 'danger' : 'warning'}
          title={error ? apiErrorMessage(error, t) : t('meetings.notFoundText')}
          role="alert"
        >
          {error ? (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
              <span className="kern-label">{t('error.retry')}</span>
            </button>
          ) : null}
        </Alert>
        <p>
          <Link className="kern-link" to={meetingPaths.list}>
            {t('meetings.backToList')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={meeting.title}>
      <p>
        <Link className="kern-link" to={meetingPaths.list}>
          {t('meetings.backToList')}
        </Link>
      </p>
      {meeting.cancelled ? <Alert variant="warning" title={t('meetings.cancelledNotice')} /> : null}
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('meetings.field.when')}</dt>
          <dd className="kern-description-list-item__value">
            {formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}
          </dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('meetings.field.kind')}</dt>
          <dd className="kern-description-list-item__value">
            {t(`meetings.kind.${meeting.kind}`)}
            {meeting.workingGroup ? ` · ${meeting.workingGroup.name}` : ''}
          </dd>
        </div>
        {meeting.location ? (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('meetings.field.location')}</dt>
            <dd className="kern-description-list-item__value">{meeting.location}</dd>
          </div>
        ) : null}
        {meeting.onlineUrl ? (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('meetings.field.onlineUrl')}</dt>
            <dd className="kern-description-list-item__value">
              <a className="kern-link" href={meeting.onlineUrl} rel="noopener noreferrer">
                {meeting.onlineUrl}
              </a>
            </dd>
          </div>
        ) : null}
        {meeting.organizer ? (
          <div className="kern-description-list-item">
            <dt className="kern-description-list-item__key">{t('meetings.field.organizer')}</dt>
            <dd className="kern-description-list-item__value">{meeting.organizer.name}</dd>
          </div>
        ) : null}
      </dl>
      {meeting.description ? <p className="kern-body">{meeting.description}</p> : null}
      <div className="hub-form__actions">
        <a className="kern-btn kern-btn--tertiary" href={meeting.calendarPath} download>
          <span className="kern-label">{t('meetings.downloadIcs')}</span>
        </a>
        {meeting.viewerCan.manage ? (
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            disabled={cancelling.loading}
            onClick={async () => {
              const confirmed = await confirm({
                title: t('meetings.cancelConfirm.title', { title: meeting.title }),
                consequence: t('meetings.cancelConfirm.consequence'),
                confirmLabel: t('meetings.cancel'),
              });
              if (!confirmed) return;
              const result = await cancel({ variables: { input: { meetingId: meeting.id } } });
              setProblem(meetingErrorMessage(result.data?.cancelMeeting.userErrors ?? [], t));
            }}
          >
            <span className="kern-label">{t('meetings.cancel')}</span>
          </button>
        ) : null}
      </div>
      {dialog}
      {meeting.viewerCan.manage ? <MeetingEditForm meeting={meeting} /> : null}
      <MeetingAgenda meeting={meeting} />
      <MeetingInvitations meeting={meeting} />
      <MeetingMinutesSection meeting={meeting} />
      <LazyThreadSection subjectId={meeting.id} />
    </Page>
  );
}
