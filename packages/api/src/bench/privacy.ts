/**
 * Benchmark of data protection on the demo network through the real HTTP server:
 *   tsx src/bench/privacy.ts            a temporary embedded PostgreSQL (deleted afterwards)
 * Adds 2,000 audited profile changes, then measures a demo officer's personal-data export (JSON and
 * HTML document), the coordinator's audit page (first 50) and its CSV export; and, in `prepare`,
 * 20 erasures of people with sessions, group memberships, invitations, action items and audit
 * events (each in its own transaction, the catalogue-wide mention replacement included).
 * BENCH_ITERATIONS (default 200) requests per scenario.
 */
import 'reflect-metadata';
import { Role, UserStatus } from '@hub/shared';
import type { DataSource } from 'typeorm';
import { createSession } from '../modules/auth/session.service';
import { emitDomainEvent } from '../modules/events';
import { erasePerson } from '../modules/privacy';
import { User } from '../modules/users/user.entity';
import { benchmark, percentile, runIfMain, type ScenarioResult } from './harness';

const EXPORT = `mutation { exportPersonalData(input: {}) { files { baseName json html } userErrors { code } } }`;
const AUDIT_PAGE = `query { auditEvents(first: 50) { totalCount edges { node { id action occurredAt actor { name }
  changes { field before after masked } } } pageInfo { endCursor hasNextPage } } }`;
const AUDIT_CSV = `query { auditEventsCsv }`;

async function seed(dataSource: DataSource) {
  const users = dataSource.getRepository(User);
  const coordinator = await users.findOneByOrFail({ email: 'koordination@kl.digital.demo' });
  const officer = await users.findOneByOrFail({ email: 'digital@kaiserslautern.demo' });
  await dataSource.transaction(async (manager) => {
    for (let i = 0; i < 2000; i++)
      await emitDomainEvent(manager, {
        type: 'user.updateProfile',
        actorId: coordinator.id,
        subjectType: 'User',
        subjectId: officer.id,
        before: { position: `Stufe ${i}`, phone: `0631 ${i}` },
        payload: { position: `Stufe ${i + 1}`, phone: `0631 ${i + 1}` },
      });
  });
  await dataSource.query('ANALYZE');

  // Erasures: people who signed in, belong to a group, were invited, own an action item, changed their profile.
  const [meeting] = await dataSource.query('SELECT id FROM meeting ORDER BY starts_at LIMIT 1');
  const [item] = await dataSource.query('SELECT id FROM agenda_item WHERE meeting_id = $1 LIMIT 1', [
    meeting.id,
  ]);
  const [group] = await dataSource.query('SELECT id FROM working_group ORDER BY name LIMIT 1');
  const timings: number[] = [];
  for (let i = 0; i < 20; i++) {
    const person = await users.save(
      users.create({
        email: `bench-erase-${i}@example.org`,
        name: `Bench Löschperson ${i}`,
        phone: `0631 777 ${1000 + i}`,
        role: Role.OFFICER,
        status: UserStatus.ACTIVE,
        municipalityId: officer.municipalityId,
      }),
    );
    await createSession(dataSource.manager, person.id);
    await dataSource.query(
      `INSERT INTO working_group_membership (working_group_id, user_id, role, status) VALUES ($1, $2, 'MEMBER', 'ACTIVE')`,
      [group.id, person.id],
    );
    await dataSource.query('INSERT INTO meeting_invitation (meeting_id, user_id) VALUES ($1, $2)', [
      meeting.id,
      person.id,
    ]);
    if (item)
      await dataSource.query(
        `INSERT INTO meeting_outcome (meeting_id, agenda_item_id, kind, title, owner_user_id, status)
         VALUES ($1, $2, 'ACTION_ITEM', $3, $4, 'OPEN')`,
        [meeting.id, item.id, `Aufgabe für ${person.name}`, person.id],
      );
    await dataSource.transaction((manager) =>
      emitDomainEvent(manager, {
        type: 'user.updateProfile',
        actorId: person.id,
        subjectType: 'User',
        subjectId: person.id,
        payload: { name: person.name, phone: person.phone },
      }),
    );
    const started = process.hrtime.bigint();
    await dataSource.transaction((manager) => erasePerson(manager, coordinator, person, null));
    timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  timings.sort((a, b) => a - b);
  const erasure = {
    p50: percentile(timings, 50),
    p95: percentile(timings, 95),
    p99: percentile(timings, 99),
  };
  console.log(
    `${'erasure of a person (service, one transaction)'.padEnd(48)} p50 ${erasure.p50} ms  p95 ${erasure.p95} ms  p99 ${erasure.p99} ms  (20 erasures)`,
  );
  return { officerId: officer.id, coordinatorId: coordinator.id };
}

/** Measures the export as a demo officer; the audit page and its CSV as the coordinator run in their own pass. */
export async function run(options: { iterations?: number; print?: boolean } = {}): Promise<ScenarioResult[]> {
  const asOfficer = await benchmark({
    name: 'privacy_export',
    demo: true,
    async prepare(dataSource) {
      const { officerId } = await seed(dataSource);
      return { asUserId: officerId };
    },
    scenarios: [{ scenario: 'personal-data export (JSON + HTML)', query: EXPORT }],
    ...options,
  });
  const asCoordinator = await benchmark({
    name: 'privacy_audit',
    demo: true,
    async prepare(dataSource) {
      const { coordinatorId } = await seed(dataSource);
      return { asUserId: coordinatorId };
    },
    scenarios: [
      { scenario: 'audit page, first 50 of ~2,100', query: AUDIT_PAGE },
      { scenario: 'audit trail CSV (~2,100 events)', query: AUDIT_CSV },
    ],
    ...options,
  });
  return [...asOfficer, ...asCoordinator];
}

runIfMain(module, run);
