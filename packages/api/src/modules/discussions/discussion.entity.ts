import { ThreadSubjectType } from '@hub/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Node } from '../../graphql/relay';
import { User } from '../users';

registerEnumType(ThreadSubjectType, { name: 'ThreadSubjectType' });

/** A category of the network forum ("Förderprogramme", …), managed by coordinators. */
@Entity('discussion_forum_category')
@ObjectType({ implements: Node })
export class ForumCategory extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 80 })
  @Field(() => String)
  name: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  @Field(() => String)
  description: string;

  @Column({ type: 'int', default: 0, comment: 'order on the forum page' })
  @Field(() => Int)
  position: number;

  @Column({ type: 'timestamptz', nullable: true, comment: 'archived categories take no new threads' })
  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * A discussion thread on a subject (a project, a working group, a meeting, a forum category, …).
 * Who may read it follows the subject (see thread-subjects.ts). `changeSeq` counts every change
 * of the thread and its posts: changes run with the thread's row locked, so they commit in this
 * order and live subscribers catch up from a number without gaps.
 */
@Entity('discussion_thread')
@Index(['subjectType', 'subjectId', 'lastPostAt'])
@Index(['lastPostAt', 'id'])
@ObjectType({ implements: Node })
export class DiscussionThread extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  @Field(() => ThreadSubjectType)
  subjectType: ThreadSubjectType;

  @Column({ type: 'uuid', comment: 'the project, group, meeting, forum category, … it belongs to' })
  subjectId: string;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'who started it; null once erased' })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  @Field(() => Date)
  lastPostAt: Date;

  @Column({
    type: 'int',
    default: 0,
    comment: 'number of the newest post (posts are numbered 1, 2, … per thread)',
  })
  lastPostNumber: number;

  @Column({ type: 'bigint', default: 0, comment: 'counts changes of the thread and its posts' })
  changeSeq: string;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  lockedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  lockReason: string | null;

  // Lists sort pinned threads first, then by last activity: an expression index in that order
  // (created by hand in the DiscussionPostSearchOrder migration) lets a page stop early.
  @Index('discussion_thread_list_order_idx', { synchronize: false })
  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  pinnedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * One post of a thread, in Markdown (`body`) with its sanitised HTML (`bodyHtml`, rendered once
 * when written). Deleted posts (by their author) and hidden posts (by a coordinator) stay as
 * rows so replies keep their context; their text is no longer shown.
 */
@Entity('discussion_post')
@Index(['threadId', 'number'], { unique: true })
@Index(['threadId', 'changeSeq'])
// The post search lists newest first: with this index a common word needs no sort of all matches.
@Index(['createdAt', 'id'])
@ObjectType({ implements: Node })
export class DiscussionPost extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => DiscussionThread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: DiscussionThread;

  @Column({ type: 'int', comment: '1, 2, … within the thread' })
  @Field(() => Int, { description: 'The position in the thread: 1, 2, …' })
  number: number;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'null once erased' })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  replyToPostId: string | null;

  @ManyToOne(() => DiscussionPost, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reply_to_post_id' })
  replyTo?: DiscussionPost;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  deletedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  hiddenAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  hiddenReason: string | null;

  @Column({ type: 'bigint', comment: "the thread's change number of the post's last change" })
  changeSeq: string;

  // German full-text search over the post's text; its GIN index is created by hand in the
  // Discussions migration (TypeORM cannot declare a GIN index).
  @Index('discussion_post_search_idx', { synchronize: false })
  @Column({
    type: 'tsvector',
    generatedType: 'STORED',
    asExpression: `to_tsvector('public.german_unaccent'::regconfig, body)`,
    select: false,
    insert: false,
    update: false,
  })
  searchVector: string;
}

/** An earlier version of a post, kept when its author edits it: the visible edit history. */
@Entity('discussion_post_revision')
@Index(['postId', 'replacedAt'])
@ObjectType({ implements: Node })
export class DiscussionPostRevision extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => DiscussionPost, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: DiscussionPost;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text' })
  bodyHtml: string;

  @Column({ type: 'timestamptz', comment: 'when this version was first written' })
  @Field(() => Date)
  writtenAt: Date;

  @CreateDateColumn({ type: 'timestamptz', comment: 'when the edit replaced it' })
  @Field(() => Date)
  replacedAt: Date;
}

/** What a post refers to: a mentioned person or municipality (all its officers), or a linked project. */
@Entity('discussion_post_reference')
@Index(['targetType', 'targetId'])
export class DiscussionPostReference {
  @PrimaryColumn({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => DiscussionPost, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: DiscussionPost;

  @PrimaryColumn({ type: 'varchar', length: 20, comment: "'USER', 'MUNICIPALITY' or 'PROJECT'" })
  targetType: string;

  @PrimaryColumn({ type: 'uuid' })
  targetId: string;
}

/** How far a person has read a thread: the number of the last post they saw. */
@Entity('discussion_read_state')
export class DiscussionReadState {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => DiscussionThread, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: DiscussionThread;

  @Column({ type: 'int', default: 0 })
  lastReadNumber: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
