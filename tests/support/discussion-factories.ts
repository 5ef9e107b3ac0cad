import { randomBytes } from 'node:crypto';
import { ThreadSubjectType } from '@hub/shared';
import type { DataSource } from 'typeorm';
import {
  DiscussionPost,
  DiscussionThread,
  ForumCategory,
} from '../../packages/api/src/modules/discussions/discussion.entity';
import { renderPost } from '../../packages/api/src/modules/discussions/post-text';
import type { User } from '../../packages/api/src/modules/users/user.entity';

/** A forum category (written directly). */
export async function buildForumCategory(dataSource: DataSource, name?: string): Promise<ForumCategory> {
  const repository = dataSource.getRepository(ForumCategory);
  const category = repository.create({
    name: name ?? `Kategorie ${randomBytes(3).toString('hex')}`,
    description: '',
    position: 0,
    archivedAt: null,
  });
  await repository.save(category);
  return category;
}

export interface ThreadOverrides {
  subjectType: ThreadSubjectType;
  subjectId: string;
  author: User;
  title?: string;
  /** The posts' texts in order, all by `author` unless `authors` names others (cycled). */
  posts?: string[];
  authors?: User[];
}

/** A thread with its posts, written directly (no events, no live notifications). */
export async function buildThread(
  dataSource: DataSource,
  overrides: ThreadOverrides,
): Promise<DiscussionThread> {
  const posts = overrides.posts ?? ['Erster Beitrag'];
  const authors = overrides.authors?.length ? overrides.authors : [overrides.author];
  const thread = dataSource.getRepository(DiscussionThread).create({
    subjectType: overrides.subjectType,
    subjectId: overrides.subjectId,
    title: overrides.title ?? `Thema ${randomBytes(3).toString('hex')}`,
    authorId: overrides.author.id,
    lastPostNumber: posts.length,
    changeSeq: String(posts.length),
    lockedAt: null,
    lockReason: null,
    pinnedAt: null,
  });
  await dataSource.getRepository(DiscussionThread).insert(thread);
  if (posts.length)
    await dataSource.getRepository(DiscussionPost).insert(
      posts.map((body, i) => ({
        threadId: thread.id,
        number: i + 1,
        authorId: authors[i % authors.length].id,
        body,
        bodyHtml: renderPost(body),
        replyToPostId: null,
        editedAt: null,
        deletedAt: null,
        hiddenAt: null,
        hiddenReason: null,
        changeSeq: String(i + 1),
      })),
    );
  return thread;
}

export { ThreadSubjectType };
