import type { AddressInfo } from 'node:net';
import { MunicipalityKind, Role } from '@hub/shared';
import { Client } from 'pg';
import type { Config } from '../../packages/api/src/config';
import { loadConfig } from '../../packages/api/src/config';
import type { HubDataSource } from '../../packages/api/src/db/data-source';
import { createDataSource } from '../../packages/api/src/db/data-source';
import type { ReplicatedPostgres } from '../../packages/api/src/db/embedded-replica';
import { startReplicatedPostgres } from '../../packages/api/src/db/embedded-replica';
import { QueryCounter } from '../../packages/api/src/db/query-counter';
import { ReadReplica, WRITTEN_AT_COOKIE } from '../../packages/api/src/db/read-replica';
import { logger } from '../../packages/api/src/logger';
import { createSession } from '../../packages/api/src/modules/auth/session.service';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { App } from '../../packages/api/src/server/app';
import { createApp } from '../../packages/api/src/server/app';
import { prepareDatabase } from '../../packages/api/src/server/bootstrap';
import { freePort } from '../support/api-process';
import { TestClient } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';
import { until } from '../support/until';

/**
 * The hub with DATABASE_REPLICA_URL against a real streaming replica (a primary and a hot standby
 * made from the embedded PostgreSQL binaries, see db/embedded-replica.ts): which server answers is
 * read from pg_stat_statements on each, and the replica's replay is paused to make it fall behind.
 */
let cluster: ReplicatedPostgres;
let dataSource: HubDataSource;
let replica: ReadReplica;
let app: App;
let url: string;
const counter = new QueryCounter();
const admins: Record<'primary' | 'replica', Client> = {} as never;

let officer: User;
let editor: User;
let projectId: string;

beforeAll(async () => {
  cluster = await startReplicatedPostgres({
    primaryPort: await freePort(),
    replicaPort: await freePort(),
    settings: { shared_preload_libraries: 'pg_stat_statements', fsync: 'off' },
  });
  const setup = createDataSource({ url: cluster.primaryUrl, limits: { poolSize: 2, statementTimeoutMs: 0 } });
  await setup.initialize();
  await prepareDatabase(setup, { demo: false, log: logger }).finally(() => setup.destroy());

  dataSource = createDataSource({
    url: cluster.primaryUrl,
    limits: { poolSize: 5 },
    queryCounter: counter,
    strictConnections: true,
    replica: { url: cluster.replicaUrl, maxLagSeconds: 30, log: logger },
  });
  await dataSource.initialize();
  replica = dataSource.replica!;
  const config: Config = {
    ...loadConfig({ NODE_ENV: 'test' } as NodeJS.ProcessEnv),
    databaseUrl: cluster.primaryUrl,
    databaseReplicaUrl: cluster.replicaUrl,
    trustProxy: true,
    // On, as in production: the cache must not keep an answer the replica gave from before a write.
    anonymousCacheSeconds: 60,
    // The test reads the answers in the page: on a busy machine they may take longer than the
    // default 400 ms, after which the page goes out without them (as first-view.test.ts does).
    firstViewWaitMs: 30_000,
  };
  app = await createApp({ config, dataSource, log: logger, queryCounter: counter });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  config.publicUrl = url;

  for (const server of ['primary', 'replica'] as const) await connectAdmin(server);
  await admins.primary.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');

  const kl = await municipality(dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
  const lead = await municipality(dataSource, 'Speyer', MunicipalityKind.KREISFREIE_STADT);
  editor = await buildUser(dataSource, { role: Role.OFFICER, municipalityId: lead.id });
  // Of another municipality: follows the project only once they choose to.
  officer = await buildUser(dataSource, { role: Role.OFFICER, municipalityId: kl.id });
  const project = await buildProject(dataSource, { title: 'Vor dem Schreiben', leadMunicipalityId: lead.id });
  projectId = gid('Project', project.id);
  await cluster.caughtUp();
  await untilReplicaServes();
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(admins).map((admin) => admin?.end().catch(() => undefined)));
  await app?.stop();
  if (dataSource?.isInitialized) await dataSource.destroy();
  await cluster?.stop();
});

/** pg_stat_statements lives in the hub database (the extension is created on the primary, replicated). */
async function connectAdmin(server: 'primary' | 'replica') {
  const admin = new Client({
    connectionString: server === 'primary' ? cluster.primaryUrl : cluster.replicaUrl,
  });
  // The replica's connection ends when the test stops the replica.
  admin.on('error', () => undefined);
  await admin.connect();
  admins[server] = admin;
}

/** The replica replays within milliseconds: asked often, given up on after 10 s. */
const REPLICA_WAIT = { timeoutMs: 10_000, everyMs: 25 };

/** Until the process has seen the replica streaming and caught up with every write it heard of. */
function untilReplicaServes() {
  return until('the replica serves reads', () => replica.hasReplayed(null), REPLICA_WAIT);
}

/** Statements the hub ran on one server (pg_stat_statements there), without the probes and these counts. */
async function statementsOn(server: 'primary' | 'replica'): Promise<number> {
  const { rows } = await admins[server].query<{ calls: number }>(
    `SELECT coalesce(sum(calls), 0)::int AS calls FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'hub')
        AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%pg_last_wal%'
        AND query NOT ILIKE '%pg_current_wal%'`,
  );
  return rows[0].calls;
}

/** How many statements each server ran for `work`. */
async function ranOn(work: () => Promise<void>): Promise<{ primary: number; replica: number }> {
  const before = { primary: await statementsOn('primary'), replica: await statementsOn('replica') };
  await work();
  return {
    primary: (await statementsOn('primary')) - before.primary,
    replica: (await statementsOn('replica')) - before.replica,
  };
}

let distinct = 0;
/** The project's title as a client reads it (a new alias each time, so the anonymous cache cannot answer). */
async function titleFor(client: TestClient): Promise<string> {
  const alias = `read${++distinct}`;
  const result = await client.gql(`query($id: ID!) { ${alias}: project(id: $id) { title } }`, {
    id: projectId,
  });
  expect(result.status).toBe(200);
  expect(result.errors).toBeUndefined();
  return result.data?.[alias].title;
}

async function followStateFor(client: TestClient): Promise<string> {
  const result = await client.gql('query($id: ID!) { followState(subjectId: $id) { state } }', {
    id: projectId,
  });
  expect(result.status).toBe(200);
  expect(result.errors).toBeUndefined();
  return result.data?.followState.state;
}

async function signedIn(user: User): Promise<TestClient> {
  const { token } = await createSession(dataSource.manager, user.id);
  const client = new TestClient(url, counter);
  client.setCookie('hub_session', token);
  return client;
}

const pauseReplay = () => admins.replica.query('SELECT pg_wal_replay_pause()');
const resumeReplay = () => admins.replica.query('SELECT pg_wal_replay_resume()');

describe('a read replica (DATABASE_REPLICA_URL)', () => {
  it('streams from the primary', async () => {
    const { rows } = await admins.primary.query(`SELECT state FROM pg_stat_replication`);
    expect(rows).toEqual([{ state: 'streaming' }]);
    const standby = await admins.replica.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby');
    expect(standby.rows[0].standby).toBe(true);
  });

  it('answers the queries of anonymous and signed-in readers; the primary only looks up sessions', async () => {
    const anonymous = new TestClient(url, counter);
    const reader = await signedIn(officer);
    const anonymousReads = await ranOn(async () => {
      for (let i = 0; i < 5; i++) expect(await titleFor(anonymous)).toBe('Vor dem Schreiben');
    });
    expect(anonymousReads.replica).toBeGreaterThanOrEqual(5);
    expect(anonymousReads.primary).toBe(0);
    const signedInReads = await ranOn(async () => {
      for (let i = 0; i < 5; i++) expect(await followStateFor(reader)).toBe('NOT_FOLLOWING');
    });
    expect(signedInReads.replica).toBeGreaterThanOrEqual(5);
    // Sessions stay on the primary: one lookup per request, nothing else.
    expect(signedInReads.primary).toBe(5);
  });

  it('answers the queries embedded in the first view of /markt and /projekte', async () => {
    const reader = await signedIn(officer);
    // /projekte lists projects in its first view for signed-in readers only.
    const visits = [
      { route: '/markt', client: new TestClient(url, counter) },
      { route: '/markt', client: reader },
      { route: '/projekte', client: reader },
    ];
    for (const { route, client } of visits) {
      const session = client.cookie('hub_session');
      let html = '';
      const reads = await ranOn(async () => {
        const response = await fetch(`${url}${route}`, {
          headers: { accept: 'text/html', ...(session ? { cookie: `hub_session=${session}` } : {}) },
        });
        expect(response.status).toBe(200);
        html = await response.text();
      });
      // The answers are in the page (the project the test made among them).
      expect(html).toContain('Vor dem Schreiben');
      expect(reads.replica).toBeGreaterThanOrEqual(1);
      // A signed-in reader's session is looked up on the primary, and nothing else.
      expect(reads.primary).toBe(session ? 1 : 0);
    }
  });

  it('sends mutations to the primary, and the writer reads its own write while the replica has not replayed it', async () => {
    const writer = await signedIn(officer);
    // The same person on another device: no written-at cookie, so the replica answers.
    const otherDevice = new TestClient(url, counter);
    otherDevice.setCookie('hub_session', writer.cookie('hub_session')!);
    await pauseReplay();
    try {
      const ran = await ranOn(async () => {
        const followed = await writer.gql(
          'mutation($input: SetFollowStateInput!) { setFollowState(input: $input) { follow { state } userErrors { code } } }',
          { input: { subjectId: projectId, state: 'FOLLOWING' } },
        );
        expect(followed.data?.setFollowState.userErrors).toEqual([]);
      });
      expect(ran.primary).toBeGreaterThan(0);
      expect(ran.replica).toBe(0);
      expect(writer.cookie(WRITTEN_AT_COOKIE)).toMatch(/^[0-9A-F]+(\/|%2F)[0-9A-F]+$/);

      // The follow table announces nothing public: only the cookie keeps the writer on the primary.
      expect(await followStateFor(writer)).toBe('FOLLOWING');
      expect(await followStateFor(otherDevice)).toBe('NOT_FOLLOWING');
      const stale = await admins.replica.query(`SELECT count(*)::int AS n FROM follow`);
      expect(stale.rows[0].n).toBe(0);
    } finally {
      await resumeReplay();
    }
    await cluster.caughtUp();
    await until(
      'the other device sees the follow from the replica',
      async () => (await followStateFor(otherDevice)) === 'FOLLOWING',
      REPLICA_WAIT,
    );
    // Once the replica has replayed the write, the writer reads from it again.
    await until(
      'the writer reads from the replica again',
      async () => {
        const ran = await ranOn(async () => {
          expect(await followStateFor(writer)).toBe('FOLLOWING');
        });
        return ran.replica > 0 && ran.primary <= 1;
      },
      REPLICA_WAIT,
    );
  });

  it('keeps everyone on the primary after a public write the replica has not replayed, so no cache keeps an old answer', async () => {
    const writer = await signedIn(editor);
    const anonymous = new TestClient(url, counter);
    const catalogue = async () => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ projects(first: 5) { edges { node { title } } } }' }),
      });
      const body = (await response.json()) as {
        data: { projects: { edges: { node: { title: string } }[] } };
      };
      return {
        cache: response.headers.get('x-hub-cache'),
        titles: body.data.projects.edges.map((e) => e.node.title),
      };
    };
    expect((await catalogue()).titles).toEqual(['Vor dem Schreiben']);
    await pauseReplay();
    try {
      const updated = await writer.gql(
        'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { userErrors { code } } }',
        { input: { id: projectId, title: 'Nach dem Schreiben' } },
      );
      expect(updated.data?.updateProject.userErrors).toEqual([]);
      expect(await titleFor(writer)).toBe('Nach dem Schreiben');
      // The process heard the write: nobody reads the old title from the paused replica any more.
      await until('the write is heard', async () => (await catalogue()).cache === 'miss', REPLICA_WAIT);
      const ran = await ranOn(async () => {
        expect(await titleFor(anonymous)).toBe('Nach dem Schreiben');
        expect((await catalogue()).titles).toEqual(['Nach dem Schreiben']);
      });
      expect(ran.replica).toBe(0);
      const onReplica = await admins.replica.query(`SELECT title FROM project`);
      expect(onReplica.rows).toEqual([{ title: 'Vor dem Schreiben' }]);
    } finally {
      await resumeReplay();
    }
    await cluster.caughtUp();
    await untilReplicaServes();
    const ran = await ranOn(async () => {
      expect(await titleFor(anonymous)).toBe('Nach dem Schreiben');
    });
    expect(ran.replica).toBeGreaterThan(0);
    expect(ran.primary).toBe(0);
  });

  it('answers from the primary while the replica is down, and uses it again once it is back', async () => {
    const anonymous = new TestClient(url, counter);
    const reader = await signedIn(officer);
    await cluster.stopReplica();
    try {
      for (let i = 0; i < 5; i++) {
        expect(await titleFor(anonymous)).toBe('Nach dem Schreiben');
        expect(await followStateFor(reader)).toBe('FOLLOWING');
      }
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { replica: { state: string } }).replica.state).toBe('down');
    } finally {
      await cluster.startReplica();
      await connectAdmin('replica');
    }
    await untilReplicaServes();
    const ran = await ranOn(async () => {
      expect(await titleFor(anonymous)).toBe('Nach dem Schreiben');
    });
    expect(ran.replica).toBeGreaterThan(0);
  });

  it('is not used while its replay is further behind than the allowed lag', async () => {
    // A second view of the same replica that allows one second of lag.
    const strict = new ReadReplica(cluster.replicaUrl, async () => 0n, { maxLagSeconds: 1, log: logger });
    try {
      await strict.refresh();
      expect(strict.status().state).toBe('streaming');
      await pauseReplay();
      try {
        await admins.primary.query(
          `UPDATE municipality SET name = name WHERE ars = (SELECT min(ars) FROM municipality)`,
        );
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await strict.refresh();
        expect(strict.status().state).toBe('lagging');
        expect(strict.hasReplayed(null)).toBe(false);
      } finally {
        await resumeReplay();
      }
      await cluster.caughtUp();
      await strict.refresh();
      expect(strict.status().state).toBe('streaming');
    } finally {
      await strict.close();
    }
  });
});
