import { Role, ThreadSubjectType } from '@hub/shared';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { collect, liveClient } from '../support/api-process';
import { buildForumCategory, buildThread } from '../support/discussion-factories';
import { buildUser, gid } from '../support/factories';
import { subscribeWithoutSession, useTwoApiProcesses } from '../support/live';
import { buildWorkingGroup } from '../support/working-group-factories';

/**
 * Live updates across API processes: two real API processes on one database. A post made
 * through A reaches a subscription opened on B (LISTEN/NOTIFY), subscribers who may not read the
 * thread get nothing, a reconnect catches up from its cursor without gaps or doubles, and a
 * socket whose session ends is closed.
 */

const ACTIVITY = `subscription($threadId: ID!, $after: String) { threadActivity(threadId: $threadId, after: $after) {
  cursor post { number bodyHtml deleted author { displayName } } thread { postCount locked } } }`;

interface Activity {
  threadActivity: {
    cursor: string;
    post: {
      number: number;
      bodyHtml: string | null;
      deleted: boolean;
      author: { displayName: string };
    } | null;
    thread: { postCount: number; locked: boolean };
  };
}

const live = useTwoApiProcesses();
const { session, gql } = live;
let member: User;
let outsider: User;
let coordinator: User;
let forumThreadId: string;
let groupThreadId: string;

const REPLY = `mutation($threadId: ID!, $body: String!) { replyToThread(input: { threadId: $threadId, body: $body }) {
  post { id number } userErrors { code } } }`;

beforeAll(async () => {
  const { dataSource } = live.db;
  member = await buildUser(dataSource, { name: 'Mona Mitglied' });
  outsider = await buildUser(dataSource, { name: 'Otto Außen' });
  coordinator = await buildUser(dataSource, { role: Role.COORDINATOR, name: 'Kai Koordination' });
  const category = await buildForumCategory(dataSource);
  const group = await buildWorkingGroup(dataSource, { members: [member] });
  const threadOn = async (subjectType: ThreadSubjectType, subjectId: string) =>
    gid('DiscussionThread', (await buildThread(dataSource, { subjectType, subjectId, author: member })).id);
  forumThreadId = await threadOn(ThreadSubjectType.FORUM, category.id);
  groupThreadId = await threadOn(ThreadSubjectType.WORKING_GROUP, group.id);
});

it('delivers a post made through process A to a subscriber on process B', async () => {
  const token = await session(member);
  const client = liveClient(live.b.url, token);
  const { collected, dispose } = collect<Activity>(client, ACTIVITY, { threadId: forumThreadId });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const reply = await gql(live.a, await session(coordinator), REPLY, {
    threadId: forumThreadId,
    body: 'Grüße von **A**',
  });
  expect(reply.data?.replyToThread.userErrors).toEqual([]);
  await collected.until('the reply on B', (values) => values.length >= 1);
  expect(collected.values[0].threadActivity).toMatchObject({
    post: {
      number: 2,
      bodyHtml: '<p>Grüße von <strong>A</strong></p>\n',
      author: { displayName: 'Kai Koordination' },
    },
    thread: { postCount: 2 },
  });
  dispose();
  await client.dispose();
});

it('sends nothing to a subscriber who may not read the thread', async () => {
  const outsiderClient = liveClient(live.b.url, await session(outsider));
  const denied = collect<Activity>(outsiderClient, ACTIVITY, { threadId: groupThreadId });
  const memberClient = liveClient(live.b.url, await session(member));
  const allowed = collect<Activity>(memberClient, ACTIVITY, { threadId: groupThreadId });
  await new Promise((resolve) => setTimeout(resolve, 300));
  await gql(live.a, await session(member), REPLY, { threadId: groupThreadId, body: 'Nur für die AG' });
  await allowed.collected.until('the member’s copy', (values) => values.length === 1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(denied.collected.values).toEqual([]);
  expect(denied.collected.errors).toEqual([
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
  ]);

  expect(await subscribeWithoutSession(live.b, ACTIVITY, { threadId: forumThreadId })).toEqual({
    closedWith: 4403,
    received: [],
  });
  for (const client of [outsiderClient, memberClient]) await client.dispose();
});

it('catches up from its last cursor after a reconnect: no gaps, no doubles', async () => {
  const token = await session(member);
  const first = liveClient(live.b.url, token);
  const before = collect<Activity>(first, ACTIVITY, { threadId: forumThreadId });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const writer = await session(coordinator);
  await gql(live.a, writer, REPLY, { threadId: forumThreadId, body: 'Eins' });
  await before.collected.until('the first reply', (values) => values.length === 1);
  const cursor = before.collected.values[0].threadActivity.cursor;
  before.dispose();
  await first.dispose();

  // Offline: two replies and an edit of one of them are missed.
  const missed1 = await gql(live.a, writer, REPLY, { threadId: forumThreadId, body: 'Zwei' });
  await gql(live.a, writer, REPLY, { threadId: forumThreadId, body: 'Drei' });
  await gql(
    live.a,
    writer,
    `mutation($id: ID!) { editPost(input: { postId: $id, body: "Zwei, korrigiert" }) { userErrors { code } } }`,
    { id: missed1.data?.replyToThread.post.id },
  );

  const second = liveClient(live.b.url, token);
  const after = collect<Activity>(second, ACTIVITY, { threadId: forumThreadId, after: cursor });
  await after.collected.until('the catch-up', (values) => values.length >= 2);
  await gql(live.a, writer, REPLY, { threadId: forumThreadId, body: 'Vier' });
  await after.collected.until('the next live post', (values) =>
    values.some((v) => v.threadActivity.post?.bodyHtml === '<p>Vier</p>\n'),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  const numbers = after.collected.values.map((v) => v.threadActivity.post?.number);
  const base = before.collected.values[0].threadActivity.post?.number as number;
  expect(numbers).toEqual([base + 2, base + 1, base + 3]); // "Drei", then "Zwei" (edited later), then "Vier"
  expect(after.collected.values[1].threadActivity.post?.bodyHtml).toBe('<p>Zwei, korrigiert</p>\n');
  const cursors = after.collected.values.map((v) => BigInt(v.threadActivity.cursor));
  expect(cursors.every((c, i) => c > BigInt(cursor) && (i === 0 || c > cursors[i - 1]))).toBe(true);
  after.dispose();
  await second.dispose();
});

it('closes the socket of a session that ends (signed out through the other process)', async () => {
  const token = await session(member);
  const closed: { code: number; reason: string }[] = [];
  const client = liveClient(live.b.url, token, { onClosed: (code, reason) => closed.push({ code, reason }) });
  const sub = collect<Activity>(client, ACTIVITY, { threadId: forumThreadId });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const out = await gql(live.a, token, 'mutation { signOut { __typename } }', {});
  expect(out.errors).toBeUndefined();
  await sub.collected.until('the socket to close', () => closed.length > 0, 5_000);
  expect(closed[0]).toEqual({ code: 4403, reason: 'Session ended' });
  await gql(live.a, await session(coordinator), REPLY, {
    threadId: forumThreadId,
    body: 'Nach dem Abmelden',
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(sub.collected.values).toEqual([]);
  await client.dispose();
});
