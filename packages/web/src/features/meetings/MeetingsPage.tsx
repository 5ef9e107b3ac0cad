import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { Checkbox } from '../../ui/Checkbox';
import { ListPage, ListResults } from '../../ui/ListPage';
import { RadioGroup } from '../../ui/RadioGroup';
import { useUrlFilters } from '../../ui/useUrlFilters';
import { berlinToIso } from './berlinTime';
import { CalendarFeed } from './CalendarFeed';
import { MeetingCalendar, type Month, monthKey, shiftMonth } from './MeetingCalendar';
import { MeetingListItem } from './MeetingListItem';
import { meetingPaths } from './meetingPaths';
import './meetings.css';

export const MeetingsPageQuery = graphql(`
  query MeetingsPage($filter: MeetingFilter, $first: Int, $after: String) {
    viewerCan {
      planMeetings
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

/** This month in Berlin, `YYYY-MM`. */
function currentMonthKey(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .slice(0, 7);
}

function parseMonth(key: string): Month | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  const month = match ? Number(match[2]) : 0;
  return match && month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

/** Meetings of the network: upcoming or past, as a list or a calendar by month; planning; subscription. */
export function MeetingsPage() {
  const t = useT();
  const [filters, applyFilters] = useUrlFilters({
    range: 'upcoming',
    view: 'list',
    invitedOnly: false,
    month: '',
  });
  const range: Range = filters.range === 'past' ? 'past' : 'upcoming';
  const view: View = filters.view === 'calendar' ? 'calendar' : 'list';
  const { invitedOnly } = filters;
  // Computed once per page visit, so the query's variables stay stable.
  const now = useMemo(() => new Date().toISOString(), []);
  const month = parseMonth(filters.month) ?? (parseMonth(currentMonthKey()) as Month);
  const setMonth = (next: Month) => applyFilters({ month: monthKey(next) });
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
  const loadMore = () =>
    fetchMore({
      variables: { after: data?.meetings.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        meetings: {
          ...fetchMoreResult.meetings,
          edges: [...previous.meetings.edges, ...fetchMoreResult.meetings.edges],
        },
      }),
    });
  return (
    <ListPage
      title={t('meetings.title')}
      intro={t('meetings.intro')}
      actions={
        <>
          {data?.viewerCan.planMeetings ? (
            <Link className="kern-btn kern-btn--primary" to={meetingPaths.create}>
              <span className="kern-label">{t('meetings.create.link')}</span>
            </Link>
          ) : null}
          <Link className="kern-btn kern-btn--secondary" to={meetingPaths.actionItems}>
            <span className="kern-label">{t('meetings.board.link')}</span>
          </Link>
          {data?.viewerCan.readParticipation ? (
            <Link className="kern-btn kern-btn--secondary" to={meetingPaths.participation}>
              <span className="kern-label">{t('meetings.participation.link')}</span>
            </Link>
          ) : null}
        </>
      }
      filters={
        <>
          <RadioGroup
            className="hub-meeting-filter"
            name="meetings-range"
            legend={t('meetings.filter.label')}
            options={(['upcoming', 'past'] as const).map((value) => ({
              value,
              label: t(`meetings.filter.${value}`),
            }))}
            value={range}
            onChange={(value) => applyFilters({ range: value })}
          >
            <Checkbox
              id="meetings-invited"
              label={t('meetings.filter.invitedOnly')}
              checked={invitedOnly}
              onChange={(checked) => applyFilters({ invitedOnly: checked })}
            />
          </RadioGroup>
          <RadioGroup
            className="hub-meeting-filter"
            name="meetings-view"
            legend={t('meetings.view.label')}
            options={(['list', 'calendar'] as const).map((value) => ({
              value,
              label: t(`meetings.view.${value}`),
            }))}
            value={view}
            onChange={(value) => applyFilters({ view: value })}
          />
        </>
      }
    >
      <ListResults
        id="meetings-results"
        count={data ? t('meetings.count', { count: data.meetings.totalCount }) : null}
        error={error}
        onRetry={() => void refetch()}
        loading={networkStatus === NetworkStatus.loading}
        emptyText={t('meetings.empty')}
        // The calendar shows its month even without meetings.
        isEmpty={view === 'list' && meetings.length === 0}
        hasNextPage={data?.meetings.pageInfo.hasNextPage ?? false}
        onLoadMore={() => void loadMore()}
        loadMoreLabel={t('meetings.more')}
        loadingMore={networkStatus === NetworkStatus.fetchMore}
      >
        {view === 'list' ? (
          <ul className="hub-meeting-list">
            {ordered.map((meeting) => (
              <MeetingListItem key={meeting.id} meeting={meeting} />
            ))}
          </ul>
        ) : (
          <>
            {meetings.length === 0 ? <p className="kern-body">{t('meetings.empty')}</p> : null}
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
      </ListResults>
      <CalendarFeed />
    </ListPage>
  );
}
