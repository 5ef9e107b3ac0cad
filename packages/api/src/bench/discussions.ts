/**
 * Benchmark of discussions at the scale (BENCH_THREADS threads, default 20,000, with
 * BENCH_POSTS posts, default 1,000,000), through the real HTTP server:
 *   - a thread page of 50 posts with authors, quotes and permissions,
 *   - the thread list with unread counts (first 20 and first 50),
 *   - German full-text search over the posts (a rare and a common word),
 *   - live delivery: a post made through process A (this process) reaches subscribers on
 *     process B (a second API process, forked) while BENCH_SUBSCRIPTIONS (default 500) are open;
 *     timed from sending the mutation to the first and to the last subscriber of the thread.
 * Prints p50/p95/p99 in ms and the seeding time. BENCH_ITERATIONS (default 200) per scenario.
 * Each read scenario is timed alternately with its floor (one hand-written statement straight to
 * PostgreSQL, below) and the ratio of the p95s printed. BENCH_EXPLAIN=1 also runs one request of
 * each under EXPLAIN ANALYZE (statement count, PostgreSQL time per statement); =plans prints the
 * slowest statement's plan.
 */
import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { Pool } from 'pg';
import WebSocket from 'ws';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { toGlobalId } from '../graphql/relay';
import { logger } from '../logger';
import { createSession } from '../modules/auth/session.service';
import { readableThreadsSql } from '../modules/discussions';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import type { ScenarioResult } from './harness';
import { percentile, runIfMain, withScratchDatabase } from './harness';
import { explainStatements, StatementRecorder } from './statement-plans';

const SENTENCES = [
  'Wir planen die Einführung eines Bürgerportals und suchen Erfahrungen anderer Kommunen.',
  'Die Ausschreibung für die Glasfaseranbindung der Schulen läuft bis Ende des Quartals.',
  'Hat jemand Erfahrungen mit smarten Lichtmasten und LoRaWAN-Gateways gesammelt?',
  'Das Kita-Portal spart den Eltern viele Wege und der Verwaltung viel Papier.',
  'Unser Datenschutzbeauftragter fragt nach der Auftragsverarbeitung beim Anbieter.',
  'Die Terminbuchung im Bürgerbüro funktioniert seit dem Frühjahr ohne Probleme.',
  'Wie habt ihr die Ortsgemeinden in die Schulung eingebunden?',
  'Die Kosten für den Betrieb liegen bei etwa zweitausend Euro im Jahr.',
  'Wir würden das Projekt gern nachnutzen und brauchen die Leistungsbeschreibung.',
  'Die Sensoren messen Temperatur, Feinstaub und den Füllstand der Container.',
  'Im Kreisausschuss wurde die Nachnutzung einstimmig beschlossen.',
  'Die Parkplatz-App zeigt freie Plätze in der Innenstadt in Echtzeit.',
  'Für die Informationssicherheit haben wir einen externen Dienstleister beauftragt.',
  'Die Schnittstelle zum Fachverfahren war aufwendiger als gedacht.',
  'Nächste Woche stellen wir den Stand in der Arbeitsgruppe vor.',
  'Die Ehrenamtlichen pflegen die Inhalte der Dorf-App selbst.',
  'Das Rechenzentrum bietet den Betrieb für alle Mitgliedskommunen an.',
  'Wir haben die Bürgerinnen und Bürger vorab in einer Umfrage beteiligt.',
  'Die Open-Source-Lizenz erlaubt eine Weitergabe ohne zusätzliche Kosten.',
  'Bitte schickt Rückmeldungen zum Entwurf bis Freitag.',
  'Die Digitalisierung der Friedhofsverwaltung ist im Zeitplan.',
  'Das Wiki wächst jede Woche um neue Einträge aus der Region.',
  'Für die Notfallsimulation fehlen uns noch Daten der Feuerwehr.',
  'Der Antrag auf Fördermittel für das Förderprogramm ist eingereicht.',
];

const THREAD_PAGE = `query ThreadPage($id: ID!) { discussionThread(id: $id) {
  id title locked pinned postCount liveCursor unreadCount firstUnreadPostNumber viewerCan { reply lock pin }
  subject { id type title }
  posts(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { node {
    id number createdAt editedAt deleted hidden hiddenReason bodyHtml body
    author { displayName municipalityName } replyTo { postId number excerpt author { displayName } }
    revisions { id bodyHtml } viewerCan { edit delete hide } } } } } }`;
const THREAD_LIST = `query DiscussionsPage($first: Int) { discussionThreads(first: $first) {
  totalCount pageInfo { hasNextPage endCursor } edges { node {
    id title subjectType subject { id title } author { displayName } postCount lastPostAt locked pinned
    unreadCount firstUnreadPostNumber } } } }`;
const SEARCH = `query Search($text: String!) { discussionPostSearch(text: $text, first: 20) {
  totalCount edges { node { id number createdAt excerpt author { displayName } thread { id title } } } } }`;
const REPLY = `mutation Reply($threadId: ID!, $body: String!) { replyToThread(input: { threadId: $threadId, body: $body }) {
  post { id } userErrors { code } } }`;
const ACTIVITY = `subscription Activity($threadId: ID!, $after: String) { threadActivity(threadId: $threadId, after: $after) {
  cursor post { id number bodyHtml author { displayName } } } }`;

/**
 * The floor of each read scenario: one hand-written statement that answers the same question
 * (the same rows, authors and unread counts, the read rule written out), sent straight to
 * PostgreSQL. Timed alternately with the hub's request, so that the shared machine's noise hits
 * both alike; the ratio of the p95s says what the hub adds (GraphQL, loaders, JSON, HTTP).
 */
const FLOOR_VIEWER = { id: '$1::uuid', role: '$2::text', municipalityId: '$3::uuid' };
const FLOOR_THREAD_PAGE = `SELECT p.id, p.number, p.created_at, p.edited_at, p.deleted_at, p.hidden_at, p.body_html, p.body,
    u.name, m.name AS municipality, r.number AS reply_number, ru.name AS reply_author
  FROM discussion_thread t
  JOIN discussion_post p ON p.thread_id = t.id
  JOIN app_user u ON u.id = p.author_id LEFT JOIN municipality m ON m.id = u.municipality_id
  LEFT JOIN discussion_post r ON r.id = p.reply_to_post_id LEFT JOIN app_user ru ON ru.id = r.author_id
 WHERE t.id = $4 AND ${readableThreadsSql('t', FLOOR_VIEWER)}
 ORDER BY p.number LIMIT 51`;
const FLOOR_THREAD_LIST = `SELECT t.id, t.title, t.subject_type, t.subject_id, t.last_post_number, t.last_post_at, u.name,
    t.last_post_number - COALESCE(rs.last_read_number, 0) AS unread, count(*) OVER () AS total
  FROM discussion_thread t JOIN app_user u ON u.id = t.author_id
  LEFT JOIN discussion_read_state rs ON rs.thread_id = t.id AND rs.user_id = $1::uuid
 WHERE ${readableThreadsSql('t', FLOOR_VIEWER)}
 ORDER BY (t.pinned_at IS NOT NULL) DESC, t.last_post_at DESC, t.id DESC LIMIT $4`;
const FLOOR_SEARCH = `SELECT p.id, p.number, p.created_at, left(p.body, 200), u.name, t.id, t.title
  FROM discussion_post p JOIN discussion_thread t ON t.id = p.thread_id JOIN app_user u ON u.id = p.author_id
 WHERE ${readableThreadsSql('t', FLOOR_VIEWER)} AND p.deleted_at IS NULL AND p.hidden_at IS NULL
   AND p.search_vector @@ websearch_to_tsquery('public.german_unaccent', $4)
 ORDER BY p.created_at DESC, p.id DESC LIMIT 21`;

interface Seeded {
  viewerId: string;
  pageThreadId: string;
  liveThreadIds: string[];
  posterIds: string[];
}

/** Seeds users, groups, categories, threads and posts with set-based SQL; returns what the scenarios need. */
async function seed(url: string, threads: number, posts: number): Promise<Seeded> {
  const db = createDataSource({
    url,
    limits: { poolSize: 2, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
  });
  await db.initialize();
  try {
    const [{ id: municipalityId }] = await db.query(
      `SELECT id FROM municipality WHERE name = 'Kaiserslautern' LIMIT 1`,
    );
    await db.query(
      `INSERT INTO app_user (email, name, role, municipality_id, status, locale)
       SELECT 'bench-' || lpad(i::text, 4, '0') || '@example.org', 'Person ' || i, 'OFFICER', $1, 'ACTIVE', 'DE'
         FROM generate_series(1, 300) i`,
      [municipalityId],
    );
    const users: { id: string }[] = await db.query(
      `SELECT id FROM app_user WHERE email LIKE 'bench-%' ORDER BY email`,
    );
    const userIds = users.map((u) => u.id);
    const viewerId = userIds[0];
    await db.query(
      `INSERT INTO discussion_forum_category (name, description, position)
       SELECT 'Kategorie ' || i, 'Bench', i FROM generate_series(1, 10) i`,
    );
    await db.query(
      `INSERT INTO working_group (name, topic, description, goals) SELECT 'AG Bench ' || i, 'Bench', '', '' FROM generate_series(1, 20) i`,
    );
    // The viewer is an active member of 5 of the 20 groups.
    await db.query(
      `INSERT INTO working_group_membership (working_group_id, user_id, role, status, joined_at)
       SELECT g.id, $1, 'MEMBER', 'ACTIVE', now() FROM working_group g WHERE g.name IN ('AG Bench 1','AG Bench 2','AG Bench 3','AG Bench 4','AG Bench 5')`,
      [viewerId],
    );
    const perThread = Math.max(1, Math.round(posts / threads));
    // Every fifth thread belongs to a working group, the others to the forum.
    await db.query(
      `WITH c AS (SELECT array_agg(id ORDER BY position) AS ids FROM discussion_forum_category),
            g AS (SELECT array_agg(id ORDER BY name) AS ids FROM working_group WHERE name LIKE 'AG Bench %'),
            u AS (SELECT $3::uuid[] AS ids)
       INSERT INTO discussion_thread (subject_type, subject_id, title, author_id, created_at, last_post_at, last_post_number, change_seq)
       SELECT CASE WHEN i % 5 = 0 THEN 'WORKING_GROUP' ELSE 'FORUM' END,
              CASE WHEN i % 5 = 0 THEN g.ids[1 + (i / 5) % 20] ELSE c.ids[1 + i % 10] END,
              'Thema ' || i || ': ' || ($4::text[])[1 + i % 24],
              u.ids[1 + i % 300],
              now() - make_interval(mins => i * 7), now() - make_interval(mins => i * 3), $2::int, $2::int
         FROM generate_series(1, $1::int) i, c, g, u`,
      [threads, perThread, userIds, SENTENCES.map((s) => s.slice(0, 60))],
    );
    // The GIN index is built once after the bulk insert (much faster than row by row).
    await db.query('DROP INDEX IF EXISTS discussion_post_search_idx');
    await db.query(
      `WITH t AS (SELECT id, row_number() OVER (ORDER BY created_at) AS i FROM discussion_thread),
            s AS (SELECT $2::text[] AS sentences, $3::uuid[] AS users)
       INSERT INTO discussion_post (thread_id, number, author_id, body, body_html, created_at, change_seq)
       SELECT t.id, n, s.users[1 + (t.i + n) % 300],
              s.sentences[1 + (t.i * 7 + n) % 24] || ' ' || s.sentences[1 + (t.i + n * 5) % 24] || ' (' || t.i || '/' || n || ')',
              '<p>' || s.sentences[1 + (t.i * 7 + n) % 24] || ' ' || s.sentences[1 + (t.i + n * 5) % 24] || ' (' || t.i || '/' || n || ')</p>',
              now() - make_interval(mins => (t.i * 3 + ($1::int - n))::int), n
         FROM t, s, generate_series(1, $1::int) n`,
      [perThread, SENTENCES, userIds],
    );
    await db.query('CREATE INDEX discussion_post_search_idx ON discussion_post USING GIN (search_vector)');
    // The viewer has read half of the threads up to the middle.
    await db.query(
      `INSERT INTO discussion_read_state (user_id, thread_id, last_read_number)
       SELECT $1::uuid, id, $2::int / 2 FROM discussion_thread WHERE subject_type = 'FORUM' AND random() < 0.5`,
      [viewerId, perThread],
    );
    await db.query('VACUUM ANALYZE');
    const [{ id: pageThreadId }] = await db.query(
      `SELECT id FROM discussion_thread WHERE subject_type = 'FORUM' AND last_post_number >= 50 ORDER BY created_at LIMIT 1 OFFSET 100`,
    );
    const live: { id: string }[] = await db.query(
      `SELECT id FROM discussion_thread WHERE subject_type = 'FORUM' ORDER BY created_at LIMIT 50`,
    );
    return {
      viewerId,
      pageThreadId,
      liveThreadIds: live.map((t) => t.id),
      posterIds: userIds.slice(100, 300),
    };
  } finally {
    await db.destroy();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API process B exited with ${child.exitCode}`);
    const response = await fetch(`${base}/readyz`).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('API process B did not get ready');
}

function summarise(scenario: string, timings: number[]): ScenarioResult {
  const sorted = [...timings].sort((a, b) => a - b);
  const result = {
    scenario,
    requests: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
  console.log(
    `${scenario.padEnd(52)} p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  (${result.requests})`,
  );
  return result;
}

export async function run(): Promise<ScenarioResult[]> {
  const threads = Number(process.env.BENCH_THREADS ?? 20_000);
  const posts = Number(process.env.BENCH_POSTS ?? 1_000_000);
  const iterations = Number(process.env.BENCH_ITERATIONS ?? 200);
  const subscriptionCount = Number(process.env.BENCH_SUBSCRIPTIONS ?? 500);
  const log = logger.child({}, { level: 'warn' });
  return withScratchDatabase('discussions', async (databaseUrl) => {
    const setup = createDataSource({ url: databaseUrl, limits: { poolSize: 1, statementTimeoutMs: 0 } });
    await setup.initialize();
    await prepareDatabase(setup, { demo: false, log });
    await setup.destroy();
    const seedingStarted = Date.now();
    const seeded = await seed(databaseUrl, threads, posts);
    console.log(
      `seeded ${threads} threads with ${posts} posts in ${((Date.now() - seedingStarted) / 1000).toFixed(1)} s`,
    );

    // Process A: this process, the real app (its statements recorded for EXPLAIN on request).
    const recorder = new StatementRecorder();
    const dataSource = createDataSource({ url: databaseUrl, queryCounter: recorder });
    const floorPool = new Pool({ connectionString: databaseUrl, max: 2 });
    await dataSource.initialize();
    const config = {
      ...loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv),
      databaseUrl,
      webDist: '/nonexistent',
    };
    const app = await createApp({ config, dataSource, log });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
    const baseA = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // Process B: a second API process on the same database.
    const portB = await freePort();
    const baseB = `http://127.0.0.1:${portB}`;
    const processB = fork(path.join(__dirname, 'api-process.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(portB),
        PUBLIC_URL: baseB,
        DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const exitedB = once(processB, 'exit');
    const results: ScenarioResult[] = [];
    try {
      await waitUntilReady(baseB, processB);
      const { token } = await createSession(dataSource.manager, seeded.viewerId);
      const headers = {
        'content-type': 'application/json',
        'x-hub-csrf': '1',
        cookie: `hub_session=${token}`,
      };
      const gql = async (
        base: string,
        query: string,
        variables: Record<string, unknown>,
        cookie = headers.cookie,
      ) => {
        const response = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { ...headers, cookie },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
        if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
        return body.data;
      };
      const [viewer] = await dataSource.query(
        `SELECT role::text, municipality_id FROM app_user WHERE id = $1`,
        [seeded.viewerId],
      );
      const floorParameters = [seeded.viewerId, viewer.role, viewer.municipality_id];
      const explain = Boolean(process.env.BENCH_EXPLAIN);
      const timed = async (
        scenario: string,
        query: string,
        variables: Record<string, unknown>,
        floor: { sql: string; parameters: unknown[] },
      ) => {
        const hubRequest = () => gql(baseA, query, variables);
        const floorRequest = () => floorPool.query(floor.sql, [...floorParameters, ...floor.parameters]);
        for (let i = 0; i < 20; i++) await Promise.all([hubRequest(), floorRequest()]);
        const hub: number[] = [];
        const floorTimings: number[] = [];
        const time = async (request: () => Promise<unknown>, into: number[]) => {
          const started = process.hrtime.bigint();
          await request();
          into.push(Number(process.hrtime.bigint() - started) / 1e6);
        };
        // Alternated (hub first, then floor first, …): the machine's noise hits both alike.
        for (let i = 0; i < iterations; i++) {
          if (i % 2 === 0) {
            await time(hubRequest, hub);
            await time(floorRequest, floorTimings);
          } else {
            await time(floorRequest, floorTimings);
            await time(hubRequest, hub);
          }
        }
        const result = summarise(scenario, hub);
        const floorResult = summarise(`  floor (one statement, straight to PostgreSQL)`, floorTimings);
        console.log(`  hub p95 / floor p95 = ${(result.p95 / floorResult.p95).toFixed(1)}`);
        results.push(result);
        if (explain) await explainStatements(dataSource, scenario, await recorder.record(hubRequest));
      };
      const pageThreadId = toGlobalId('DiscussionThread', seeded.pageThreadId);
      await timed(
        'thread page, 50 posts with authors',
        THREAD_PAGE,
        { id: pageThreadId },
        { sql: FLOOR_THREAD_PAGE, parameters: [seeded.pageThreadId] },
      );
      for (const first of [20, 50])
        await timed(
          `thread list with unread counts, first ${first}`,
          THREAD_LIST,
          { first },
          { sql: FLOOR_THREAD_LIST, parameters: [first + 1] },
        );
      for (const [label, text] of [
        ['rare word', 'Notfallsimulation'],
        ['common words', 'Förderprogramm Antrag'],
        ['word forms', 'Kommune'],
      ])
        await timed(
          `post search, ${label} ("${text}")`,
          SEARCH,
          { text },
          { sql: FLOOR_SEARCH, parameters: [text] },
        );

      // Live: subscriptions on B, spread over the live threads; the first thread carries half.
      const sessions = await Promise.all(
        seeded.posterIds
          .slice(0, 100)
          .map(async (userId) => (await createSession(dataSource.manager, userId)).token),
      );
      const measuredThread = toGlobalId('DiscussionThread', seeded.liveThreadIds[0]);
      const measured = Math.floor(subscriptionCount / 2);
      const arrivals = new Map<string, number[]>();
      const clients = [];
      let ready = 0;
      for (let i = 0; i < subscriptionCount; i++) {
        const cookie = `hub_session=${sessions[i % sessions.length]}`;
        class CookieWebSocket extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: { cookie } });
          }
        }
        const client = createClient({
          url: `${baseB.replace('http', 'ws')}/graphql`,
          webSocketImpl: CookieWebSocket,
          retryAttempts: 0,
        });
        clients.push(client);
        const threadId =
          i < measured
            ? measuredThread
            : toGlobalId(
                'DiscussionThread',
                seeded.liveThreadIds[1 + (i % (seeded.liveThreadIds.length - 1))],
              );
        client.subscribe<{ threadActivity: { post: { bodyHtml: string } | null } }>(
          { query: ACTIVITY, variables: { threadId } },
          {
            next: ({ data }) => {
              const marker = /bench-live-(\w+)/.exec(data?.threadActivity.post?.bodyHtml ?? '')?.[1];
              if (marker) arrivals.get(marker)?.push(performance.now());
            },
            error: (error) => console.error('subscription failed', error),
            complete: () => undefined,
          },
        );
        ready++;
      }
      // Warm-up posts until every subscription of the measured thread is in place.
      for (let i = 0; i < 20; i++) {
        const marker = `warm${i}`;
        arrivals.set(marker, []);
        await gql(
          baseA,
          REPLY,
          { threadId: measuredThread, body: `Live-Beitrag bench-live-${marker}` },
          `hub_session=${sessions[i]}`,
        );
        const deadline = Date.now() + 5000;
        while ((arrivals.get(marker)?.length ?? 0) < measured && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 5));
        if ((arrivals.get(marker)?.length ?? 0) >= measured) break;
      }
      const firstLatencies: number[] = [];
      const lastLatencies: number[] = [];
      const posters = sessions.map((s) => `hub_session=${s}`);
      const liveIterations = Math.min(iterations, posters.length * 9);
      for (let i = 0; i < liveIterations; i++) {
        const marker = `n${i}`;
        arrivals.set(marker, []);
        const started = performance.now();
        await gql(
          baseA,
          REPLY,
          { threadId: measuredThread, body: `Live-Beitrag bench-live-${marker}` },
          posters[i % posters.length],
        );
        const deadline = Date.now() + 5000;
        while ((arrivals.get(marker)?.length ?? 0) < measured && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 2));
        const times = arrivals.get(marker) ?? [];
        if (times.length < measured)
          console.warn(`post ${marker}: ${times.length} of ${measured} subscribers got it`);
        if (times.length) {
          firstLatencies.push(Math.min(...times) - started);
          lastLatencies.push(Math.max(...times) - started);
        }
      }
      results.push(summarise(`live A→B, first of ${measured} subscribers (${ready} open)`, firstLatencies));
      results.push(summarise(`live A→B, all ${measured} subscribers (${ready} open)`, lastLatencies));
      await Promise.all(clients.map((client) => client.dispose()));
      return results;
    } finally {
      processB.kill('SIGTERM');
      await exitedB;
      await app.stop();
      await floorPool.end();
      await dataSource.destroy();
    }
  });
}

runIfMain(module, run);
