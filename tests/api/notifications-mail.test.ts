import { Locale, MunicipalityKind, Role } from '@hub/shared';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../packages/api/src/db/data-source';
import { addJob } from '../../packages/api/src/jobs/queue';
import { logger } from '../../packages/api/src/logger';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { App } from '../../packages/api/src/server/app';
import { createApp } from '../../packages/api/src/server/app';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { consume, emit } from '../support/notification-helpers';
import { buildProject } from '../support/project-factories';
import { TestSmtpServer } from '../support/smtp';

let t: TestApp;
let smtp: TestSmtpServer;
let kl: string;
let cochem: string;

beforeAll(async () => {
  smtp = new TestSmtpServer();
  await smtp.start(0);
  t = await startTestApp({ smtpUrl: smtp.url });
  await t.app.startJobs({ pollInterval: 200 });
  kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
  cochem = (await municipality(t.dataSource, 'Landkreis Cochem-Zell', MunicipalityKind.LANDKREIS)).id;
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const queueDigest = (dataSource: DataSource) =>
  addJob(dataSource.manager, 'notifications.digest', { frequency: 'DAILY' });

/** Status updates on two projects and an adoption, all for the team of Kaiserslautern. */
async function newsFor(team: User[]): Promise<void> {
  const author = await buildUser(t.dataSource, { municipalityId: cochem, name: 'Carla Zell' });
  const wiki = await buildProject(t.dataSource, {
    leadMunicipalityId: kl,
    partnerIds: [cochem],
    title: 'Westpfalz Wiki',
  });
  const parking = await buildProject(t.dataSource, {
    leadMunicipalityId: kl,
    partnerIds: [cochem],
    title: 'Parkraum-App',
  });
  const client = await t.as(author);
  const STATUS = `mutation($input: PostStatusUpdateInput!) { postProjectStatusUpdate(input: $input) { userErrors { code } } }`;
  const post = (projectId: string, reportedOn: string, text: string) =>
    client.gql(STATUS, {
      input: {
        projectId: gid('Project', projectId),
        phase: 'ROLLOUT',
        progressPercent: 50,
        reportedOn,
        text,
      },
    });
  await post(wiki.id, '2026-11-28', 'Die Wiki-Vorlagen sind übersetzt.');
  await post(parking.id, '2026-11-29', 'Sensoren in der Altstadt montiert.');
  await post(wiki.id, '2026-11-30', 'Zweihundert neue Artikel <b>online</b>.');
  await consume(t.dataSource, t.url);
  expect(team.length).toBeGreaterThan(0);
}

describe('daily digest', () => {
  it('sends one mail per person, grouped by subject, newest first, with the texts, in their language', async () => {
    const german = await buildUser(t.dataSource, { municipalityId: kl, name: 'Kai Lauter' });
    const english = await buildUser(t.dataSource, {
      municipalityId: kl,
      name: 'Kim Lauter',
      locale: Locale.EN,
    });
    await newsFor([german, english]);
    await queueDigest(t.dataSource);
    await smtp.waitFor(() => smtp.to(german.email).length === 1 && smtp.to(english.email).length === 1);

    const [mail] = smtp.to(german.email);
    expect(mail.subject).toBe('Ihre Tagesübersicht: 3 Neuigkeiten');
    const text = mail.text ?? '';
    // Each item quotes its own status update, also when the three are consumed in one run.
    expect(text.split('Zweihundert neue Artikel')).toHaveLength(2);
    expect(text).toContain('Die Wiki-Vorlagen sind übersetzt.');
    // The wiki has the newest item, so its group comes first, newest first within.
    expect(text.indexOf('== Westpfalz Wiki ==')).toBeLessThan(text.indexOf('== Parkraum-App =='));
    expect(text.indexOf('Zweihundert neue Artikel')).toBeLessThan(
      text.indexOf('Die Wiki-Vorlagen sind übersetzt.'),
    );
    expect(text).toContain('Neuer Sachstand zu „Parkraum-App“ von Carla Zell (Landkreis Cochem-Zell)');
    expect(text).toContain('Sensoren in der Altstadt montiert.');
    expect(mail.html).toContain('<h2>Westpfalz Wiki</h2>');
    expect(mail.html).toContain('Zweihundert neue Artikel &lt;b&gt;online&lt;/b&gt;.');
    const header = (key: string) => mail.headerLines.find((h) => h.key === key)?.line ?? '';
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toContain(`<${t.url}/api/notifications/unsubscribe?`);

    const [englishMail] = smtp.to(english.email);
    expect(englishMail.subject).toBe('Your daily summary: 3 updates');
    expect(englishMail.text).toContain(
      'New status update on “Westpfalz Wiki” by Carla Zell (Landkreis Cochem-Zell)',
    );

    // Sent items are not sent again by the next digest.
    const before = smtp.received.length;
    await queueDigest(t.dataSource);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.received.length).toBe(before);
  });

  it('unsubscribes in one click from the link, without signing in; a forged link changes nothing', async () => {
    const reader = await buildUser(t.dataSource, { municipalityId: kl });
    await newsFor([reader]);
    await queueDigest(t.dataSource);
    await smtp.waitFor(() => smtp.to(reader.email).length === 1);
    const link = (smtp.to(reader.email)[0].text ?? '').match(
      /Diese Art von E-Mail abbestellen: (\S+)/,
    )?.[1] as string;
    expect(link).toContain('t=PROJECT_UPDATE');

    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const forged = await fetch(link.replace(/s=[^&]+/, 's=forged'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(forged.status).toBe(400);
    const done = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Abbestellt');
    const prefs = await (await t.as(reader)).gql('{ notificationPreferences { type email } }');
    expect(prefs.data?.notificationPreferences).toEqual(
      expect.arrayContaining([{ type: 'PROJECT_UPDATE', email: 'NEVER' }]),
    );
  });
});

describe('each notification once per channel', () => {
  it('mails an adoption once: at once to who chose that, in the digest to the others, never both', async () => {
    // A municipality of its own here: the team is exactly these two.
    const pirmasens = (await municipality(t.dataSource, 'Pirmasens', MunicipalityKind.KREISFREIE_STADT)).id;
    const origin = await buildProject(t.dataSource, {
      leadMunicipalityId: pirmasens,
      title: 'Digitale Bauakte',
    });
    const daily = await buildUser(t.dataSource, { municipalityId: pirmasens, name: 'Tanja Täglich' });
    const immediate = await buildUser(t.dataSource, { municipalityId: pirmasens, name: 'Sofia Sofort' });
    const choose = await (await t.as(immediate)).gql(
      `mutation { setNotificationPreference(input: { type: PROJECT_REUSE, email: IMMEDIATELY }) { userErrors { code } } }`,
    );
    expect(choose.data?.setNotificationPreference.userErrors).toEqual([]);
    const adopter = await buildUser(t.dataSource, { municipalityId: cochem, name: 'Anton Adopt' });
    const adopted = await (await t.as(adopter)).gql(
      `mutation($input: AdoptProjectInput!) { adoptProject(input: $input) { notifiedPeople userErrors { code } } }`,
      { input: { projectId: gid('Project', origin.id), adaptations: 'Nur Bauanträge der Ortsgemeinden' } },
    );
    expect(adopted.data?.adoptProject).toEqual({ notifiedPeople: 2, userErrors: [] });

    // The job queue writes the notifications after the commit; the immediate one goes out alone.
    await smtp.waitFor(() => smtp.to(immediate.email).length === 1);
    const [now] = smtp.to(immediate.email);
    expect(now.text).toContain('Nur Bauanträge der Ortsgemeinden');
    expect(now.text).toContain(adopter.email);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.to(daily.email)).toEqual([]);
    expect(smtp.to(adopter.email)).toEqual([]);

    await queueDigest(t.dataSource);
    await smtp.waitFor(() => smtp.to(daily.email).length === 1);
    expect(smtp.to(daily.email)[0].text).toContain('Nur Bauanträge der Ortsgemeinden');
    // The digest does not repeat what went out at once, and nothing else mentions the adoption.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.to(immediate.email)).toHaveLength(1);
    expect(smtp.to(daily.email)).toHaveLength(1);
  }, 60_000);
});

describe('when SMTP is down', () => {
  it('keeps the mail, lists it as failed for coordinators, and delivers it once SMTP is back', async () => {
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const officer = await t.as(await buildUser(t.dataSource, { municipalityId: kl }));
    const mentioned = await buildUser(t.dataSource, { municipalityId: kl });
    const FAILED = `{ failedMailDeliveries(first: 10) { totalCount edges { node { id recipient attempts lastError givenUp } } } }`;
    await smtp.stop();
    try {
      const threadId = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
      await emit(t.dataSource, {
        actorId: null,
        type: 'discussion.postCreate',
        subjectType: 'Post',
        subjectId: threadId,
        payload: {
          threadId,
          postId: threadId,
          subjectType: 'FORUM',
          subjectId: null,
          replyToPostId: null,
          replyToAuthorId: null,
          mentionedUserIds: [mentioned.id],
          mentionedMunicipalityIds: [],
          excerpt: 'Bitte die Zahlen bis Freitag.',
        },
      });
      await consume(t.dataSource, t.url);
      const until = Date.now() + 30_000;
      let failed = await coordinator.gql(FAILED);
      // Until the list shows it (its count is another statement and may see the failure first).
      while (!failed.data?.failedMailDeliveries.edges.length && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        failed = await coordinator.gql(FAILED);
      }
      expect(failed.data?.failedMailDeliveries.edges[0].node).toMatchObject({
        recipient: mentioned.email,
        givenUp: false,
        lastError: expect.stringMatching(/ECONNREFUSED|connect/i),
      });
      expect((await officer.gql(FAILED)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    } finally {
      // SMTP comes back, also when the above failed: the next tests need it.
      await smtp.start();
    }

    // The queue's retry (after its backoff) delivers it, exactly once.
    await smtp.waitFor(() => smtp.to(mentioned.email).length === 1, 30_000);
    expect(smtp.to(mentioned.email)[0].text).toContain('Bitte die Zahlen bis Freitag.');
    expect((await coordinator.gql(FAILED)).data?.failedMailDeliveries.totalCount).toBe(0);
  }, 90_000);

  it('lets a coordinator send a failed mail again at once', async () => {
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const [row] = await t.dataSource.query(
      `INSERT INTO outbox_message (recipient, subject, body, kind, attempts, last_error)
       VALUES ('wieder@example.org', 'Erneut', 'Text', 'TEST', 10, 'connect ECONNREFUSED') RETURNING id`,
    );
    const RETRY = `mutation($input: RetryDeliveryInput!) { retryMailDelivery(input: $input) { delivery { attempts givenUp } userErrors { code } } }`;
    const retried = await coordinator.gql(RETRY, { input: { id: gid('MailDelivery', row.id) } });
    expect(retried.data?.retryMailDelivery).toEqual({
      delivery: { attempts: 0, givenUp: false },
      userErrors: [],
    });
    await smtp.waitFor(() => smtp.to('wieder@example.org').length === 1);
    // The sender marks the row sent after the SMTP server took the mail: wait for that, not for the mail.
    for (let waited = 0; ; waited += 50) {
      const [{ sent }] = await t.dataSource.query(
        'SELECT sent_at IS NOT NULL AS sent FROM outbox_message WHERE id = $1',
        [row.id],
      );
      if (sent) break;
      if (waited > 10_000) throw new Error('the retried mail was never marked sent');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const unknown = await coordinator.gql(RETRY, { input: { id: gid('MailDelivery', row.id) } });
    expect(unknown.data?.retryMailDelivery.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
  });
});

describe('two API processes', () => {
  let second: { app: App; dataSource: DataSource } | null = null;
  afterAll(async () => {
    await second?.app.stop();
    await second?.dataSource.destroy();
  });

  it('send each digest exactly once when both run the digest at the same time', async () => {
    const dataSource = createDataSource({ url: t.db.url, limits: { poolSize: 5 } });
    await dataSource.initialize();
    const app = await createApp({ config: { ...t.config }, dataSource, log: logger });
    second = { app, dataSource };
    await app.startJobs({ pollInterval: 200 });

    const readers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        buildUser(t.dataSource, { municipalityId: kl, name: `Leserin ${i}` }),
      ),
    );
    await newsFor(readers);
    const before = smtp.received.length;
    // Both processes' crons fire: two digest jobs at once, each taken by one of the runners.
    await Promise.all([queueDigest(t.dataSource), queueDigest(dataSource), queueDigest(t.dataSource)]);
    await smtp.waitFor(() => readers.every((r) => smtp.to(r.email).length >= 1));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const reader of readers)
      expect({ to: reader.email, mails: smtp.to(reader.email).length }).toEqual({
        to: reader.email,
        mails: 1,
      });
    expect(smtp.received.length - before).toBeGreaterThanOrEqual(readers.length);
    // Every digest job ran to success (none left failing or waiting).
    const left = await t.dataSource.query(
      `SELECT id FROM graphile_worker.jobs WHERE task_identifier = 'notifications.digest'`,
    );
    expect(left).toEqual([]);
  }, 60_000);
});
