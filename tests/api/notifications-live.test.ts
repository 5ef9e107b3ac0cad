import { Role, ThreadSubjectType } from '@hub/shared';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { collect, liveClient } from '../support/api-process';
import { buildForumCategory, buildThread } from '../support/discussion-factories';
import { buildUser, gid } from '../support/factories';
import { subscribeWithoutSession, useTwoApiProcesses } from '../support/live';

/**
 * The bell is live across API processes: a mention written through process A (its notification
 * written by A's job queue) changes the count of a bell subscribed on process B, and marking read
 * in one tab changes it in another; without a session there is no socket at all.
 */

const COUNT = 'subscription { unreadNotificationCountChanged }';
interface CountChanged {
  unreadNotificationCountChanged: number;
}

const live = useTwoApiProcesses();
const { session, gql } = live;
let officer: User;
let coordinator: User;
let threadGid: string;

beforeAll(async () => {
  const { dataSource } = live.db;
  officer = await buildUser(dataSource, { name: 'Olga Offizierin' });
  coordinator = await buildUser(dataSource, { role: Role.COORDINATOR, name: 'Kai Koordination' });
  const category = await buildForumCategory(dataSource);
  threadGid = gid(
    'DiscussionThread',
    (
      await buildThread(dataSource, {
        subjectType: ThreadSubjectType.FORUM,
        subjectId: category.id,
        author: coordinator,
      })
    ).id,
  );
});

it('sends the count at once, then a new notification made through process A to the bell on process B', async () => {
  const officerToken = await session(officer);
  const client = liveClient(live.b.url, officerToken);
  const { collected, dispose } = collect<CountChanged>(client, COUNT, {});
  await collected.until('the count now', (values) => values.length === 1);
  expect(collected.values[0].unreadNotificationCountChanged).toBe(0);

  const started = Date.now();
  const reply = await gql(
    live.a,
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
    live.a,
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
  const bystander = await buildUser(live.db.dataSource, { name: 'Bernd Beobachter' });
  const coordinatorClient = liveClient(live.b.url, await session(coordinator));
  const bystanderClient = liveClient(live.b.url, await session(bystander));
  const follower = collect<CountChanged>(coordinatorClient, COUNT, {});
  const other = collect<CountChanged>(bystanderClient, COUNT, {});
  await follower.collected.until('the count now', (values) => values.length === 1);
  await other.collected.until('the count now', (values) => values.length === 1);
  const before = follower.collected.values[0].unreadNotificationCountChanged;
  await gql(
    live.a,
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

  expect(await subscribeWithoutSession(live.b, COUNT)).toEqual({ closedWith: 4403, received: [] });
});
