import { ThreadSubjectType } from '@hub/shared';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { DiscussionPost, DiscussionThread, ForumCategory } from './discussion.entity';

// Lengths are checked by the service and reported as userErrors (not by class-validator).

@InputType()
export class StartThreadInput {
  @Field(() => ID, { description: 'The Project, WorkingGroup, Meeting or ForumCategory it belongs to.' })
  subjectId: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'The first post, in Markdown.' })
  body: string;
}

@InputType()
export class ReplyInput {
  @Field(() => ID)
  threadId: string;

  @Field(() => String, {
    description:
      'Markdown; mentions as @[Name](person:ID) or @[Name](municipality:ID), projects as [Title](project:ID).',
  })
  body: string;

  @Field(() => ID, { nullable: true, description: 'The post this one answers; quoted above it.' })
  replyToPostId?: string | null;
}

@InputType()
export class EditPostInput {
  @Field(() => ID)
  postId: string;

  @Field(() => String)
  body: string;
}

@InputType()
export class PostIdInput {
  @Field(() => ID)
  postId: string;
}

@InputType()
export class SetPostHiddenInput {
  @Field(() => ID)
  postId: string;

  @Field(() => Boolean)
  hidden: boolean;

  @Field(() => String, { description: 'Why; kept in the audit log.' })
  reason: string;
}

@InputType()
export class SetThreadLockedInput {
  @Field(() => ID)
  threadId: string;

  @Field(() => Boolean)
  locked: boolean;

  @Field(() => String, { description: 'Why; kept in the audit log (and shown on a locked thread).' })
  reason: string;
}

@InputType()
export class SetThreadPinnedInput {
  @Field(() => ID)
  threadId: string;

  @Field(() => Boolean)
  pinned: boolean;

  @Field(() => String, { description: 'Why; kept in the audit log.' })
  reason: string;
}

@InputType()
export class MarkThreadReadInput {
  @Field(() => ID)
  threadId: string;

  @Field(() => Int, { nullable: true, description: 'The last post read; the newest when left out.' })
  lastReadPostNumber?: number | null;
}

@InputType()
export class ForumCategoryInput {
  @Field(() => ID, { nullable: true, description: 'Changes this category; creates one when left out.' })
  id?: string | null;

  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  position?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Archived categories take no new threads.' })
  archived?: boolean | null;
}

@InputType()
export class DiscussionThreadFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only threads with posts the viewer has not read.' })
  unread?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only threads the viewer started or posted in.' })
  mine?: boolean | null;

  @Field(() => [ThreadSubjectType], { nullable: true })
  subjectTypes?: ThreadSubjectType[] | null;

  @Field(() => ID, { nullable: true, description: 'Only the threads of this subject (any type).' })
  subjectId?: string | null;
}

@ObjectType()
export class ThreadPayload {
  @Field(() => DiscussionThread, { nullable: true })
  thread: DiscussionThread | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class MarkThreadReadPayload {
  @Field(() => DiscussionThread, { nullable: true })
  thread: DiscussionThread | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Threads the viewer has still unread after this (the navigation badge); null on errors.',
  })
  unreadThreadCount: number | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class PostPayload {
  @Field(() => DiscussionPost, { nullable: true })
  post: DiscussionPost | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class ForumCategoryPayload {
  @Field(() => ForumCategory, { nullable: true })
  category: ForumCategory | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
