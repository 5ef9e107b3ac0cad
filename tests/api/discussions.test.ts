import { discussionLimits, Role, ThreadSubjectType } from '@hub/shared';
import { AuditEvent } from '../../packages/api/src/modules/audit/audit-event.entity';
import {
  DiscussionPostReference,
  DiscussionThread,
} from '../../packages/api/src/modules/discussions/discussion.entity';
import { DomainEvent } from '../../packages/api/src/modules/events';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildForumCategory, buildThread } from '../support/discussion-factories';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let coordinator: User;
let officer: User;
let other: User;
let ministry: User;
let asCoordinator: TestClient;
let asOfficer: TestClient;
let asOther: TestClient;
let asMinistry: TestClient;
let categoryId: string;

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR, name: 'Kora Koordination' });
  officer = await buildUser(t.dataSource, { name: 'Olaf Offizier' });
  const trier = await municipality(t.dataSource, 'Trier', 'KREISFREIE_STADT' as never);
  other = await buildUser(t.dataSource, { name: 'Tina Trier', municipalityId: trier.id });
  ministry = await buildUser(t.dataSource, { role: Role.MINISTRY, name: 'Mia Ministerium' });
  [asCoordinator, asOfficer, asOther, asMinistry] = await Promise.all(
    [coordinator, officer, other, ministry].map((user) => t.as(user)),
  );
  const created = await asCoordinator.gql(
    `mutation { saveForumCategory(input: { name: "Förderprogramme", description: "Fördermittel" }) {
       category { id name archived } userErrors { code field } } }`,
  );
  expect(created.data?.saveForumCategory.userErrors).toEqual([]);
  categoryId = created.data?.saveForumCategory.category.id;
});
afterAll(() => t.close());

const START = `mutation($input: StartThreadInput!) { startThread(input: $input) {
  thread { id title subjectType subject { id type title } postCount author { displayName }
    posts { edges { node { id number bodyHtml } } } }
  userErrors { code field message } } }`;
const REPLY = `mutation($input: ReplyInput!) { replyToThread(input: $input) {
  post { id number bodyHtml replyTo { number excerpt author { displayName } } author { displayName municipalityName } }
  userErrors { code field message } } }`;

async function startForumThread(
  client: TestClient,
  title = 'Wer kennt das Förderprogramm?',
  body = 'Hallo zusammen',
) {
  const result = await client.gql(START, { input: { subjectId: categoryId, title, body } });
  expect(result.errors).toBeUndefined();
  expect(result.data?.startThread.userErrors).toEqual([]);
  return result.data?.startThread.thread as { id: string; posts: { edges: { node: { id: string } }[] } };
}

describe('threads and posts', () => {
  it('starts a forum thread and replies with quoted context, mentions and a project link', async () => {
    const thread = await startForumThread(asOfficer);
    const firstPostId = thread.posts.edges[0].node.id;
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: officer.municipalityId as string,
      title: 'Digitale Dörfer',
    });
    const kl = officer.municipalityId as string;
    const body = `Frag doch @[Tina Trier](person:${gid('User', other.id)}) und @[Kaiserslautern](municipality:${gid('Municipality', kl)}), siehe [Digitale Dörfer](project:${gid('Project', project.id)}).`;
    const reply = await asMinistry.gql(REPLY, {
      input: { threadId: thread.id, body, replyToPostId: firstPostId },
    });
    expect(reply.data?.replyToThread.userErrors).toEqual([]);
    const post = reply.data?.replyToThread.post;
    expect(post.number).toBe(2);
    expect(post.author).toEqual({ displayName: 'Mia Ministerium', municipalityName: null });
    expect(post.replyTo).toEqual({
      number: 1,
      excerpt: 'Hallo zusammen',
      author: { displayName: 'Olaf Offizier' },
    });
    expect(post.bodyHtml).toContain('<strong>@Tina Trier</strong>');
    expect(post.bodyHtml).toContain(
      `<a href="/mitglieder/kommunen/${gid('Municipality', kl)}" rel="noopener noreferrer nofollow">@Kaiserslautern</a>`,
    );
    expect(post.bodyHtml).toContain(`href="/projekte/${gid('Project', project.id)}"`);

    const postId = Buffer.from(post.id, 'base64url').toString().split(':')[1];
    const references = await t.dataSource.getRepository(DiscussionPostReference).findBy({ postId });
    expect(references.map((r) => `${r.targetType}:${r.targetId}`).sort()).toEqual(
      [`MUNICIPALITY:${kl}`, `PROJECT:${project.id}`, `USER:${other.id}`].sort(),
    );
    const event = await t.dataSource
      .getRepository(DomainEvent)
      .findOneByOrFail({ type: 'discussion.postCreate', subjectId: postId });
    expect(event.payload).toMatchObject({
      subjectType: ThreadSubjectType.FORUM,
      replyToAuthorId: officer.id,
      mentionedUserIds: [other.id],
      mentionedMunicipalityIds: [kl],
    });
    expect(String(event.payload.excerpt)).toBe(
      'Frag doch @Tina Trier und @Kaiserslautern, siehe Digitale Dörfer.',
    );
  });

  it('escapes raw HTML and script links in posts', async () => {
    const thread = await startForumThread(
      asOfficer,
      'Sicherheit',
      '<script>alert(1)</script> [x](javascript:alert(1))',
    );
    const html: string = (
      await asOfficer.gql(
        `query($id: ID!) { discussionThread(id: $id) { posts { edges { node { bodyHtml } } } } }`,
        { id: thread.id },
      )
    ).data?.discussionThread.posts.edges[0].node.bodyHtml;
    expect(html).not.toContain('<script');
    expect(html).not.toContain('href="javascript');
  });

  it('answers bad input with userErrors and writes nothing', async () => {
    const before = await t.dataSource.getRepository(DiscussionThread).count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ subjectId: categoryId, title: 'ab', body: 'Text' }, 'VALIDATION', 'title'],
      [
        { subjectId: categoryId, title: 'x'.repeat(discussionLimits.title.maxLength + 1), body: 'Text' },
        'VALIDATION',
        'title',
      ],
      [{ subjectId: categoryId, title: 'Gültiger Titel', body: '   ' }, 'VALIDATION', 'body'],
      [
        {
          subjectId: categoryId,
          title: 'Gültiger Titel',
          body: 'x'.repeat(discussionLimits.body.maxLength + 1),
        },
        'VALIDATION',
        'body',
      ],
      [
        { subjectId: categoryId, title: 'Gültiger Titel', body: '@[Niemand](person:abc)' },
        'INVALID_REFERENCE',
        'body',
      ],
      [
        {
          subjectId: categoryId,
          title: 'Gültiger Titel',
          body: `@[Niemand](person:${gid('User', '00000000-0000-4000-8000-000000000000')})`,
        },
        'INVALID_REFERENCE',
        'body',
      ],
    ];
    for (const [input, code, field] of cases) {
      const result = await asOfficer.gql(START, { input });
      expect(result.errors).toBeUndefined();
      expect(result.data?.startThread.userErrors).toEqual([expect.objectContaining({ code, field })]);
    }
    const unknownSubject = await asOfficer.gql(START, {
      input: {
        subjectId: gid('Project', '00000000-0000-4000-8000-000000000000'),
        title: 'Titel',
        body: 'Text',
      },
    });
    expect(unknownSubject.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const garbage = await asOfficer.gql(REPLY, { input: { threadId: 'nonsense', body: 'Text' } });
    expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.getRepository(DiscussionThread).count()).toBe(before);
  });

  it('keeps the edit history, lets authors delete and coordinators hide with a reason', async () => {
    const thread = await startForumThread(asOfficer, 'Versionen', 'Erste Fassung');
    const postId = thread.posts.edges[0].node.id;
    const edit = await asOfficer.gql(
      `mutation($id: ID!) { editPost(input: { postId: $id, body: "Zweite Fassung" }) {
         post { bodyHtml editedAt revisions { bodyHtml } } userErrors { code } } }`,
      { id: postId },
    );
    expect(edit.data?.editPost.post.bodyHtml).toContain('Zweite Fassung');
    expect(edit.data?.editPost.post.revisions).toEqual([{ bodyHtml: '<p>Erste Fassung</p>\n' }]);
    const foreignEdit = await asOther.gql(
      `mutation($id: ID!) { editPost(input: { postId: $id, body: "Fremd" }) { post { id } } }`,
      { id: postId },
    );
    expect(foreignEdit.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const hide = `mutation($id: ID!, $hidden: Boolean!) { setPostHidden(input: { postId: $id, hidden: $hidden, reason: "Werbung" }) {
      post { hidden hiddenReason bodyHtml } userErrors { code field } } }`;
    expect((await asMinistry.gql(hide, { id: postId, hidden: true })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const hidden = await asCoordinator.gql(hide, { id: postId, hidden: true });
    expect(hidden.data?.setPostHidden.post).toEqual({
      hidden: true,
      hiddenReason: 'Werbung',
      bodyHtml: '<p>Zweite Fassung</p>\n',
    });
    const seenByOfficer = await asOther.gql(
      `query($id: ID!) { node(id: $id) { ... on DiscussionPost { hidden bodyHtml hiddenReason revisions { bodyHtml } } } }`,
      { id: postId },
    );
    expect(seenByOfficer.data?.node).toEqual({
      hidden: true,
      bodyHtml: null,
      hiddenReason: 'Werbung',
      revisions: [],
    });
    const postUuid = Buffer.from(postId, 'base64url').toString().split(':')[1];
    const audit = await t.dataSource
      .getRepository(AuditEvent)
      .findOneByOrFail({ action: 'discussion.postDelete', entityId: postUuid } as never);
    expect(audit).toMatchObject({ actorId: coordinator.id });
    expect(JSON.stringify(audit)).toContain('Werbung');
    const noReason = await asCoordinator.gql(
      `mutation($id: ID!) { setPostHidden(input: { postId: $id, hidden: false, reason: "" }) { userErrors { code field } } }`,
      { id: postId },
    );
    expect(noReason.data?.setPostHidden.userErrors).toEqual([{ code: 'VALIDATION', field: 'reason' }]);

    const reply = await asOther.gql(REPLY, { input: { threadId: thread.id, body: 'Meine Antwort' } });
    const replyId = reply.data?.replyToThread.post.id;
    const deleted = await asOther.gql(
      `mutation($id: ID!) { deletePost(input: { postId: $id }) { post { deleted bodyHtml body } userErrors { code } } }`,
      { id: replyId },
    );
    expect(deleted.data?.deletePost.post).toEqual({ deleted: true, bodyHtml: null, body: null });
    const again = await asOther.gql(
      `mutation($id: ID!) { deletePost(input: { postId: $id }) { post { id } } }`,
      { id: replyId },
    );
    expect(again.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('locks threads against replies except the coordinators’, and pins them to the top', async () => {
    const older = await startForumThread(asOfficer, 'Älteres Thema', 'Text');
    const thread = await startForumThread(asOfficer, 'Gesperrtes Thema', 'Text');
    const lock = await asCoordinator.gql(
      `mutation($id: ID!) { setThreadLocked(input: { threadId: $id, locked: true, reason: "Erledigt" }) { thread { locked lockReason viewerCan { reply } } userErrors { code } } }`,
      { id: thread.id },
    );
    expect(lock.data?.setThreadLocked.thread).toEqual({
      locked: true,
      lockReason: 'Erledigt',
      viewerCan: { reply: true },
    });
    const officerReply = await asOfficer.gql(REPLY, { input: { threadId: thread.id, body: 'Noch was' } });
    expect(officerReply.data?.replyToThread.userErrors).toEqual([
      expect.objectContaining({ code: 'LOCKED' }),
    ]);
    const coordinatorReply = await asCoordinator.gql(REPLY, {
      input: { threadId: thread.id, body: 'Abschließend' },
    });
    expect(coordinatorReply.data?.replyToThread.userErrors).toEqual([]);
    expect(
      (
        await asMinistry.gql(
          `mutation($id: ID!) { setThreadLocked(input: { threadId: $id, locked: false, reason: "Bitte" }) { thread { id } } }`,
          { id: thread.id },
        )
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');

    const pin = await asCoordinator.gql(
      `mutation($id: ID!) { setThreadPinned(input: { threadId: $id, pinned: true, reason: "Wichtig" }) { thread { pinned } } }`,
      { id: older.id },
    );
    expect(pin.data?.setThreadPinned.thread.pinned).toBe(true);
    const list = await asOfficer.gql(
      `query($f: DiscussionThreadFilter) { discussionThreads(first: 2, filter: $f) { edges { node { id pinned } } } }`,
      { f: { subjectId: categoryId } },
    );
    expect(list.data?.discussionThreads.edges[0].node).toEqual({ id: older.id, pinned: true });
  });

  it('refuses more than the post rate per minute', async () => {
    const author = await buildUser(t.dataSource);
    const client = await t.as(author);
    const thread = await startForumThread(client, 'Viele Beiträge', 'Los');
    const outcomes: string[] = [];
    for (let i = 0; i < discussionLimits.postsPerMinute + 1; i++) {
      const result = await client.gql(REPLY, { input: { threadId: thread.id, body: `Beitrag ${i}` } });
      outcomes.push(result.errors?.[0].extensions?.code ?? 'ok');
    }
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(discussionLimits.postsPerMinute - 1);
    expect(outcomes.at(-1)).toBe('RATE_LIMITED');
  });

  it('searches posts in German (word forms, accents) among readable threads only', async () => {
    await startForumThread(asOfficer, 'Fördermittel', 'Die Förderprogramme des Landes für Glasfaser');
    const search = `query($text: String!) { discussionPostSearch(text: $text) { totalCount edges { node { excerpt thread { title } } } } }`;
    const found = await asMinistry.gql(search, { text: 'Förderprogramm' });
    expect(
      found.data?.discussionPostSearch.edges.map(
        (e: { node: { thread: { title: string } } }) => e.node.thread.title,
      ),
    ).toContain('Fördermittel');
    expect(
      (await asMinistry.gql(search, { text: 'foerderprogramme glasfaser' })).data?.discussionPostSearch
        .totalCount,
    ).toBeGreaterThanOrEqual(0);
    const anonymous = await t.client().gql(search, { text: 'Förderprogramm' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('reading state', () => {
  const LIST = `query($f: DiscussionThreadFilter) { discussionThreads(first: 50, filter: $f) {
    totalCount edges { node { id title unreadCount firstUnreadPostNumber lastReadPostNumber author { displayName } subject { title } } } } }`;

  it('counts unread posts per thread in a fixed number of statements, and jumps to the first unread', async () => {
    const reader = await buildUser(t.dataSource);
    const client = await t.as(reader);
    const category = await buildForumCategory(t.dataSource);
    const make = (n: number) =>
      buildThread(t.dataSource, {
        subjectType: ThreadSubjectType.FORUM,
        subjectId: category.id,
        author: officer,
        authors: [officer, other, coordinator],
        posts: Array.from({ length: n }, (_, i) => `Beitrag ${i + 1}`),
      });
    const first = await make(3);
    await make(1);
    const few = await client.gql(LIST, { f: { subjectId: gid('ForumCategory', category.id) } });
    for (let i = 0; i < 6; i++) await make(2);
    const many = await client.gql(LIST, { f: { subjectId: gid('ForumCategory', category.id) } });
    expect(many.data?.discussionThreads.totalCount).toBe(8);
    expect(many.statements.length).toBe(few.statements.length);

    const mark = await client.gql(
      `mutation($id: ID!) { markThreadRead(input: { threadId: $id, lastReadPostNumber: 1 }) { thread { unreadCount firstUnreadPostNumber lastReadPostNumber } userErrors { code } } }`,
      { id: gid('DiscussionThread', first.id) },
    );
    expect(mark.data?.markThreadRead.thread).toEqual({
      unreadCount: 2,
      firstUnreadPostNumber: 2,
      lastReadPostNumber: 1,
    });
    const tooFar = await client.gql(
      `mutation($id: ID!) { markThreadRead(input: { threadId: $id, lastReadPostNumber: 99 }) { userErrors { code field } } }`,
      { id: gid('DiscussionThread', first.id) },
    );
    expect(tooFar.data?.markThreadRead.userErrors).toEqual([
      { code: 'VALIDATION', field: 'lastReadPostNumber' },
    ]);

    const section = await client.gql(
      `query($id: ID!) { subjectDiscussions(subjectId: $id) { threadCount unreadPostCount viewerCanStartThread ref { type title } } }`,
      { id: gid('ForumCategory', category.id) },
    );
    expect(section.data?.subjectDiscussions).toEqual({
      threadCount: 8,
      unreadPostCount: 3 + 1 + 6 * 2 - 1,
      viewerCanStartThread: true,
      ref: { type: 'FORUM', title: category.name },
    });

    const unread = await client.gql(LIST, {
      f: { subjectId: gid('ForumCategory', category.id), unread: true },
    });
    expect(unread.data?.discussionThreads.totalCount).toBe(8);
    await client.gql(
      `mutation($id: ID!) { markThreadRead(input: { threadId: $id }) { thread { unreadCount } } }`,
      { id: gid('DiscussionThread', first.id) },
    );
    const afterReading = await client.gql(LIST, {
      f: { subjectId: gid('ForumCategory', category.id), unread: true },
    });
    expect(afterReading.data?.discussionThreads.totalCount).toBe(7);
    const mine = await asOther.gql(LIST, { f: { subjectId: gid('ForumCategory', category.id), mine: true } });
    expect(mine.data?.discussionThreads.totalCount).toBe(7); // all but the one-post thread
    const mineOfReader = await client.gql(LIST, {
      f: { subjectId: gid('ForumCategory', category.id), mine: true },
    });
    expect(mineOfReader.data?.discussionThreads.totalCount).toBe(0);
  });

  it('loads a page of 50 posts with authors and quotes in a fixed number of statements', async () => {
    const category = await buildForumCategory(t.dataSource);
    const people = await Promise.all(Array.from({ length: 10 }, () => buildUser(t.dataSource)));
    const small = await buildThread(t.dataSource, {
      subjectType: ThreadSubjectType.FORUM,
      subjectId: category.id,
      author: officer,
      authors: people.slice(0, 2),
      posts: ['a', 'b'],
    });
    const large = await buildThread(t.dataSource, {
      subjectType: ThreadSubjectType.FORUM,
      subjectId: category.id,
      author: officer,
      authors: people,
      posts: Array.from({ length: 60 }, (_, i) => `Beitrag ${i}`),
    });
    const PAGE = `query($id: ID!) { discussionThread(id: $id) { title unreadCount viewerCan { reply lock pin }
      posts(first: 50) { totalCount edges { node { number bodyHtml author { displayName municipalityName } replyTo { number excerpt } viewerCan { edit delete hide } revisions { bodyHtml } } } } } }`;
    const a = await asOfficer.gql(PAGE, { id: gid('DiscussionThread', small.id) });
    const b = await asOfficer.gql(PAGE, { id: gid('DiscussionThread', large.id) });
    expect(b.data?.discussionThread.posts.edges).toHaveLength(50);
    expect(b.statements.length).toBe(a.statements.length);
  });
});

describe('forum categories and the unread badge', () => {
  const SAVE = `mutation($input: ForumCategoryInput!) { saveForumCategory(input: $input) {
    category { id name description position archived } userErrors { code field } } }`;
  const CATEGORIES = `{ viewerCanManageForumCategories forumCategories { name }
    archived: forumCategories(archived: true) { name } }`;

  it('lets coordinators create, rename, reorder, archive and restore categories; others are refused', async () => {
    const created = await asCoordinator.gql(SAVE, {
      input: { name: 'IT-Sicherheit und Datenschutz', description: 'BSI, DSGVO', position: 5 },
    });
    expect(created.data?.saveForumCategory).toMatchObject({
      category: { name: 'IT-Sicherheit und Datenschutz', position: 5, archived: false },
      userErrors: [],
    });
    const id = created.data?.saveForumCategory.category.id;
    const renamed = await asCoordinator.gql(SAVE, {
      input: { id, name: 'IT-Sicherheit', description: 'BSI-Grundschutz', position: 1 },
    });
    expect(renamed.data?.saveForumCategory.category).toMatchObject({
      name: 'IT-Sicherheit',
      description: 'BSI-Grundschutz',
      position: 1,
    });
    // Mistakes come back as userErrors on their fields.
    const problems = await Promise.all([
      asCoordinator.gql(SAVE, { input: { name: 'förderprogramme' } }),
      asCoordinator.gql(SAVE, { input: { name: 'ab' } }),
      asCoordinator.gql(SAVE, { input: { id, name: 'IT-Sicherheit', position: 5000 } }),
      asCoordinator.gql(SAVE, {
        input: { id: gid('ForumCategory', '00000000-0000-4000-8000-000000000000'), name: 'Neu' },
      }),
    ]);
    expect(problems.map((p) => p.data?.saveForumCategory.userErrors[0])).toEqual([
      { code: 'TAKEN', field: 'name' },
      { code: 'VALIDATION', field: 'name' },
      { code: 'VALIDATION', field: 'position' },
      { code: 'NOT_FOUND', field: 'id' },
    ]);

    const archived = await asCoordinator.gql(SAVE, { input: { id, name: 'IT-Sicherheit', archived: true } });
    expect(archived.data?.saveForumCategory.category.archived).toBe(true);
    const listed = await asCoordinator.gql(CATEGORIES);
    expect(listed.data?.viewerCanManageForumCategories).toBe(true);
    expect(listed.data?.archived).toEqual([{ name: 'IT-Sicherheit' }]);
    expect(listed.data?.forumCategories).not.toContainEqual({ name: 'IT-Sicherheit' });
    const restored = await asCoordinator.gql(SAVE, { input: { id, name: 'IT-Sicherheit', archived: false } });
    expect(restored.data?.saveForumCategory.category.archived).toBe(false);

    // Officers and the ministry may read the forum but not manage it; the public not even ask.
    for (const client of [asOfficer, asMinistry]) {
      expect((await client.gql(CATEGORIES)).data?.viewerCanManageForumCategories).toBe(false);
      const refused = await client.gql(SAVE, { input: { id, name: 'Übernommen' } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await t.client().gql(CATEGORIES)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const unchanged = await asCoordinator.gql(CATEGORIES);
    expect(unchanged.data?.forumCategories).toContainEqual({ name: 'IT-Sicherheit' });
  });

  it('answers the unread-thread count when a thread is marked read (the navigation badge)', async () => {
    const reader = await buildUser(t.dataSource, { name: 'Rita Leserin' });
    const client = await t.as(reader);
    const category = await buildForumCategory(t.dataSource);
    const thread = await buildThread(t.dataSource, {
      subjectType: ThreadSubjectType.FORUM,
      subjectId: category.id,
      author: officer,
      posts: ['Eins', 'Zwei'],
    });
    const before = (await client.gql('{ discussionUnreadThreadCount }')).data?.discussionUnreadThreadCount;
    expect(before).toBeGreaterThan(0);
    const marked = await client.gql(
      `mutation($id: ID!) { markThreadRead(input: { threadId: $id }) { unreadThreadCount userErrors { code } } }`,
      { id: gid('DiscussionThread', thread.id) },
    );
    expect(marked.data?.markThreadRead).toEqual({ unreadThreadCount: before - 1, userErrors: [] });
    expect((await client.gql('{ discussionUnreadThreadCount }')).data?.discussionUnreadThreadCount).toBe(
      before - 1,
    );
    const refused = await client.gql(
      `mutation($id: ID!) { markThreadRead(input: { threadId: $id, lastReadPostNumber: 9 }) { unreadThreadCount userErrors { code } } }`,
      { id: gid('DiscussionThread', thread.id) },
    );
    expect(refused.data?.markThreadRead).toEqual({
      unreadThreadCount: null,
      userErrors: [{ code: 'VALIDATION' }],
    });
  });
});
