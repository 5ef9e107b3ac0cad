import { meetingTimeZone } from '@hub/shared';
import { Link } from 'react-router';
import type { MeetingListItem_MeetingFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { narrowScreen, useMediaQuery } from '../../ui/useMediaQuery';
import { meetingPaths } from './meetingPaths';

/** A calendar month: year and month (1–12). */
export interface Month {
  year: number;
  month: number;
}

export const shiftMonth = ({ year, month }: Month, by: number): Month => {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

export const monthKey = ({ year, month }: Month) => `${year}-${String(month).padStart(2, '0')}`;

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: meetingTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * A month as a grid of weeks (Monday first), each meeting on its Berlin date. On a phone, where seven
 * columns would wrap titles word by word, the same month is a list of the days that have meetings.
 */
export function MeetingCalendar({
  month,
  meetings,
}: {
  month: Month;
  meetings: MeetingListItem_MeetingFragment[];
}) {
  const t = useT();
  const { locale } = useLocale();
  const narrow = useMediaQuery(narrowScreen);
  const first = new Date(Date.UTC(month.year, month.month - 1, 1));
  const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const leading = (first.getUTCDay() + 6) % 7;
  // Each cell keyed by its date, or by its place for the blanks before and after the month.
  const cells: { key: string; day: number | null }[] = [];
  for (let i = 0; i < leading; i++) cells.push({ key: `before-${i}`, day: null });
  for (let day = 1; day <= days; day++)
    cells.push({ key: `${monthKey(month)}-${String(day).padStart(2, '0')}`, day });
  for (let i = 0; cells.length % 7; i++) cells.push({ key: `after-${i}`, day: null });
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const byDay = new Map<string, MeetingListItem_MeetingFragment[]>();
  for (const meeting of meetings) {
    const day = berlinDay.format(new Date(meeting.startsAt));
    byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
  }
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: meetingTimeZone, timeStyle: 'short' });
  // 2024-01-01 was a Monday.
  const names = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)));
  const caption = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    first,
  );

  if (narrow) {
    const dayHeading = new Intl.DateTimeFormat(locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      timeZone: 'UTC',
    });
    const meetingDays = cells.filter(({ key, day }) => day !== null && byDay.has(key));
    return (
      <section className="hub-meeting-agenda-list" aria-labelledby="meetings-calendar-caption">
        <h3 className="kern-heading-small" id="meetings-calendar-caption">
          {t('meetings.calendar.caption', { month: caption })}
        </h3>
        {meetingDays.length === 0 ? (
          <p className="kern-body">{t('meetings.calendar.noneThisMonth')}</p>
        ) : null}
        <ul className="hub-meeting-list">
          {meetingDays.map(({ key, day }) => (
            <li key={key} className="hub-meeting-item">
              <h4 className="hub-meeting-agenda-list__day">
                {dayHeading.format(new Date(Date.UTC(month.year, month.month - 1, day ?? 1)))}
              </h4>
              <ul className="hub-meeting-list">
                {(byDay.get(key) ?? []).map((meeting) => (
                  <li key={meeting.id}>
                    <Link className="kern-link" to={meetingPaths.detail(meeting.id)}>
                      {time.format(new Date(meeting.startsAt))} {meeting.title}
                    </Link>
                    {meeting.cancelled ? ` ${t('meetings.cancelled')}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  return (
    <table className="hub-meeting-calendar">
      <caption className="kern-heading-small">{t('meetings.calendar.caption', { month: caption })}</caption>
      <thead>
        <tr>
          {names.map((day) => (
            <th scope="col" key={day.toISOString()}>
              <abbr title={weekdayLong.format(day)}>{weekday.format(day)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0].key}>
            {week.map(({ key, day }) => {
              if (day === null) return <td key={key} />;
              const list = byDay.get(key) ?? [];
              return (
                <td key={key}>
                  <span className="hub-meeting-calendar__day">{day}</span>
                  {list.length ? (
                    <ul>
                      {list.map((meeting) => (
                        <li key={meeting.id}>
                          <Link className="kern-link" to={meetingPaths.detail(meeting.id)}>
                            {time.format(new Date(meeting.startsAt))} {meeting.title}
                          </Link>
                          {meeting.cancelled ? ` ${t('meetings.cancelled')}` : ''}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
