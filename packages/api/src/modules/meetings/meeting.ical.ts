import { meetingTimeZone } from '@hub/shared';
import { toGlobalId } from '../../graphql/relay';
import type { Meeting } from './meeting.entity';

/** Europe/Berlin as RFC 5545 VTIMEZONE: CET/CEST, switching on the last Sundays of March and October. */
const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${meetingTimeZone}`,
  'X-LIC-LOCATION:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const berlinParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: meetingTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** The wall-clock time in Berlin as an iCalendar local DATE-TIME (e.g. 20260330T090000). */
export function berlinLocal(instant: Date): string {
  const parts = Object.fromEntries(berlinParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}${parts.month}${parts.day}T${parts.hour}${parts.minute}${parts.second}`;
}

const utc = (instant: Date) => `${instant.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** TEXT escaping of RFC 5545 §3.3.11. */
const text = (value: string) =>
  value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

export interface CalendarOptions {
  /** Calendar name shown by clients (X-WR-CALNAME). */
  name: string;
  /** Base URL of the hub, for each event's URL. */
  baseUrl: string;
}

function event(meeting: Meeting, baseUrl: string): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:meeting-${meeting.id}@digitale-staedte-rlp`,
    `DTSTAMP:${utc(meeting.updatedAt)}`,
    `LAST-MODIFIED:${utc(meeting.updatedAt)}`,
    `CREATED:${utc(meeting.createdAt)}`,
    `DTSTART;TZID=${meetingTimeZone}:${berlinLocal(meeting.startsAt)}`,
    `DTEND;TZID=${meetingTimeZone}:${berlinLocal(meeting.endsAt)}`,
    `SEQUENCE:${meeting.sequence}`,
    `STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${text(meeting.title)}`,
  ];
  const description = [meeting.description, meeting.onlineUrl ? `Online: ${meeting.onlineUrl}` : '']
    .filter(Boolean)
    .join('\n\n');
  if (description) lines.push(`DESCRIPTION:${text(description)}`);
  if (meeting.location ?? meeting.onlineUrl)
    lines.push(`LOCATION:${text(meeting.location ?? meeting.onlineUrl ?? '')}`);
  lines.push(
    `URL:${baseUrl}/sitzungen/${encodeURIComponent(toGlobalId('Meeting', meeting.id))}`,
    'END:VEVENT',
  );
  return lines;
}

/** An RFC 5545 calendar with the meetings, their updates (SEQUENCE) and cancellations. */
export function meetingsToICalendar(meetings: Meeting[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Digitale Städte Rheinland-Pfalz//Hub//DE',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${text(options.name)}`,
    `X-WR-TIMEZONE:${meetingTimeZone}`,
    ...BERLIN_VTIMEZONE,
    ...meetings.flatMap((meeting) => event(meeting, options.baseUrl)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
