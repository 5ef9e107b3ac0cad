import {
  EmailFrequency,
  FollowState,
  FollowSubjectType,
  NotificationKind,
  NotificationType,
} from '@hub/shared';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Node, toGlobalId } from '../../graphql/relay';

/** The node type (for global IDs) of each kind of subject a notification is about. */
export const SUBJECT_NODE_TYPE: Record<string, string> = {
  PROJECT: 'Project',
  WORKING_GROUP: 'WorkingGroup',
  MUNICIPALITY: 'Municipality',
  MEETING: 'Meeting',
  THREAD: 'DiscussionThread',
  REPORT: 'ProgressReport',
  INITIATIVE: 'Initiative',
  ROUND: 'PrioritisationRound',
};

registerEnumType(NotificationKind, { name: 'NotificationKind' });
registerEnumType(NotificationType, { name: 'NotificationType' });
registerEnumType(EmailFrequency, { name: 'EmailFrequency' });
registerEnumType(FollowState, { name: 'FollowState' });
registerEnumType(FollowSubjectType, { name: 'FollowSubjectType' });

/**
 * One thing a person is told about: written by the domain-event consumer, shown in the inbox,
 * and e-mailed at once or in a digest as the person chose for its type when it was written.
 */
@Entity('notification')
@ObjectType({ implements: Node })
// The inbox (newest first) and the unread count read only their own person's rows.
@Index('IDX_notification_inbox', ['recipientId', 'createdAt', 'id'])
@Index('IDX_notification_unread', ['recipientId'], { where: 'read_at IS NULL' })
@Index('IDX_notification_email_due', ['emailDue', 'recipientId'], {
  where: 'emailed_at IS NULL AND email_due IS NOT NULL',
})
// Reminders and other per-day notices are written once per person however often the job runs.
@Index('IDX_notification_once', ['recipientId', 'onceKey'], { unique: true, where: 'once_key IS NOT NULL' })
export class Notification extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  recipientId: string;

  @Column({ type: 'varchar', length: 40 })
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 40 })
  @Field(() => NotificationType, { description: 'The type the person chooses e-mail delivery for.' })
  type: NotificationType;

  @Column({
    type: 'varchar',
    length: 20,
    comment: 'PROJECT, WORKING_GROUP, MUNICIPALITY, MEETING, THREAD, REPORT',
  })
  subjectType: string;

  @Column({ type: 'uuid' })
  subjectId: string;

  @Field(() => ID, {
    description: 'The global ID of what it is about: entries with the same one belong together.',
  })
  subjectKey(): string {
    return toGlobalId(SUBJECT_NODE_TYPE[this.subjectType], this.subjectId);
  }

  @Column({ type: 'varchar', length: 300 })
  @Field(() => String, { description: 'The title of the subject when this was written.' })
  subjectTitle: string;

  @Column({ type: 'uuid', nullable: true, comment: 'null for the system' })
  actorId: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true, comment: 'name (municipality) when written' })
  @Field(() => String, { nullable: true, description: 'Who caused it, with their municipality.' })
  actorName: string | null;

  @Column({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'The text itself where there is one (the post, the status update, the outcome), plain.',
  })
  excerpt: string | null;

  @Column({ type: 'varchar', length: 300 })
  @Field(() => String, { description: "Path of the subject's page in the web app, e.g. /projekte/…" })
  link: string;

  @Column({ type: 'bigint', nullable: true, comment: 'the domain event it was written for' })
  eventId: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  onceKey: string | null;

  // Milliseconds, like the inbox's cursors: no two rows differ by less than a cursor can say.
  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  @Field(() => Date)
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Column({
    type: 'varchar',
    length: 20,
    nullable: true,
    comment: 'IMMEDIATELY, DAILY or WEEKLY; null: no e-mail',
  })
  emailDue: EmailFrequency | null;

  @Column({
    type: 'timestamptz',
    nullable: true,
    comment: 'when it went out by e-mail (alone or in a digest)',
  })
  emailedAt: Date | null;
}

/** A person's explicit relation to a subject; without a row, participants follow automatically. */
@Entity('follow')
export class Follow {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  subjectType: FollowSubjectType;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  subjectId: string;

  @Column({ type: 'varchar', length: 20 })
  state: FollowState;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A person's e-mail choice for one notification type; without a row the default applies. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  type: NotificationType;

  @Column({ type: 'varchar', length: 20 })
  email: EmailFrequency;
}

/**
 * Titles and subjects of discussion threads, kept from their `discussion.threadCreate` events
 * (the notifications' own read model: posts carry only the thread's ID).
 */
@Entity('notification_thread')
export class NotificationThread {
  @PrimaryColumn({ type: 'uuid' })
  threadId: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 20 })
  subjectType: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;
}

/** The secret that signs one-click unsubscribe links: made once, shared by every API process. */
@Entity('notification_signing_key')
export class NotificationSigningKey {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'varchar', length: 128 })
  secret: string;
}

/**
 * A person's notification counts, kept with every write and every "read": the bell and the
 * inbox's total answer from one row instead of counting a year of notifications.
 */
@Entity('notification_counter')
export class NotificationCounter {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'integer', default: 0 })
  total: number;

  @Column({ type: 'integer', default: 0 })
  unread: number;
}
