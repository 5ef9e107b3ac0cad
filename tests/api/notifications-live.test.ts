import { Role, ThreadSubjectType } from '@hub/shared';
import { createSession } from '../../packages/api/src/modules/auth/session.service';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { ApiProcess } from '../support/api-process';
import { collect, liveClient, startApiProcess } from '../support/api-process';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';
import { buildForumCategory, buildThread } from '../support/discussion-factories';
import { buildUser, gid } from '../support/factories';

/**
 * The bell is live across API processes: a mention written through process A (its notification
 * written by A's job queue) changes the count of a bell subscribed on process B, and marking read
 * in one tab changes it in another; without a session there is no socket at all.
 */

const COUNT = 'subscription { unreadNotificationCountChanged }';
interface CountChanged {
  unreadNotificationCountChanged: number;
}

let db: TestDatabase;
let a: ApiProcess;
let b: ApiProcess;
let officer: User;
let coordinator: User;
let threadGid: string;

async function session(user: User): Promise<string> {
  return (await createSession(db.dataSource.manager, user.id)).token;
}

async function gql(api: ApiProcess, token: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-csrf': '1', cookie: `hub_session=${token}` },
    body: JSON.stringify({ query, variables }),
  });
  // The answers' shapes are asserted by the tests (as in discussions-live.test.ts).
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

beforeAll(async () => {
  db = await createTestDatabase();
  officer = await buildUser(db.dataSource, { name: 'Olga Offizierin' });
  coordinator = await buildUser(db.dataSource, { role: Role.COORDINATOR, name: 'Kai Koordination' });
  const category = await buildForumCategory(db.dataSource);
  threadGid = gid(
    'DiscussionThread',
    (
      await buildThread(db.dataSource, {
        subjectType: ThreadSubjectType.FORUM,
        subjectId: category.id,
        author: coordinator,
      })
    ).id,
  );
  [a, b] = await Promise.all([startApiProcess(db.url), startApiProcess(db.url)]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

it('sends the count at once, then a new notification made through process A to the bell on process B', async () => {
  const officerToken = await session(officer);
  const client = liveClient(b.url, officerToken);
  const { collected, dispose } = collect<CountChanged>(client, COUNT, {});
  await collected.until('the count now', (values) => values.length === 1);
  expect(collected.values[0].unreadNotificationCountChanged).toBe(0);

  const started = Date.now();
  const reply = await gql(
    a,
    await session(coordinator),
    `mutation($input: ReplyInput!) { replyToThread(input: $input) { userErrors { code } } }`,
    {
      input: {
        threadId: threadGid,
        body: `Kannst du das prüfen, @[Olga Offizierin](person:${gid('User', officer.id)})?`,
      },
    },
  );
  expect(reply.data?.replyToThread.userErrors).toEqual([]);
  await collected.until('the mention on B', (values) => values.length === 2);
  expect(collected.values[1].unreadNotificationCountChanged).toBe(1);
  // The issue asks for the bell within a second; asserted with room for a loaded test machine, and
  // printed (mutation sent → count on B: commit, the queue's consumer, NOTIFY, the counter read).
  const latency = Date.now() - started;
  console.log(`bell on process B ${latency} ms after the mention was sent to process A`);
  expect(latency).toBeLessThan(5_000);

  // Marked read in another tab (through A): the bell on B follows.
  const marked = await gql(
    a,
    officerToken,
    `mutation { markNotificationsRead(input: { all: true }) { unreadCount userErrors { code } } }`,
  );
  expect(marked.data?.markNotificationsRead).toEqual({ unreadCount: 0, userErrors: [] });
  await collected.until('the count after marking read', (values) => values.length === 3);
  expect(collected.values[2].unreadNotificationCountChanged).toBe(0);
  dispose();
  await client.dispose();
});

it("counts only the viewer's own notifications, and opens no socket without a session", async () => {
  // The coordinator replied above, so follows the thread; the bystander never took part.
  const bystander = await buildUser(db.dataSource, { name: 'Bernd Beobachter' });
  const coordinatorClient = liveClient(b.url, await session(coordinator));
  const bystanderClient = liveClient(b.url, await session(bystander));
  const follower = collect<CountChanged>(coordinatorClient, COUNT, {});
  const other = collect<CountChanged>(bystanderClient, COUNT, {});
  await follower.collected.until('the count now', (values) => values.length === 1);
  await other.collected.until('the count now', (values) => values.length === 1);
  const before = follower.collected.values[0].unreadNotificationCountChanged;
  await gql(
    a,
    await session(officer),
    `mutation($input: ReplyInput!) { replyToThread(input: $input) { userErrors { code } } }`,
    { input: { threadId: threadGid, body: 'Ein Beitrag ohne Erwähnung.' } },
  );
  await follower.collected.until('the reply in the followed thread', (values) => values.length === 2);
  expect(follower.collected.values[1].unreadNotificationCountChanged).toBe(before + 1);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(other.collected.values.map((v) => v.unreadNotificationCountChanged)).toEqual([0]);
  follower.dispose();
  other.dispose();
  await Promise.all([coordinatorClient.dispose(), bystanderClient.dispose()]);

  let closedWith: number | null = null;
  const anonymous = liveClient(b.url, null, {
    onClosed: (code) => {
      closedWith = code;
    },
  });
  const denied = collect<CountChanged>(anonymous, COUNT, {});
  const until = Date.now() + 5_000;
  while (closedWith === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(closedWith).toBe(4403);
  expect(denied.collected.values).toEqual([]);
  denied.dispose();
  await anonymous.dispose();
});
