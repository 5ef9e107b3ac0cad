/**
 * Benchmark of notifications:
 *   1. the daily digest for 2,000 people with 50 notifications each: building it (grouping,
 *      texts, outbox rows and queue jobs) and sending it through the job queue to a local SMTP
 *      server (smtp-server on loopback, mails discarded): time and memory;
 *   2. the inbox (first page with the unread count) of a person with 100,000 notifications (a
 *      year of a busy person) among 400,000 of others, through the real HTTP server: p50/p95/p99.
 * `pnpm bench notifications`; DIGEST_RECIPIENTS / DIGEST_PER_RECIPIENT change the sizes.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { EmailFrequency, Role, UserStatus } from '@hub/shared';
import { SMTPServer } from 'smtp-server';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { logger } from '../logger';
import { recountNotifications, sendDigests } from '../modules/notifications';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import type { ScenarioResult } from './harness';
import { benchmark, runIfMain, withScratchDatabase } from './harness';

const RECIPIENTS = Number(process.env.DIGEST_RECIPIENTS ?? 2000);
const PER_RECIPIENT = Number(process.env.DIGEST_PER_RECIPIENT ?? 50);

let batch = 0;

/** People, and notifications for each spread over 10 subjects with texts, as the consumer writes them. */
async function seedPeople(
  dataSource: DataSource,
  count: number,
  perPerson: number,
  due: EmailFrequency | null,
) {
  const people: { id: string }[] = await dataSource.query(
    `INSERT INTO app_user (email, name, role, status, locale)
     SELECT 'bench-' || i || '-' || $2 || '@example.org', 'Person ' || i, $3::user_role, $4::user_status,
            (CASE WHEN i % 5 = 0 THEN 'EN' ELSE 'DE' END)::user_locale
       FROM generate_series(1, $1) AS i RETURNING id`,
    [count, `${Date.now()}-${++batch}`, Role.COORDINATOR, UserStatus.ACTIVE],
  );
  await dataSource.query(
    `INSERT INTO notification (recipient_id, kind, type, subject_type, subject_id, subject_title, actor_name,
                               excerpt, link, created_at, email_due, read_at)
     SELECT p.id, 'PROJECT_STATUS_UPDATE', 'PROJECT_UPDATE', 'PROJECT',
            md5('subject' || (n % 10))::uuid, 'Projekt ' || (n % 10), 'Anna Beispiel (Kaiserslautern)',
            'Sachstand ' || n || ': zwölf Kitas sind angeschlossen, die Anmeldung läuft, drei folgen im Frühjahr.',
            '/projekte/x', now() - make_interval(mins => n * 5), $2, CASE WHEN n % 2 = 0 THEN now() END
       FROM unnest($1::uuid[]) AS p(id), generate_series(1, $3) AS n`,
    [people.map((p) => p.id), due, perPerson],
  );
  await recountNotifications(
    dataSource.manager,
    people.map((p) => p.id),
  );
  // As autovacuum would have by then: the visibility map lets index-only scans skip the table.
  await dataSource.query('VACUUM ANALYZE notification');
  return people;
}

async function digestBenchmark(): Promise<Record<string, number>> {
  return withScratchDatabase('digest', async (databaseUrl) => {
    const dataSource = createDataSource({ url: databaseUrl, limits: { statementTimeoutMs: 600_000 } });
    await dataSource.initialize();
    const received = { count: 0 };
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          received.count++;
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    const log = logger.child({}, { level: 'warn' });
    const config = {
      ...loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv),
      databaseUrl,
      webDist: '/nonexistent',
      smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    };
    const app = await createApp({ config, dataSource, log });
    try {
      await prepareDatabase(dataSource, { demo: false, log });
      const seeding = Date.now();
      await seedPeople(dataSource, RECIPIENTS, PER_RECIPIENT, EmailFrequency.DAILY);
      await dataSource.query('ANALYZE');
      console.log(
        `seeded ${RECIPIENTS} people × ${PER_RECIPIENT} notifications in ${Date.now() - seeding} ms`,
      );

      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      let peakRss = process.memoryUsage().rss;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }, 20);
      const building = process.hrtime.bigint();
      const built = await sendDigests(dataSource, EmailFrequency.DAILY, 'https://hub.example.org');
      const buildMs = Number(process.hrtime.bigint() - building) / 1e6;
      const heapAfterBuild = process.memoryUsage().heapUsed;

      const sending = process.hrtime.bigint();
      await app.startJobs({ concurrency: 8, pollInterval: 200 });
      while (received.count < built.mails) await new Promise((resolve) => setTimeout(resolve, 50));
      const sendMs = Number(process.hrtime.bigint() - sending) / 1e6;
      clearInterval(sampler);
      const figures = {
        mails: built.mails,
        notifications: built.notifications,
        buildMs: Math.round(buildMs),
        sendMs: Math.round(sendMs),
        mailsPerSecond: Math.round((built.mails / sendMs) * 1000),
        heapGrowthMb: Math.round((heapAfterBuild - heapBefore) / 1e5) / 10,
        peakRssMb: Math.round(peakRss / 1e5) / 10,
      };
      console.log(
        `daily digest: ${figures.mails} mails with ${figures.notifications} notifications built and queued in ${figures.buildMs} ms ` +
          `(heap +${figures.heapGrowthMb} MB), sent through the queue to SMTP in ${figures.sendMs} ms ` +
          `(${figures.mailsPerSecond} mails/s, 8 jobs at once); peak RSS ${figures.peakRssMb} MB`,
      );
      return figures;
    } finally {
      await app.stop();
      await dataSource.destroy();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
}

const INBOX = `query NotificationsPage($first: Int!) { unreadNotificationCount notifications(first: $first) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id kind subjectKey subjectTitle actorName excerpt link createdAt readAt } } } }`;

async function inboxBenchmark(): Promise<ScenarioResult[]> {
  return benchmark({
    name: 'inbox',
    demo: false,
    async prepare(dataSource) {
      const [reader] = await seedPeople(dataSource, 1, 100_000, null);
      await seedPeople(dataSource, 200, 2_000, null);
      return { asUserId: reader.id };
    },
    scenarios: [
      { scenario: 'inbox, 30 of 100,000 with unread count', query: INBOX, variables: { first: 30 } },
      { scenario: 'unread count alone (50,000 unread)', query: '{ unreadNotificationCount }' },
    ],
  });
}

export async function run(): Promise<unknown> {
  const digest = await digestBenchmark();
  const inbox = await inboxBenchmark();
  return { digest, inbox };
}

runIfMain(module, run);
