import { meetingTimeZone } from '@hub/shared';
import type { AppLocale } from '../../i18n';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: meetingTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Berlin's offset from UTC in minutes at an instant (60 in winter, 120 in summer). */
function berlinOffsetMinutes(instant: number): number {
  const p = Object.fromEntries(parts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return Math.round((asUtc - instant) / 60_000);
}

/** A Berlin wall-clock date (YYYY-MM-DD) and time (HH:MM) as an ISO instant, across DST changes. */
export function berlinToIso(date: string, time: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return null;
  const wall = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  let instant = wall - berlinOffsetMinutes(wall) * 60_000;
  instant = wall - berlinOffsetMinutes(instant) * 60_000;
  return new Date(instant).toISOString();
}

/** A meeting's date and time span in Berlin time, as people in the language write it. */
export function formatMeetingTime(startsAt: string, endsAt: string, locale: AppLocale): string {
  const day = new Intl.DateTimeFormat(locale, { timeZone: meetingTimeZone, dateStyle: 'full' });
  const time = new Intl.DateTimeFormat(locale, { timeZone: meetingTimeZone, timeStyle: 'short' });
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay
    ? `${day.format(start)}, ${time.format(start)}–${time.format(end)}`
    : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

/** The Berlin calendar month of an instant, e.g. "März 2026", for grouping a calendar view. */
export function formatMonth(iso: string, locale: AppLocale): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: meetingTimeZone,
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD: a due date, a period's end) as people in the language write it. */
export function formatCalendarDate(date: string, locale: AppLocale): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** An instant as a Berlin wall-clock date (YYYY-MM-DD) and time (HH:MM), for date and time inputs. */
export function isoToBerlin(iso: string): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
