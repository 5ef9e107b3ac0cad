import { User } from '../../packages/api/src/modules/users/user.entity';
import { seedDemo } from '../../packages/api/src/seed/demo';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.dataSource.transaction((m) => seedDemo(m));
});
afterAll(() => t.close());

const LIST = `{ discussionThreads(first: 20) { edges { node { title subjectType subject { title } unreadCount
  posts(first: 10) { edges { node { number bodyHtml author { displayName } replyTo { number } } } } } } } }`;

async function as(email: string) {
  return t.as(await t.dataSource.getRepository(User).findOneByOrFail({ email }));
}

it('has German demo discussions on a project, a working group and a funding programme, with mentions and replies', async () => {
  const result = await (await as('koordination@kl.digital.demo')).gql(LIST);
  expect(result.errors).toBeUndefined();
  const threads: Record<string, any>[] = result.data?.discussionThreads.edges.map(
    (e: { node: unknown }) => e.node,
  );
  expect(threads.map((thread) => [thread.subjectType, thread.subject.title]).sort()).toEqual([
    ['FORUM', 'Förderprogramme'],
    ['PROJECT', 'Demo: Digitale Dörfer'],
    ['WORKING_GROUP', 'AG Smart City & Sensorik (Demo)'],
  ]);
  for (const thread of threads) {
    expect(thread.title).toMatch(/\(Demo\)$/);
    const posts = thread.posts.edges.map((e: { node: Record<string, any> }) => e.node);
    expect(posts.length).toBeGreaterThanOrEqual(3);
    expect(posts.some((post: { replyTo: unknown }) => post.replyTo)).toBe(true);
    expect(posts.map((post: { bodyHtml: string }) => post.bodyHtml).join('')).toMatch(/<strong>@|>@/);
  }
});

it('shows the working group’s preparation to its members only, and unread counts to others', async () => {
  const outsider = await (await as('digital@cochem-zell.demo')).gql(LIST);
  const titles = outsider.data?.discussionThreads.edges.map((e: { node: { title: string } }) => e.node.title);
  expect(titles).not.toContain('Vorbereitung der nächsten Sitzung (Demo)');
  const ministry = await (await as('ministerium@mdi.rlp.demo')).gql(LIST);
  const unread = ministry.data?.discussionThreads.edges.map(
    (e: { node: { title: string; unreadCount: number } }) => [e.node.title, e.node.unreadCount],
  );
  expect(unread).toEqual(
    expect.arrayContaining([['Vor der Nachnutzung: Wie hoch war der Aufwand? (Demo)', 4]]),
  );
});
