import { ThreadSubjectType } from '@hub/shared';
import { buildThread } from '../support/discussion-factories';
import 'reflect-metadata';
import { MembershipStatus, Role } from '@hub/shared';
import type { DataSource } from 'typeorm';
import { coarseClient } from '../../packages/api/src/modules/auth/session.service';
import { personalDataRegistry } from '../../packages/api/src/modules/privacy';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid } from '../support/factories';
import { buildMeeting, invite } from '../support/meeting-factories';
import { buildMembership, freshMunicipality, officerOf } from '../support/network-factories';
import { buildProject } from '../support/project-factories';
import { addHistory, buildWorkingGroup } from '../support/working-group-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const USER_ERRORS = 'userErrors { field code message }';
const EXPORT = `mutation($input: ExportPersonalDataInput!) {
  exportPersonalData(input: $input) { files { baseName json html } ${USER_ERRORS} } }`;
const ERASE = `mutation($input: ErasePersonInput!) {
  erasePerson(input: $input) { person { id name erased email } ${USER_ERRORS} } }`;

/**
 * A person who did everything the hub records: signed in, invited, asked for a password link,
 * got mail, subscribed to the calendar, is a project contact, member of a working group, created
 * a group, a project and a status update, organised and presented at a meeting, drafted, submitted
 * and approved minutes, owns an action item, stepped a membership, edited the profile (audit).
 * Other people's records mention the person by name and address.
 */
/** Distinct people per call, so that one test's searches never find another test's person. */
const castNames = ['Hildegard Quellenberg', 'Ottilie Brunnenkamp', 'Wendelin Auenstein'];
let casts = 0;
async function personWhoDidEverything(ds: DataSource) {
  casts++;
  const municipality = await freshMunicipality(ds);
  const person = await officerOf(ds, municipality, {
    name: castNames[casts - 1],
    email: `person${casts}.${castNames[casts - 1].split(' ')[1].toLowerCase()}@beispielstadt.example`,
    phone: `+49 631 555 01${casts}9`,
    position: 'Digitalbeauftragte',
  });
  const colleague = await officerOf(ds, municipality, { name: 'Kollegin Weitermacher' });
  const coordinator = await buildUser(ds, { role: Role.COORDINATOR, name: 'Koordinatorin Kern' });
  await buildMembership(ds, municipality, MembershipStatus.ACTIVE, person);

  const q = (sql: string, values: unknown[]) => ds.query(sql, values);
  await q(
    `INSERT INTO user_token (user_id, purpose, token_hash, expires_at) VALUES ($1, 'INVITATION', md5(random()::text), now() + interval '1 day')`,
    [person.id],
  );
  await q('INSERT INTO password_reset_request (email) VALUES ($1)', [person.email]);
  await q(`INSERT INTO rate_limit_bucket (key, count, window_start) VALUES ($1, 1, now())`, [
    `sign-in:account:${person.email}`,
  ]);
  await q(
    `INSERT INTO outbox_message (recipient, subject, body, kind) VALUES ($1, 'Willkommen', $2, 'INVITATION')`,
    [person.email, `Hallo ${person.name}, willkommen im Hub.`],
  );
  await q(`INSERT INTO outbox_message (recipient, subject, body, kind) VALUES ($1, $2, $3, 'NOTICE')`, [
    colleague.email,
    `Neue Aufgabe von ${person.name}`,
    `${person.name} (${person.email}, Tel. ${person.phone}) hat Ihnen eine Aufgabe gegeben.`,
  ]);
  await q(`INSERT INTO calendar_feed (user_id, token_hash) VALUES ($1, md5(random()::text))`, [person.id]);

  const project = await buildProject(ds, {
    leadMunicipalityId: municipality.id,
    createdById: person.id,
    description: `Ansprechperson: ${person.name}, ${person.phone}`,
    statusUpdates: [],
  });
  await q('INSERT INTO project_contact (project_id, user_id) VALUES ($1, $2)', [project.id, person.id]);
  await q(
    `INSERT INTO project_status_update (project_id, reported_on, phase, progress_percent, text, author_id)
     VALUES ($1, '2026-10-01', 'PILOT', 40, 'Pilot läuft', $2)`,
    [project.id, person.id],
  );

  const group = await buildWorkingGroup(ds, {
    leads: [colleague],
    members: [person],
    createdById: person.id,
  });
  await addHistory(ds, group, person);

  const meeting = await buildMeeting(ds, { organizerId: person.id, title: 'Netzwerktreffen Herbst' });
  await invite(ds, meeting, [person, colleague]);
  await q('UPDATE meeting_invitation SET response = $2, attended = true WHERE user_id = $1', [
    person.id,
    'YES',
  ]);
  const [agendaItem] = await q(
    `INSERT INTO agenda_item (meeting_id, position, title, presenter_id) VALUES ($1, 1, 'Bericht', $2) RETURNING id`,
    [meeting.id, person.id],
  );
  const [minutes] = await q(
    `INSERT INTO meeting_minutes (meeting_id, status, body, drafted_by_id, submitted_by_id, approved_by_id, published_at)
     VALUES ($1, 'PUBLISHED', $2, $3, $3, $3, now()) RETURNING id`,
    [meeting.id, `${person.name} berichtet vom Pilot. Rückfragen an ${person.email}.`, person.id],
  );
  await q(
    `INSERT INTO meeting_minutes_revision (minutes_id, meeting_id, revision, body, item_notes, submitted_by_id, approved_by_id, published_by_id)
     VALUES ($1, $2, 1, $3, '[]', $4, $4, $4)`,
    [minutes.id, meeting.id, `${person.name} berichtet vom Pilot.`, person.id],
  );
  await q(
    `INSERT INTO meeting_outcome (meeting_id, agenda_item_id, kind, title, owner_user_id, status, created_by_id)
     VALUES ($1, $2, 'ACTION_ITEM', 'Pilot auswerten', $3, 'OPEN', $3)`,
    [meeting.id, agendaItem.id, person.id],
  );

  // Discussions, notifications and reports (written directly; their own tests go through the schema).
  const thread = await buildThread(ds, {
    subjectType: ThreadSubjectType.PROJECT,
    subjectId: project.id,
    author: person,
    title: 'Wer hat Erfahrung mit dem Pilot?',
    posts: [`Fragen an ${person.name}: ${person.email}`],
  });
  await q('INSERT INTO discussion_read_state (user_id, thread_id, last_read_number) VALUES ($1, $2, 1)', [
    person.id,
    thread.id,
  ]);
  await q(
    `INSERT INTO follow (user_id, subject_type, subject_id, state) VALUES ($1, 'PROJECT', $2, 'FOLLOWING')`,
    [person.id, project.id],
  );
  await q(
    `INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, actor_id, actor_name, link)
     VALUES ($1, 'FOLLOWER', 'STATUS_UPDATE', 'PROJECT', $2, 'Pilot', $3, $4, '/projekte')`,
    [person.id, project.id, colleague.id, colleague.name],
  );
  await q(
    `INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, actor_id, actor_name, link)
     VALUES ($1, 'FOLLOWER', 'STATUS_UPDATE', 'PROJECT', $2, 'Pilot', $3, $4, '/projekte')`,
    [colleague.id, project.id, person.id, person.name],
  );
  await q('INSERT INTO notification_counter (user_id, total, unread) VALUES ($1, 1, 1)', [person.id]);
  await q(
    `INSERT INTO notification_preference (user_id, type, email) VALUES ($1, 'STATUS_UPDATE', 'WEEKLY')`,
    [person.id],
  );
  await q(
    `INSERT INTO progress_report (period_kind, year, period_index, title, status, created_by_id)
     VALUES ('QUARTER', 1000 + (random() * 8000)::int, 3, 'Fortschrittsbericht (Test)', 'DRAFT', $1)`,
    [person.id],
  );

  // Initiatives: proposed, supported, moved on, a round opened with a ballot, a pilot application.
  const [initiative] = await q(
    `INSERT INTO initiative (title, problem, goal, category, status, proposed_by_id, proposing_municipality_id)
     VALUES ('Gemeinsamer Mängelmelder', 'Meldungen per Telefon', 'Ein Mängelmelder', 'CITIZEN_SERVICES', 'CALL_OPEN', $1, $2)
     RETURNING id`,
    [person.id, municipality.id],
  );
  await q(
    'INSERT INTO initiative_support (initiative_id, municipality_id, supported_by_id) VALUES ($1, $2, $3)',
    [initiative.id, municipality.id, person.id],
  );
  await q(
    `INSERT INTO initiative_status_change (initiative_id, from_status, to_status, actor_id, reason)
     VALUES ($1, 'SELECTED', 'CALL_OPEN', $2, 'Aufruf gestartet')`,
    [initiative.id, person.id],
  );
  const [round] = await q(
    `INSERT INTO prioritisation_round (title, method, points_per_municipality, deadline, quorum_percent, initiative_ids, opened_by_id)
     VALUES ('Priorisierung', 'DOT_VOTING', 10, now() + interval '7 days', 20, ARRAY[$1::uuid], $2) RETURNING id`,
    [initiative.id, person.id],
  );
  await q(
    `INSERT INTO round_ballot (round_id, municipality_id, cast_by_id, votes) VALUES ($1, $2, $3, '[]')`,
    [round.id, municipality.id, person.id],
  );
  await q(
    `INSERT INTO pilot_application (initiative_id, municipality_id, applied_by_id, statement)
     VALUES ($1, $2, $3, 'Wir bringen einen Piloten mit.')`,
    [initiative.id, municipality.id, person.id],
  );

  // Through the real schema: a session, a profile change (domain and audit events with before/after).
  const client = await t.as(person);
  const updated = await client.gql(
    `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { phone } ${USER_ERRORS} } }`,
    { input: { phone: person.phone, position: 'Digitalbeauftragte der Stadt' } },
  );
  expect(updated.data?.updateProfile.userErrors).toEqual([]);
  return { person, colleague, coordinator, municipality, project, group, meeting, client };
}

interface ExportedSection {
  table: string;
  rows: Record<string, unknown>[];
}

describe('sessions keep only a coarse client', () => {
  it('the browser and system family of a User-Agent, nothing finer', () => {
    expect(coarseClient('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe(
      'Firefox / Linux',
    );
    expect(
      coarseClient(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0',
      ),
    ).toBe('Edge / Windows');
    expect(
      coarseClient(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1',
      ),
    ).toBe('Safari / iOS');
    expect(coarseClient('curl/8.5.0')).toBe('anderer Browser / anderes System');
    expect(coarseClient(null)).toBeNull();
  });
});

describe('right of access (Art. 15/20)', () => {
  let cast: Awaited<ReturnType<typeof personWhoDidEverything>>;
  beforeAll(async () => {
    cast = await personWhoDidEverything(t.dataSource);
  });

  it('the person downloads everything, one section per registry table, none of them empty', async () => {
    const result = await cast.client.gql(EXPORT, { input: {} });
    expect(result.errors).toBeUndefined();
    const files = result.data?.exportPersonalData.files;
    const data = JSON.parse(files.json) as { person: { email: string }; sections: ExportedSection[] };
    expect(data.person.email).toBe(cast.person.email);
    expect(data.sections.map((s) => s.table).sort()).toEqual(personalDataRegistry.map((e) => e.table).sort());
    // A password-link request lives for a second: the mail delivery turns it into a mail and deletes it.
    const transient = ['password_reset_request'];
    const empty = data.sections
      .filter((s) => s.rows.length === 0 && !transient.includes(s.table))
      .map((s) => s.table);
    expect(empty).toEqual([]);
    const profile = data.sections.find((s) => s.table === 'app_user')?.rows[0];
    expect(profile).toMatchObject({
      name: 'Hildegard Quellenberg',
      phone: '+49 631 555 0119',
      role: 'OFFICER',
    });
    expect(profile?.municipality).toBe(cast.municipality.name);
    // No secrets: token hashes and the password hash never leave the database.
    expect(files.json).not.toMatch(/token_hash|tokenHash|password_hash|passwordHash/);
    // The readable document: a whole HTML page with a heading per kind, escaped.
    expect(files.html).toMatch(/^<!doctype html>\n<html lang="de">/);
    expect(files.html).toContain('<h1>Auskunft über gespeicherte Daten – Hildegard Quellenberg</h1>');
    expect(files.html).toContain('Einladungen, Zusagen und Anwesenheit');
    expect(files.html).not.toContain('<script');
    expect(files.baseName).toMatch(/^daten-hildegard-quellenberg-\d{4}-\d{2}-\d{2}$/);
    // The export is audited.
    const [exported] = await t.dataSource.query(
      `SELECT actor_id FROM audit_event WHERE action = 'person.dataExport' AND entity_id = $1`,
      [cast.person.id],
    );
    expect(exported.actor_id).toBe(cast.person.id);
  });

  it('a coordinator exports for the person; other officers, the ministry and the public may not', async () => {
    const input = { input: { personId: gid('User', cast.person.id) } };
    const byCoordinator = await (await t.as(cast.coordinator)).gql(EXPORT, input);
    expect(JSON.parse(byCoordinator.data?.exportPersonalData.files.json).person.email).toBe(
      cast.person.email,
    );
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    for (const viewer of [cast.colleague, ministry]) {
      const result = await (await t.as(viewer)).gql(EXPORT, input);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await t.client().gql(EXPORT, input);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an export of a person with nothing but an account lists every section, empty ones included', async () => {
    const newcomer = await buildUser(t.dataSource);
    const result = await (await t.as(newcomer)).gql(EXPORT, { input: {} });
    const sections = JSON.parse(result.data?.exportPersonalData.files.json).sections as ExportedSection[];
    expect(sections).toHaveLength(personalDataRegistry.length);
    expect(sections.find((s) => s.table === 'meeting_invitation')?.rows).toEqual([]);
  });
});

/** Every (table, column) whose text contains one of the needles, case-insensitive, across the database. */
async function findEverywhere(ds: DataSource, needles: string[]): Promise<string[]> {
  const columns = (await ds.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`,
  )) as { table_name: string; column_name: string }[];
  const found: string[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    const [{ hits }] = await ds.query(
      `SELECT count(*)::int AS hits FROM "${table}" WHERE "${column}"::text ILIKE ANY($1)`,
      [needles.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
    );
    if (hits) found.push(`${table}.${column} (${hits})`);
  }
  return found;
}

describe('erasure (Art. 17)', () => {
  it('a coordinator erases a person who did everything: nothing of name, e-mail or phone remains anywhere', async () => {
    const cast = await personWhoDidEverything(t.dataSource);
    const needles = [cast.person.name, cast.person.email, cast.person.phone as string];
    expect((await findEverywhere(t.dataSource, needles)).length).toBeGreaterThan(10);

    const coordinator = await t.as(cast.coordinator);
    const result = await coordinator.gql(ERASE, { input: { personId: gid('User', cast.person.id) } });
    expect(result.data?.erasePerson.userErrors).toEqual([]);
    const erased = result.data?.erasePerson.person;
    expect(erased).toMatchObject({ erased: true });
    expect(erased.name).toMatch(/^Gelöschte Person [0-9A-F]{6}$/);
    // No contact data and no administration left for an erased person.
    expect(erased.email).toBeNull();
    const [after] = await t.dataSource.query('SELECT email FROM app_user WHERE id = $1', [cast.person.id]);
    expect(after.email).toMatch(/@erased\.invalid$/);
    const reactivated = await coordinator.gql(
      `mutation($input: PersonInput!) { reactivateUser(input: $input) { user { id } } }`,
      { input: { userId: gid('User', cast.person.id) } },
    );
    expect(reactivated.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    expect(await findEverywhere(t.dataSource, needles)).toEqual([]);

    // Shared records stay and show the pseudonym; the person's own data is gone.
    const minutes = await coordinator.gql(
      `query($id: ID!) { node(id: $id) { ... on Meeting { minutes { body approvedBy { name } } } } }`,
      { id: gid('Meeting', cast.meeting.id) },
    );
    expect(minutes.data?.node.minutes.approvedBy.name).toBe(erased.name);
    expect(minutes.data?.node.minutes.body).toContain(`${erased.name} berichtet vom Pilot`);
    const [counts] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM session WHERE user_id = $1)::int AS sessions,
              (SELECT count(*) FROM user_token WHERE user_id = $1)::int AS tokens,
              (SELECT count(*) FROM calendar_feed WHERE user_id = $1)::int AS feeds,
              (SELECT count(*) FROM project_contact WHERE user_id = $1)::int AS contacts,
              (SELECT count(*) FROM meeting_invitation WHERE user_id = $1)::int AS invitations,
              (SELECT count(*) FROM project_status_update WHERE author_id = $1)::int AS updates`,
      [cast.person.id],
    );
    expect(counts).toEqual({ sessions: 0, tokens: 0, feeds: 0, contacts: 0, invitations: 1, updates: 1 });
    // The person's session has ended.
    const viewer = await cast.client.gql('{ viewer { id } }');
    expect(viewer.data?.viewer).toBeNull();
    // The audit trail keeps the fact, under the pseudonym, and the older events with masked fields.
    const trail = await t.dataSource.query(
      `SELECT action, actor_id, after FROM audit_event WHERE entity_id = $1 ORDER BY created_at, id`,
      [cast.person.id],
    );
    expect(trail.map((e: { action: string }) => e.action)).toEqual(['user.updateProfile', 'person.erase']);
    expect(trail[0].after.position).toBe(erased.name);
    expect(trail[1]).toMatchObject({ actor_id: cast.coordinator.id, after: { pseudonym: erased.name } });
    // The group membership ended; the person is no longer in the people list.
    const [membership] = await t.dataSource.query(
      'SELECT status, request_note FROM working_group_membership WHERE user_id = $1',
      [cast.person.id],
    );
    expect(membership).toEqual({ status: 'LEFT', request_note: null });
    const people = await coordinator.gql('{ people(first: 100) { edges { node { id } } } }');
    expect(people.data?.people.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(
      gid('User', cast.person.id),
    );
  });

  it('a person requests erasure, withdraws, requests again; a coordinator confirms by erasing', async () => {
    const person = await buildUser(t.dataSource, { name: 'Rita Rückzug' });
    const client = await t.as(person);
    const REQUEST = `mutation { requestErasure { person { erasureRequestedAt viewerCanRequestErasure viewerCanWithdrawErasureRequest } ${USER_ERRORS} } }`;
    const requested = await client.gql(REQUEST);
    expect(requested.data?.requestErasure.person).toMatchObject({
      viewerCanRequestErasure: false,
      viewerCanWithdrawErasureRequest: true,
    });
    expect(requested.data?.requestErasure.person.erasureRequestedAt).toBeTruthy();
    const twice = await client.gql(REQUEST);
    expect(twice.data?.requestErasure.userErrors[0].code).toBe('ALREADY_REQUESTED');
    const withdrawn = await client.gql(
      `mutation { withdrawErasureRequest { person { erasureRequestedAt } ${USER_ERRORS} } }`,
    );
    expect(withdrawn.data?.withdrawErasureRequest.person.erasureRequestedAt).toBeNull();
    await client.gql(REQUEST);

    const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const erased = await (await t.as(coordinator)).gql(ERASE, {
      input: { personId: gid('User', person.id) },
    });
    expect(erased.errors).toBeUndefined();
    expect(erased.data?.erasePerson.userErrors).toEqual([]);
    const events = await t.dataSource.query(
      `SELECT type, actor_id FROM domain_event WHERE subject_id = $1 ORDER BY id`,
      [person.id],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'person.erasureRequest',
      'person.erasureRequestWithdraw',
      'person.erasureRequest',
      'person.erasureConfirm',
      'person.erase',
    ]);
  });

  it('refuses to erase the last lead of a working group or the only officer of a member, saying what to do', async () => {
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const lead = await buildUser(t.dataSource, { name: 'Leona Leitung' });
    await buildWorkingGroup(t.dataSource, { leads: [lead], name: 'AG Glasfaser' });
    const blocked = await coordinator.gql(ERASE, { input: { personId: gid('User', lead.id) } });
    expect(blocked.data?.erasePerson.person).toBeNull();
    expect(blocked.data?.erasePerson.userErrors).toEqual([
      {
        field: 'personId',
        code: 'LAST_LEAD',
        message: expect.stringContaining(
          'only lead of the working group “AG Glasfaser”: appoint another lead',
        ),
      },
    ]);
    expect((await t.dataSource.query('SELECT name FROM app_user WHERE id = $1', [lead.id]))[0].name).toBe(
      'Leona Leitung',
    );

    const member = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, member, MembershipStatus.ACTIVE);
    const onlyOfficer = await officerOf(t.dataSource, member);
    const refused = await coordinator.gql(ERASE, { input: { personId: gid('User', onlyOfficer.id) } });
    expect(refused.data?.erasePerson.userErrors[0].code).toBe('ONLY_OFFICER');
    expect(refused.data?.erasePerson.userErrors[0].message).toContain(
      `only digital officer of the member ${member.name}: invite another officer`,
    );
  });

  it('only coordinators erase, never themselves, never twice', async () => {
    const target = await buildUser(t.dataSource);
    const input = { input: { personId: gid('User', target.id) } };
    const ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
    const officer = await buildUser(t.dataSource);
    for (const viewer of [ministry, officer, target]) {
      const result = await (await t.as(viewer)).gql(ERASE, input);
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.client().gql(ERASE, input)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const coordinatorUser = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const coordinator = await t.as(coordinatorUser);
    const self = await coordinator.gql(ERASE, { input: { personId: gid('User', coordinatorUser.id) } });
    expect(self.data?.erasePerson.userErrors[0].code).toBe('ERASE_SELF');
    expect((await coordinator.gql(ERASE, input)).data?.erasePerson.userErrors).toEqual([]);
    const again = await coordinator.gql(ERASE, input);
    expect(again.data?.erasePerson.userErrors[0].code).toBe('ALREADY_ERASED');
  });

  it('the audit trail stays append-only outside the erasure path', async () => {
    await expect(t.dataSource.query(`UPDATE audit_event SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM audit_event')).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL hub.audit_maintenance = 'erasure'`);
        await m.query(`UPDATE audit_event SET action = 'x'`);
      }),
    ).rejects.toThrow(/append-only/);
  });
});
