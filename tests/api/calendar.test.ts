import { Meeting } from '../../packages/api/src/modules/meetings/meeting.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';
import { buildMeetingCast, invite } from '../support/meeting-factories';

// ical.js ships CommonJS for require(); its type declarations describe the ES module.
type ICALModule = typeof import('ical.js', { with: { 'resolution-mode': 'import' }}).default;
const ICAL: ICALModule = require('ical.js');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id calendarPath } userErrors { code } } }`;

interface ParsedEvent {
  uid: string;
  summary: string;
  start: string;
  end: string;
  startTzid: string | null;
  sequence: number;
  status: string;
  url: string;
}

/** Parses an iCalendar text with ical.js, resolving times through its own VTIMEZONE. */
function parse(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startTzid: (vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      sequence: Number(vevent.getFirstPropertyValue('sequence')),
      status: String(vevent.getFirstPropertyValue('status')),
      url: String(vevent.getFirstPropertyValue('url')),
    };
  });
}

async function fetchIcs(client: TestClient | null, path: string): Promise<Response> {
  const headers: Record<string, string> = {};
  const session = client?.cookie('hub_session');
  if (session) headers.cookie = `hub_session=${session}`;
  return fetch(`${t.url}${path}`, { headers });
}

async function plan(client: TestClient, title: string, startsAt: string, endsAt: string) {
  const result = await client.gql(CREATE, {
    input: { kind: 'NETWORK', title, startsAt, endsAt, location: 'Mainz; Raum 1, EG' },
  });
  expect(result.data?.createMeeting.userErrors).toEqual([]);
  return result.data?.createMeeting.meeting as { id: string; calendarPath: string };
}

describe('iCalendar per meeting', () => {
  it('writes Berlin local times with a VTIMEZONE that ical.js resolves across the DST change', async () => {
    const { coordinator } = await buildMeetingCast(t.dataSource);
    const client = await t.as(coordinator);
    const summer = await plan(
      client,
      'Nach der Umstellung',
      '2026-03-30T09:00:00+02:00',
      '2026-03-30T11:30:00+02:00',
    );
    const winter = await plan(
      client,
      'Vor der Umstellung',
      '2026-03-27T09:00:00+01:00',
      '2026-03-27T10:00:00+01:00',
    );

    const response = await fetchIcs(client, summer.calendarPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const text = await response.text();
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin');
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20260330T090000');
    expect(text).toContain('LOCATION:Mainz\\; Raum 1\\, EG');
    const [event] = parse(text);
    expect(event).toMatchObject({
      summary: 'Nach der Umstellung',
      start: '2026-03-30T07:00:00.000Z',
      end: '2026-03-30T09:30:00.000Z',
      startTzid: 'Europe/Berlin',
      sequence: 0,
      status: 'CONFIRMED',
    });
    // The event links to the meeting page of the web app.
    expect(new URL(event.url).pathname).toMatch(/^\/sitzungen\/[\w%-]+$/);

    const [before] = parse(await (await fetchIcs(client, winter.calendarPath)).text());
    expect(before).toMatchObject({ start: '2026-03-27T08:00:00.000Z', end: '2026-03-27T09:00:00.000Z' });
  });

  it('refuses anonymous requests and unknown meetings', async () => {
    const { coordinator } = await buildMeetingCast(t.dataSource);
    const client = await t.as(coordinator);
    const meeting = await plan(client, 'Privat', '2026-12-01T10:00:00+01:00', '2026-12-01T11:00:00+01:00');
    expect((await fetchIcs(null, meeting.calendarPath)).status).toBe(401);
    expect(
      (await fetchIcs(client, '/calendar/meetings/00000000-0000-4000-8000-000000000000.ics')).status,
    ).toBe(404);
  });
});

describe('personal subscription feed', () => {
  it('lists the invited meetings with updates and cancellations, and stops working once revoked', async () => {
    const { coordinator } = await buildMeetingCast(t.dataSource);
    const officer = await buildUser(t.dataSource);
    const coordinatorClient = await t.as(coordinator);
    const kept = await plan(
      coordinatorClient,
      'Netzwerktreffen Frühjahr',
      '2026-12-10T09:00:00+01:00',
      '2026-12-10T12:00:00+01:00',
    );
    const dropped = await plan(
      coordinatorClient,
      'Lenkungskreis',
      '2026-12-11T09:00:00+01:00',
      '2026-12-11T10:00:00+01:00',
    );
    await plan(
      coordinatorClient,
      'Nicht eingeladen',
      '2026-12-12T09:00:00+01:00',
      '2026-12-12T10:00:00+01:00',
    );
    const meetings = await t.dataSource
      .getRepository(Meeting)
      .findBy([{ title: 'Netzwerktreffen Frühjahr' }, { title: 'Lenkungskreis' }]);
    await invite(t.dataSource, meetings[0], [officer]);
    await invite(t.dataSource, meetings[1], [officer]);

    const officerClient = await t.as(officer);
    const created = await officerClient.gql(`mutation { createCalendarFeed { url userErrors { code } } }`);
    const url: string = created.data?.createCalendarFeed.url;
    expect(url).toMatch(/\/calendar\/feed\/[A-Za-z0-9_-]{40,}\.ics$/);
    const feedPath = new URL(url).pathname;

    await coordinatorClient.gql(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { userErrors { code } } }`,
      {
        input: { meetingId: kept.id, startsAt: '2026-12-10T10:00:00+01:00' },
      },
    );
    await coordinatorClient.gql(
      `mutation($input: MeetingRefInput!) { cancelMeeting(input: $input) { userErrors { code } } }`,
      {
        input: { meetingId: dropped.id },
      },
    );

    const response = await fetchIcs(null, feedPath);
    expect(response.status).toBe(200);
    const events = parse(await response.text());
    expect(events.map((e) => e.summary).sort()).toEqual(['Lenkungskreis', 'Netzwerktreffen Frühjahr']);
    const keptEvent = events.find((e) => e.summary === 'Netzwerktreffen Frühjahr');
    expect(keptEvent).toMatchObject({ start: '2026-12-10T09:00:00.000Z', sequence: 1, status: 'CONFIRMED' });
    expect(events.find((e) => e.summary === 'Lenkungskreis')).toMatchObject({
      sequence: 1,
      status: 'CANCELLED',
    });
    expect(events.map((e) => e.summary)).not.toContain('Nicht eingeladen');

    // A new URL replaces the old one; revoking ends it.
    const renewed = await officerClient.gql(`mutation { createCalendarFeed { url } }`);
    expect((await fetchIcs(null, feedPath)).status).toBe(404);
    const renewedPath = new URL(renewed.data?.createCalendarFeed.url).pathname;
    expect((await fetchIcs(null, renewedPath)).status).toBe(200);
    await officerClient.gql(`mutation { revokeCalendarFeed { userErrors { code } } }`);
    expect((await fetchIcs(null, renewedPath)).status).toBe(404);
    const anonymous = await t.client().gql(`mutation { createCalendarFeed { url } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
