import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { MeetingListItem_MeetingFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { formatMeetingTime } from './berlinTime';
import { meetingPaths } from './meetingPaths';

export const MeetingListItemFragment = graphql(`
  fragment MeetingListItem_meeting on Meeting {
    id
    title
    kind
    startsAt
    endsAt
    cancelled
    location
    workingGroup {
      id
      name
    }
    viewerInvitation {
      id
      response
    }
  }
`);

/** One meeting in a list: title (linked), when, where, the viewer's answer. */
export function MeetingListItem({ meeting }: { meeting: MeetingListItem_MeetingFragment }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <li className="hub-meeting-item">
      <h3 className="kern-heading-small">
        <Link className="kern-link" to={meetingPaths.detail(meeting.id)}>
          {meeting.title}
        </Link>
        {meeting.cancelled ? <span className="hub-meeting-badge"> {t('meetings.cancelled')}</span> : null}
      </h3>
      <p className="kern-body">
        {formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}
        {meeting.location ? ` · ${meeting.location}` : ''}
      </p>
      <p className="kern-body kern-body--small">
        {t(`meetings.kind.${meeting.kind}`)}
        {meeting.workingGroup ? ` · ${meeting.workingGroup.name}` : ''}
        {meeting.viewerInvitation
          ? ` · ${t('meetings.yourAnswer')}: ${t(`meetings.response.${meeting.viewerInvitation.response}`)}`
          : ''}
      </p>
    </li>
  );
}
