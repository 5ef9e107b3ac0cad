import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { berlinToIso } from './berlinTime';
import { CalendarFeed } from './CalendarFeed';
import { MeetingCalendar, type Month, monthKey, shiftMonth } from './MeetingCalendar';
import { MeetingListItem } from './MeetingListItem';
import { meetingPaths } from './meetingPaths';
import './meetings.css';

export const MeetingsPageQuery = graphql(`
  query MeetingsPage($filter: MeetingFilter, $first: Int, $after: String) {
    meetingsViewerCan {
      readParticipation
    }
    meetings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          startsAt
          ...MeetingListItem_meeting
        }
      }
    }
  }
`);

type Range = 'upcoming' | 'past';
type View = 'list' | 'calendar';

/** Meetings of the network: upcoming or past, as a list or a calendar by month; planning; subscription. */
export function MeetingsPage() {
  const t = useT();
  const { viewer } = useViewer();
  const [range, setRange] = useState<Range>('upcoming');
  const [view, setView] = useState<View>('list');
  const [invitedOnly, setInvitedOnly] = useState(false);
  // Computed once per page visit, so the query's variables stay stable.
  const now = useMemo(() => new Date().toISOString(), []);
  const [month, setMonth] = useState<Month>(() => {
    const [year, m] = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date())
      .split('-');
    return { year: Number(year), month: Number(m) };
  });
  const monthStart = berlinToIso(`${monthKey(month)}-01`, '00:00') ?? now;
  const monthEnd = berlinToIso(`${monthKey(shiftMonth(month, 1))}-01`, '00:00') ?? now;
  const filter =
    view === 'calendar'
      ? { from: monthStart, to: monthEnd, invitedOnly }
      : range === 'upcoming'
        ? { from: now, invitedOnly }
        : { to: now, invitedOnly };
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(MeetingsPageQuery, {
    variables: { filter, first: 50 },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const meetings = data?.meetings.edges.map((edge) => edge.node) ?? [];
  const ordered = range === 'past' ? [...meetings].reverse() : meetings;
  return (
    <Page title={t('meetings.title')}>
      <p className="kern-body">{t('meetings.intro')}</p>
      <p className="hub-form__actions">
        {viewer?.role !== 'MINISTRY' ? (
          <Link className="kern-btn kern-btn--primary" to={meetingPaths.create}>
            <span className="kern-label">{t('meetings.create.link')}</span>
          </Link>
        ) : null}
        <Link className="kern-btn kern-btn--secondary" to={meetingPaths.actionItems}>
          <span className="kern-label">{t('meetings.board.link')}</span>
        </Link>
        {data?.meetingsViewerCan.readParticipation ? (
          <Link className="kern-btn kern-btn--secondary" to={meetingPaths.participation}>
            <span className="kern-label">{t('meetings.participation.link')}</span>
          </Link>
        ) : null}
      </p>

      <fieldset className="kern-fieldset hub-meeting-filter">
        <legend className="kern-label">{t('meetings.filter.label')}</legend>
        <div className="kern-fieldset__body">
          {(['upcoming', 'past'] as const).map((value) => (
            <div className="kern-form-check" key={value}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`meetings-range-${value}`}
                name="meetings-range"
                checked={range === value}
                onChange={() => setRange(value)}
              />
              <label className="kern-label" htmlFor={`meetings-range-${value}`}>
                {t(`meetings.filter.${value}`)}
              </label>
            </div>
          ))}
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              type="checkbox"
              id="meetings-invited"
              checked={invitedOnly}
              onChange={(event) => setInvitedOnly(event.target.checked)}
            />
            <label className="kern-label" htmlFor="meetings-invited">
              {t('meetings.filter.invitedOnly')}
            </label>
          </div>
        </div>
      </fieldset>
      <fieldset className="kern-fieldset hub-meeting-filter">
        <legend className="kern-label">{t('meetings.view.label')}</legend>
        <div className="kern-fieldset__body">
          {(['list', 'calendar'] as const).map((value) => (
            <div className="kern-form-check" key={value}>
              <input
                className="kern-form-check__radio"
                type="radio"
                id={`meetings-view-${value}`}
                name="meetings-view"
                checked={view === value}
                onChange={() => setView(value)}
              />
              <label className="kern-label" htmlFor={`meetings-view-${value}`}>
                {t(`meetings.view.${value}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>

      {error && !data ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {!data && networkStatus === NetworkStatus.loading ? <LoadingIndicator /> : null}
      {data ? (
        <section aria-labelledby="meetings-results">
          <h2 className="kern-heading-medium" id="meetings-results">
            {t('meetings.count', { count: data.meetings.totalCount })}
          </h2>
          {meetings.length === 0 ? <p className="kern-body">{t('meetings.empty')}</p> : null}
          {view === 'list' ? (
            <ul className="hub-meeting-list">
              {ordered.map((meeting) => (
                <MeetingListItem key={meeting.id} meeting={meeting} />
              ))}
            </ul>
          ) : (
            <>
              <div className="hub-form__actions">
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() => setMonth(shiftMonth(month, -1))}
                >
                  <span className="kern-label">{t('meetings.calendar.previous')}</span>
                </button>
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() => setMonth(shiftMonth(month, 1))}
                >
                  <span className="kern-label">{t('meetings.calendar.next')}</span>
                </button>
              </div>
              <MeetingCalendar month={month} meetings={meetings} />
            </>
          )}
          {data.meetings.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={() =>
                fetchMore({
                  variables: { after: data.meetings.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    ...fetchMoreResult,
                    meetings: {
                      ...fetchMoreResult.meetings,
                      edges: [...previous.meetings.edges, ...fetchMoreResult.meetings.edges],
                    },
                  }),
                })
              }
            >
              <span className="kern-label">{t('meetings.more')}</span>
            </button>
          ) : null}
        </section>
      ) : null}
      <CalendarFeed />
    </Page>
  );
}
