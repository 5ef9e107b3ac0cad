import 'reflect-metadata';
import { Role } from '@hub/shared';
import { Workbook } from 'exceljs';
import { auditTrailReadFilter, privacyCan } from '../../packages/api/src/modules/privacy';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid } from '../support/factories';

let t: TestApp;
let coordinator: User;
let officer: User;
let ministry: User;
let edited: User;
beforeAll(async () => {
  t = await startTestApp();
  coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR, name: 'Konrad Koordination' });
  officer = await buildUser(t.dataSource, { name: 'Olga Offizierin' });
  ministry = await buildUser(t.dataSource, { role: Role.MINISTRY });
  edited = await buildUser(t.dataSource, { name: 'Erna Editiert', phone: '0631 111' });
  // Five profile changes of one person by a coordinator, one by the person: six audit events.
  const asCoordinator = await t.as(coordinator);
  for (let i = 1; i <= 5; i++) {
    const result = await asCoordinator.gql(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { userErrors { code } } }`,
      { input: { userId: gid('User', edited.id), phone: `0631 11${i}`, position: `Stufe ${i}` } },
    );
    expect(result.data?.updateProfile.userErrors).toEqual([]);
  }
  await (await t.as(officer)).gql(
    `mutation { updateProfile(input: { position: "Digitales" }) { userErrors { code } } }`,
  );
});
afterAll(() => t.close());

const TRAIL = `query($first: Int, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id action subjectType subjectId occurredAt actor { name } changes { field before after masked } } }
  } }`;

describe('the audit trail page', () => {
  it('coordinators see every event with before and after of the changed fields', async () => {
    const client = await t.as(coordinator);
    const result = await client.gql(TRAIL, { first: 10, filter: { subjectId: edited.id } });
    expect(result.errors).toBeUndefined();
    const page = result.data?.auditEvents;
    expect(page.totalCount).toBe(5);
    const newest = page.edges[0].node;
    expect(newest).toMatchObject({
      action: 'user.updateProfile',
      subjectType: 'User',
      actor: { name: 'Konrad Koordination' },
    });
    expect(newest.changes).toEqual(
      expect.arrayContaining([
        { field: 'phone', before: '"0631 114"', after: '"0631 115"', masked: false },
        { field: 'position', before: '"Stufe 4"', after: '"Stufe 5"', masked: false },
      ]),
    );
    // A list costs a bounded number of statements whatever its size (page, count, one batch of actors).
    expect(result.statements.length).toBeLessThanOrEqual(6);
  });

  it('filters by actor, subject type, action and period; pages by keyset without gaps or repeats', async () => {
    const client = await t.as(coordinator);
    const byActor = await client.gql(TRAIL, { filter: { actorId: gid('User', officer.id) } });
    expect(byActor.data?.auditEvents.totalCount).toBe(1);
    const byAction = await client.gql(TRAIL, {
      filter: { action: 'user.updateProfile', subjectType: 'User' },
    });
    expect(byAction.data?.auditEvents.totalCount).toBe(6);
    const future = await client.gql(TRAIL, {
      filter: { from: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(future.data?.auditEvents.totalCount).toBe(0);
    const past = await client.gql(TRAIL, { filter: { to: '2000-01-01T00:00:00Z' } });
    expect(past.data?.auditEvents.totalCount).toBe(0);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: Record<string, any> } = await client.gql(TRAIL, {
        first: 2,
        after,
        filter: { subjectId: edited.id },
      });
      seen.push(...(page.data?.auditEvents.edges ?? []).map((e: { node: { id: string } }) => e.node.id));
      if (!page.data?.auditEvents.pageInfo.hasNextPage) break;
      after = page.data?.auditEvents.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    const forged = await client.gql(TRAIL, { after: 'bm9wZQ' });
    expect(forged.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a subject ID that is no record ID and an actor ID of another type, on the page and in the exports', async () => {
    const client = await t.as(coordinator);
    const notAPerson = gid('WorkingGroup', edited.id);
    for (const filter of [{ subjectId: 'Fuzz-Titel' }, { subjectId: 'x' }, { actorId: notAPerson }])
      for (const field of ['auditEvents { totalCount }', 'auditEventsCsv', 'auditEventsXlsx']) {
        const name = field.split(' ')[0];
        const result = await client.gql(
          `query($filter: AuditEventFilter) { ${name}(filter: $filter)${field.slice(name.length)} }`,
          { filter },
        );
        expect([name, result.errors?.[0].extensions]).toEqual([
          name,
          expect.objectContaining({ code: 'BAD_USER_INPUT', field: Object.keys(filter)[0] }),
        ]);
      }
  });

  it('the ministry reads the trail with personal fields masked; officers and the public not at all', async () => {
    const result = await (await t.as(ministry)).gql(TRAIL, { first: 1, filter: { subjectId: edited.id } });
    const changes = result.data?.auditEvents.edges[0].node.changes as {
      field: string;
      before: string;
      masked: boolean;
    }[];
    expect(changes.find((c) => c.field === 'phone')).toMatchObject({ before: '"***"', masked: true });
    expect(JSON.stringify(result.data)).not.toContain('0631');
    const denied = await (await t.as(officer)).gql(TRAIL, {});
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.client().gql(TRAIL, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('exports the filtered trail as CSV and XLSX, masked as on the page', async () => {
    const csv = await (await t.as(coordinator)).gql(
      `query($f: AuditEventFilter) { auditEventsCsv(filter: $f) }`,
      {
        f: { subjectId: edited.id },
      },
    );
    const text: string = csv.data?.auditEventsCsv;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toContain('Zeitpunkt;Handelnde Person;Aktion');
    expect(text).toContain('Konrad Koordination');
    expect(text).toContain('0631 115');
    const xlsx = await (await t.as(ministry)).gql(
      `query($f: AuditEventFilter) { auditEventsXlsx(filter: $f) }`,
      {
        f: { subjectId: edited.id },
      },
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.data?.auditEventsXlsx, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(6);
    const cells = JSON.stringify(sheet.getSheetValues());
    expect(cells).toContain('***');
    expect(cells).not.toContain('0631');
    const denied = await (await t.as(officer)).gql(`{ auditEventsCsv }`);
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('the policy and the SQL filter agree for every role', async () => {
    for (const actor of [null, officer, ministry, coordinator]) {
      const [{ visible }] = await t.dataSource.query(
        `SELECT count(*)::int AS visible FROM audit_event a WHERE ${auditTrailReadFilter(actor)}`,
      );
      const all = Number((await t.dataSource.query('SELECT count(*)::int AS n FROM audit_event'))[0].n);
      expect(visible).toBe(privacyCan(actor, 'readAuditTrail') ? all : 0);
    }
  });

  it('viewers learn what they may do from the schema', async () => {
    const ask = async (viewer: User | null) =>
      (
        await (viewer ? await t.as(viewer) : t.client()).gql(
          '{ privacyPermissions { readAuditTrail readProcessingRecord } }',
        )
      ).data?.privacyPermissions;
    expect(await ask(coordinator)).toEqual({ readAuditTrail: true, readProcessingRecord: true });
    expect(await ask(ministry)).toEqual({ readAuditTrail: true, readProcessingRecord: true });
    expect(await ask(officer)).toEqual({ readAuditTrail: false, readProcessingRecord: true });
    expect(await ask(null)).toEqual({ readAuditTrail: false, readProcessingRecord: true });
  });
});
