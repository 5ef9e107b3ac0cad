import fs from 'node:fs';
import path from 'node:path';
import { MeetingKind, Role } from '@hub/shared';
import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { SESSION_COOKIE } from '../../packages/api/src/modules/auth/session.service';
import { AgendaItem, Meeting } from '../../packages/api/src/modules/meetings/meeting.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid } from '../support/factories';
import { buildMeeting, buildWorkingGroup } from '../support/meeting-factories';

let t: TestApp;
let validators: Record<string, ValidateFunction>;
/** The session cookie of a signed-in coordinator: OParl shows what GraphQL shows the same viewer. */
let signedIn: string;

/** An OParl object as the endpoints return it (the schema files say the rest). */
interface OparlObject {
  id: string;
  type: string;
  name?: string;
  membership?: string[] | string;
  meeting?: string;
  person?: string;
  organization?: string;
  agendaItem?: OparlObject[] | string;
  [key: string]: unknown;
}

beforeAll(async () => {
  t = await startTestApp();
  const session = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
  signedIn = `${SESSION_COOKIE}=${session.cookie(SESSION_COOKIE)}`;
  // OParl's schema dialect has extra keys (references, cardinality, schema…), format "url" and
  // patterns with escapes (\:) that only non-unicode regular expressions accept.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addFormat('url', /^https?:\/\/\S+$/);
  const dir = path.join(__dirname, '../fixtures/oparl-1.1');
  validators = Object.fromEntries(
    ['System', 'Body', 'Organization', 'Person', 'Membership', 'Meeting', 'AgendaItem'].map((type) => {
      const schema = JSON.parse(fs.readFileSync(path.join(dir, `${type}.json`), 'utf8'));
      delete schema.$schema;
      delete schema.id;
      return [type, ajv.compile(schema)];
    }),
  );
});
afterAll(() => t.close());

/** Validates an object (and the agenda items a meeting embeds) against its OParl schema. */
function expectValid(object: OparlObject): void {
  const type = String(object.type).replace('https://schema.oparl.org/1.1/', '');
  const validate = validators[type];
  expect(validate).toBeDefined();
  const ok = validate(object);
  expect({ type, id: object.id, errors: ok ? null : validate.errors }).toEqual({
    type,
    id: object.id,
    errors: null,
  });
  if (type === 'Meeting')
    for (const item of (object.agendaItem as OparlObject[] | undefined) ?? []) expectValid(item);
}

/** Fetches an OParl URL, signed in (the default) or anonymously (`cookie: null`). */
async function fetchOparl(url: string, cookie: string | null = signedIn): Promise<Response> {
  return fetch(url.startsWith('http') ? url : `${t.url}${url}`, {
    headers: cookie ? { cookie } : {},
  });
}

async function get(url: string, cookie: string | null = signedIn): Promise<any> {
  const response = await fetchOparl(url, cookie);
  expect(response.status).toBe(200);
  return response.json();
}

/** Follows links.next through every page, validating each object. */
async function all(url: string, cookie: string | null = signedIn): Promise<OparlObject[]> {
  const objects: OparlObject[] = [];
  let next: string | undefined = url;
  while (next) {
    const page: { data: OparlObject[]; links: { next?: string } } = await get(next, cookie);
    expect(Array.isArray(page.data)).toBe(true);
    for (const object of page.data) expectValid(object);
    objects.push(...page.data);
    next = page.links.next;
  }
  return objects;
}

describe('OParl 1.1', () => {
  it('serves System, Body and lists whose every object matches the schema, paged by links.next', async () => {
    const lead = await buildUser(t.dataSource, { name: 'Lea Leitung' });
    const member = await buildUser(t.dataSource, { name: 'Max Mitglied', phone: '+49 631 000' });
    const group = await buildWorkingGroup(t.dataSource, {
      leads: [lead],
      members: [member],
      name: 'AG Mobilität',
    });
    const meetings: Meeting[] = [];
    for (let i = 0; i < 5; i++) {
      const meeting = await buildMeeting(t.dataSource, {
        kind: MeetingKind.WORKING_GROUP,
        workingGroupId: group.id,
        organizerId: lead.id,
      });
      await t.dataSource.getRepository(AgendaItem).insert([
        { meetingId: meeting.id, position: 1, title: 'Begrüßung' },
        { meetingId: meeting.id, position: 2, title: 'E-Scooter' },
      ]);
      meetings.push(meeting);
    }
    await buildMeeting(t.dataSource, { kind: MeetingKind.NETWORK, cancelled: true });

    // The validators do reject what is not OParl.
    expect(validators.Meeting({ id: 'nicht-url', type: 'https://schema.oparl.org/1.1/Paper' })).toBe(false);

    const system = await get('/oparl/v1');
    expectValid(system);
    const bodies = await get(system.body);
    expect(bodies.data).toHaveLength(1);
    const body = bodies.data[0];
    expectValid(body);

    const listedMeetings = await all(`${body.meeting}?limit=2`);
    expect(listedMeetings.length).toBeGreaterThanOrEqual(6);
    expect(new Set(listedMeetings.map((m) => m.id)).size).toBe(listedMeetings.length);
    const one = listedMeetings.find((m) => m.id.endsWith(meetings[0].id)) as OparlObject & {
      agendaItem: OparlObject[];
    };
    expect(one.agendaItem.map((a) => a.name)).toEqual(['Begrüßung', 'E-Scooter']);
    expect(listedMeetings.some((m) => m.cancelled === true)).toBe(true);

    const organizations = await all(body.organization);
    const ag = organizations.find((o) => o.name === 'AG Mobilität') as OparlObject & {
      membership: string[];
      meeting: string;
    };
    expect(ag.membership).toHaveLength(2);
    expect(organizations.find((o) => o.organizationType === 'Netzwerk')).toBeDefined();
    const groupMeetings = await all(ag.meeting);
    expect(groupMeetings).toHaveLength(5);

    const people = await all(body.person);
    const max = people.find((p) => p.name === 'Max Mitglied');
    expect(max).toBeDefined();
    expect(Object.keys(max as object).sort()).toEqual(['body', 'created', 'id', 'modified', 'name', 'type']);
    expect(JSON.stringify(people)).not.toContain('@example.org');
    expect(JSON.stringify(people)).not.toContain('+49 631');

    const memberships = await all(body.membership);
    expect(
      memberships
        .filter((m) => m.organization === ag.id)
        .map((m) => m.role)
        .sort(),
    ).toEqual(['Leitung', 'Mitglied']);
    for (const url of [ag.id, max?.id, memberships[0].id, one.id, one.agendaItem[0].id])
      expectValid(await get(String(url)));
    await all(`${body.agendaItem}?limit=3`);
  });

  it('filters by created/modified and shows soft-deleted objects only with modified_since', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    const kept = await buildMeeting(t.dataSource, { title: 'Bleibt' });
    const removed = await buildMeeting(t.dataSource, { title: 'Gelöscht' });
    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const deleted = await (await t.as(coordinator)).gql(
      'mutation($input: MeetingRefInput!) { deleteMeeting(input: $input) { userErrors { code } } }',
      { input: { meetingId: Buffer.from(`Meeting:${removed.id}`).toString('base64url') } },
    );
    expect(deleted.data?.deleteMeeting.userErrors).toEqual([]);

    const plain = await all('/oparl/v1/body/network/meetings');
    expect(plain.map((m) => m.id)).not.toContain(`${t.url}/oparl/v1/meeting/${removed.id}`);
    const sync = await all(`/oparl/v1/body/network/meetings?modified_since=${encodeURIComponent(before)}`);
    const gone = sync.find((m) => m.id === `${t.url}/oparl/v1/meeting/${removed.id}`);
    expect(gone).toMatchObject({ deleted: true });
    expect(sync.find((m) => m.id === `${t.url}/oparl/v1/meeting/${kept.id}`)).toMatchObject({
      name: 'Bleibt',
    });
    const created = await all(`/oparl/v1/body/network/meetings?created_until=${encodeURIComponent(before)}`);
    expect(created.map((m) => m.name)).not.toContain('Bleibt');
    const bad = await fetchOparl('/oparl/v1/body/network/meetings?modified_since=gestern');
    expect(bad.status).toBe(400);
    expect((await fetchOparl('/oparl/v1/meeting/not-a-uuid')).status).toBe(404);
  });
});

describe('the public rule (OParl and GraphQL alike)', () => {
  it('shows anonymous callers the System, the Body and the network only: no names, groups or meetings', async () => {
    const lead = await buildUser(t.dataSource, { name: 'Paula Privat' });
    const group = await buildWorkingGroup(t.dataSource, { leads: [lead], name: 'AG Nicht Öffentlich' });
    const meeting = await buildMeeting(t.dataSource, {
      kind: MeetingKind.WORKING_GROUP,
      workingGroupId: group.id,
      organizerId: lead.id,
      title: 'Geschlossene Sitzung',
    });
    await t.dataSource
      .getRepository(AgendaItem)
      .insert({ meetingId: meeting.id, position: 1, title: 'Intern' });

    const system = await get('/oparl/v1', null);
    expectValid(system);
    const body = (await get(system.body, null)).data[0];
    expectValid(body);
    const organizations = await all(body.organization, null);
    expect(organizations.map((o) => o.organizationType)).toEqual(['Netzwerk']);
    expect(organizations[0].membership).toEqual([]);
    for (const list of [
      body.person,
      body.membership,
      body.meeting,
      body.agendaItem,
      organizations[0].meeting,
    ])
      expect(await all(String(list), null)).toEqual([]);
    expect(await all(`${t.url}/oparl/v1/organization/${group.id}/meetings`, null)).toEqual([]);
    for (const url of [
      `/oparl/v1/person/${lead.id}`,
      `/oparl/v1/organization/${group.id}`,
      `/oparl/v1/meeting/${meeting.id}`,
    ])
      expect((await fetchOparl(url, null)).status).toBe(404);

    // Signed in, the same objects are there (the rule is about the viewer, not the data).
    expect((await get(`/oparl/v1/person/${lead.id}`)).name).toBe('Paula Privat');
    expect((await get(`/oparl/v1/meeting/${meeting.id}`)).name).toBe('Geschlossene Sitzung');

    // GraphQL keeps the same things from the public.
    const anonymous = t.client();
    for (const list of ['workingGroups', 'meetings']) {
      const result = await anonymous.gql(`{ ${list}(first: 5) { totalCount } }`);
      expect(String(result.errors?.[0].extensions?.code ?? result.data?.[list].totalCount)).toMatch(
        /^(UNAUTHENTICATED|0)$/,
      );
    }
    const person = await anonymous.gql('query($id: ID!) { node(id: $id) { id } }', {
      id: gid('User', lead.id),
    });
    expect(person.data?.node ?? null).toBeNull();
  });

  it('shows officers active working-group memberships, coordinators the ended ones too', async () => {
    const officer = await buildUser(t.dataSource);
    const lead = await buildUser(t.dataSource);
    const leaver = await buildUser(t.dataSource, { name: 'Lena Gegangen' });
    const group = await buildWorkingGroup(t.dataSource, { leads: [lead], members: [leaver] });
    await t.dataSource.query(
      `UPDATE working_group_membership SET status = 'LEFT', ended_at = now() WHERE user_id = $1`,
      [leaver.id],
    );
    const officerSession = await t.as(officer);
    const officerCookie = `${SESSION_COOKIE}=${officerSession.cookie(SESSION_COOKIE)}`;
    const ofGroup = (memberships: OparlObject[]) =>
      memberships.filter((m) => m.organization === `${t.url}/oparl/v1/organization/${group.id}`);
    expect(ofGroup(await all('/oparl/v1/body/network/memberships', officerCookie))).toHaveLength(1);
    expect(ofGroup(await all('/oparl/v1/body/network/memberships'))).toHaveLength(2);
  });
});
