/**
 * Benchmark of the meeting page and the action-item board through the real HTTP server:
 *   tsx src/bench/meetings.ts            a temporary embedded PostgreSQL (deleted afterwards)
 *   DATABASE_URL=postgres://… tsx …      a scratch database on that server (dropped afterwards)
 * Seeds one working group with two meetings of 30 agenda items, 80 invitations and 30 action items
 * each, then prints p50/p95/p99 latencies (ms) of the meeting page and the action-item board;
 * `run()` returns them for `pnpm bench`. BENCH_ITERATIONS (default 200) requests per scenario.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  ActionItemStatus,
  MeetingKind,
  MinutesStatus,
  OutcomeKind,
  Role,
  UserStatus,
  WorkingGroupMembershipStatus,
  WorkingGroupRole,
} from '@hub/shared';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { startEmbeddedPostgres } from '../db/embedded';
import { toGlobalId } from '../graphql/relay';
import { logger } from '../logger';
import { createSession } from '../modules/auth/session.service';
import {
  AgendaItem,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
} from '../modules/meetings/meeting.entity';
import { User } from '../modules/users/user.entity';
import { WorkingGroup, WorkingGroupMembership } from '../modules/working-groups/working-group.entity';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);

const MEETING_PAGE = `query MeetingPageQuery($id: ID!) { meeting(id: $id) {
  id title startsAt endsAt workingGroup { name } organizer { name }
  agendaItems { id title position plannedMinutes presenter { name } outcomes { id kind title status dueDate ownerUser { name } ownerMunicipality { name } } }
  openActionItems { id title dueDate status ownerUser { name } }
  invitations { response attended user { name } municipality { name } }
  participation { invited yes no maybe attended }
  publishedMinutes { revision html itemNotes { agendaItem { title } html } }
  viewerCan { manage respond approveMinutes }
} }`;
const BOARD = `query ActionItemBoardQuery { actionItems(filter: { scope: ALL }, first: 100) {
  totalCount edges { node { id title dueDate status overdue ownerUser { name } ownerMunicipality { name } meeting { title workingGroup { name } } viewerCan { update } } }
} }`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function seed(dataSource: DataSource): Promise<{ meetingId: string; coordinatorId: string }> {
  const users = dataSource.getRepository(User);
  const coordinator = users.create({
    email: `bench-coordinator-${Date.now()}@example.org`,
    name: 'Bench Coordinator',
    role: Role.COORDINATOR,
    status: UserStatus.ACTIVE,
  });
  await users.save(coordinator);
  const [{ id: municipalityId }] = await dataSource.query(
    `SELECT id FROM municipality ORDER BY name LIMIT 1`,
  );
  const people = users.create(
    Array.from({ length: 80 }, (_, i) => ({
      email: `bench-${Date.now()}-${i}@example.org`,
      name: `Bench Person ${i}`,
      role: Role.OFFICER,
      status: UserStatus.ACTIVE,
      municipalityId,
    })),
  );
  await users.save(people);
  const group = await dataSource.getRepository(WorkingGroup).save({ name: 'Bench AG', topic: 'Bench' });
  await dataSource.getRepository(WorkingGroupMembership).insert(
    people.map((p, i) => ({
      workingGroupId: group.id,
      userId: p.id,
      role: i === 0 ? WorkingGroupRole.LEAD : WorkingGroupRole.MEMBER,
      status: WorkingGroupMembershipStatus.ACTIVE,
    })),
  );
  const meetings = dataSource.getRepository(Meeting);
  const day = 86400_000;
  const earlier = await meetings.save({
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    title: 'Bench earlier',
    startsAt: new Date(Date.now() - 7 * day),
    endsAt: new Date(Date.now() - 7 * day + 7200_000),
    organizerId: people[0].id,
  });
  const meeting = await meetings.save({
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    title: 'Bench meeting',
    startsAt: new Date(Date.now() - day),
    endsAt: new Date(Date.now() - day + 7200_000),
    organizerId: people[0].id,
  });
  const due = new Date(Date.now() + 14 * day).toISOString().slice(0, 10);
  for (const target of [earlier, meeting]) {
    const items = await dataSource.getRepository(AgendaItem).save(
      Array.from({ length: 30 }, (_, i) => ({
        meetingId: target.id,
        position: i + 1,
        title: `Punkt ${i + 1}`,
        presenterId: people[i].id,
        plannedMinutes: 10,
      })),
    );
    await dataSource.getRepository(Outcome).insert(
      items.map((item, i) => ({
        meetingId: target.id,
        agendaItemId: item.id,
        kind: OutcomeKind.ACTION_ITEM,
        title: `Aufgabe ${i}`,
        ownerUserId: people[i].id,
        dueDate: due,
        status: ActionItemStatus.OPEN,
      })),
    );
    await dataSource
      .getRepository(MeetingInvitation)
      .insert(people.map((p) => ({ meetingId: target.id, userId: p.id, municipalityId, attended: true })));
    const minutes = await dataSource.getRepository(MeetingMinutes).save({
      meetingId: target.id,
      status: MinutesStatus.PUBLISHED,
      body: '# Protokoll\n\nText.',
      itemNotes: items.map((item) => ({ agendaItemId: item.id, notes: 'Notizen **wichtig**' })),
      publishedAt: new Date(),
    });
    await dataSource.getRepository(MinutesRevision).insert({
      minutesId: minutes.id,
      meetingId: target.id,
      revision: 1,
      body: minutes.body,
      itemNotes: minutes.itemNotes,
    });
  }
  return { meetingId: meeting.id, coordinatorId: coordinator.id };
}

async function measure(
  url: string,
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS + 10; i++) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-csrf': '1', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    if (i >= 10) times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

export interface ScenarioResult {
  scenario: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Runs `work` on a scratch database: on DATABASE_URL's server, or a temporary embedded one. */
async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  let stop = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
    fs.chmodSync(dir, 0o777);
    const embedded = await startEmbeddedPostgres(dir, 55000 + Math.floor(Math.random() * 1000), logger);
    serverUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const scratch = `hub_bench_meetings_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(serverUrl);
    url.pathname = `/${scratch}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
    await stop();
  }
}

/** Runs both scenarios against a fresh database and prints one line each. */
export async function run(): Promise<ScenarioResult[]> {
  return withScratchDatabase(async (url) => {
    const dataSource = createDataSource({ url });
    await dataSource.initialize();
    try {
      await prepareDatabase(dataSource, { demo: false, log: logger });
      const { meetingId, coordinatorId } = await seed(dataSource);
      const config = {
        ...loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv),
        databaseUrl: url,
        webDist: '/nonexistent',
      };
      const app = await createApp({ config, dataSource, log: logger.child({}, { level: 'warn' }) });
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      const { token } = await createSession(dataSource.manager, coordinatorId);
      const cookie = `hub_session=${token}`;
      const results: ScenarioResult[] = [];
      try {
        for (const [scenario, query, variables] of [
          ['meeting page (30 items, 80 invitations)', MEETING_PAGE, { id: toGlobalId('Meeting', meetingId) }],
          ['action-item board (60 items, first 100)', BOARD, {}],
        ] as const) {
          const times = await measure(base, cookie, query, variables);
          const result = {
            scenario,
            requests: times.length,
            p50: percentile(times, 50),
            p95: percentile(times, 95),
            p99: percentile(times, 99),
          };
          results.push(result);
          console.log(
            `${scenario}: n=${result.requests} p50=${result.p50.toFixed(1)}ms p95=${result.p95.toFixed(1)}ms p99=${result.p99.toFixed(1)}ms`,
          );
        }
      } finally {
        await app.stop();
      }
      return results;
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
    }
  });
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
