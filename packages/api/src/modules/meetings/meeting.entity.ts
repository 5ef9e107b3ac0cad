import { ActionItemStatus, InvitationResponse, MeetingKind, MinutesStatus, OutcomeKind } from '@hub/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  DeleteDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Node } from '../../graphql/relay';
import { Municipality } from '../municipalities';
import { Project } from '../projects';
import { User } from '../users';
import { WorkingGroup } from '../working-groups';

registerEnumType(MeetingKind, { name: 'MeetingKind' });
registerEnumType(InvitationResponse, { name: 'InvitationResponse' });
registerEnumType(MinutesStatus, { name: 'MinutesStatus' });
registerEnumType(OutcomeKind, { name: 'OutcomeKind' });
registerEnumType(ActionItemStatus, { name: 'ActionItemStatus' });

/**
 * A meeting (Sitzung) of the network, a working group or the steering committee. Times are stored
 * in UTC and shown in Europe/Berlin. `sequence` counts the changes calendar clients must pick up
 * (RFC 5545 SEQUENCE); `deletedAt` keeps removed meetings for OParl's `deleted: true`.
 */
@Entity('meeting')
@Check('meeting_ends_after_start', '"ends_at" > "starts_at"')
@Index(['kind', 'workingGroupId', 'startsAt'])
@ObjectType({ implements: Node })
export class Meeting extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: MeetingKind, enumName: 'meeting_kind' })
  @Field(() => MeetingKind)
  kind: MeetingKind;

  @Column({ type: 'uuid', nullable: true, comment: 'the group of a WORKING_GROUP meeting' })
  workingGroupId: string | null;

  @ManyToOne(() => WorkingGroup, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup?: WorkingGroup;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Column({ type: 'text', default: '' })
  @Field(() => String)
  description: string;

  @Index()
  @Column({ type: 'timestamptz' })
  @Field(() => Date)
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  @Field(() => Date)
  endsAt: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  onlineUrl: string | null;

  @Column({ type: 'boolean', default: false })
  @Field(() => Boolean)
  cancelled: boolean;

  @Column({
    type: 'integer',
    default: 0,
    comment: 'RFC 5545 SEQUENCE: bumped by every change attendees must see',
  })
  sequence: number;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'null once the person is erased' })
  organizerId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organizer_id' })
  organizer?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

/** One point of a meeting's agenda, in `position` order. */
@Entity('agenda_item')
@Index(['meetingId', 'position'])
@ObjectType({ implements: Node })
export class AgendaItem extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'integer' })
  @Field(() => Int, { description: '1-based order on the agenda.' })
  position: number;

  @Column({ type: 'varchar', length: 200 })
  @Field(() => String)
  title: string;

  @Column({ type: 'text', default: '' })
  @Field(() => String)
  description: string;

  @Column({ type: 'uuid', nullable: true })
  presenterId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'presenter_id' })
  presenter?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  @ManyToOne(() => Project, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'integer', nullable: true })
  @Field(() => Int, { nullable: true, description: 'Planned duration in minutes.' })
  plannedMinutes: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  updatedAt: Date;

  @DeleteDateColumn({ type: 'timestamptz' })
  deletedAt: Date | null;
}

/**
 * A person invited to a meeting, their answer and (after the meeting) whether they attended. The
 * municipality is copied at invitation time, so participation per municipality stays true later.
 */
@Entity('meeting_invitation')
@Unique(['meetingId', 'userId'])
@ObjectType({ implements: Node })
export class MeetingInvitation extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Column({
    type: 'enum',
    enum: InvitationResponse,
    enumName: 'invitation_response',
    default: InvitationResponse.PENDING,
  })
  @Field(() => InvitationResponse)
  response: InvitationResponse;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Column({ type: 'boolean', nullable: true, comment: 'recorded by the organiser after the meeting' })
  @Field(() => Boolean, { nullable: true, description: 'Null until the organiser records attendance.' })
  attended: boolean | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** Notes on one agenda item in the minutes. */
@ObjectType()
export class AgendaItemNotes {
  agendaItemId: string;

  @Field(() => String)
  notes: string;
}

/**
 * The minutes (Protokoll) of a meeting and their workflow. Once published they are frozen in a
 * MinutesRevision; a correction starts a new draft with the next revision number.
 */
@Entity('meeting_minutes')
@ObjectType({ implements: Node })
export class MeetingMinutes extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'enum', enum: MinutesStatus, enumName: 'minutes_status', default: MinutesStatus.DRAFT })
  @Field(() => MinutesStatus)
  status: MinutesStatus;

  @Column({ type: 'integer', default: 1, comment: 'the revision being worked on or last published' })
  @Field(() => Int)
  revision: number;

  @Column({ type: 'text', default: '' })
  @Field(() => String, { description: 'Markdown; rendered and sanitised in `html`.' })
  body: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  itemNotes: AgendaItemNotes[];

  @Column({ type: 'uuid', nullable: true })
  draftedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'drafted_by_id' })
  draftedBy?: User;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approved_by_id' })
  approvedBy?: User;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  approvedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  updatedAt: Date;
}

/**
 * An outcome as it stood when a revision of the minutes was published: outcomes are live rows
 * (action items move on), so the revision keeps its own copy. People and municipalities stay ids,
 * resolved when read, so an erased person disappears from old revisions too.
 */
@ObjectType()
export class OutcomeSnapshot {
  outcomeId: string;
  agendaItemId: string;

  @Field(() => String, { description: 'Title of the agenda item at publication.' })
  agendaItemTitle: string;

  @Field(() => Int)
  agendaItemPosition: number;

  @Field(() => OutcomeKind)
  kind: OutcomeKind;

  @Field(() => String)
  title: string;

  @Field(() => String)
  description: string;

  ownerUserId: string | null;
  ownerMunicipalityId: string | null;

  @Field(() => String, { nullable: true, description: 'Due date (YYYY-MM-DD) of an action item.' })
  dueDate: string | null;

  @Field(() => ActionItemStatus, { nullable: true, description: 'Status at publication.' })
  status: ActionItemStatus | null;

  projectIds: string[];
}

/** A published version of the minutes; never changed afterwards. */
@Entity('meeting_minutes_revision')
@Unique(['minutesId', 'revision'])
@ObjectType({ implements: Node })
export class MinutesRevision extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  minutesId: string;

  @ManyToOne(() => MeetingMinutes, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'minutes_id' })
  minutes?: MeetingMinutes;

  @Index()
  @Column({ type: 'uuid' })
  meetingId: string;

  @Column({ type: 'integer' })
  @Field(() => Int)
  revision: number;

  @Column({ type: 'text' })
  @Field(() => String)
  body: string;

  @Column({ type: 'jsonb' })
  itemNotes: AgendaItemNotes[];

  @Column({ type: 'jsonb', default: () => "'[]'", comment: 'the outcomes as published (OutcomeSnapshot)' })
  outcomes: OutcomeSnapshot[];

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ type: 'uuid', nullable: true })
  publishedById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_by_id' })
  publishedBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  publishedAt: Date;
}

/**
 * An outcome of an agenda item: a decision, a piece of information or an action item. Action items
 * have an owner (a person, a municipality or both), a due date and a status, and carry over to the
 * next meeting of the same group (or kind) until done or dropped.
 */
@Entity('meeting_outcome')
@Check(
  'meeting_outcome_action_owner',
  `"kind" <> 'ACTION_ITEM' OR "owner_user_id" IS NOT NULL OR "owner_municipality_id" IS NOT NULL`,
)
@Index(['kind', 'status'])
@ObjectType({ implements: Node })
export class Outcome extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  meetingId: string;

  @ManyToOne(() => Meeting, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'meeting_id' })
  meeting?: Meeting;

  @Column({ type: 'uuid' })
  agendaItemId: string;

  @ManyToOne(() => AgendaItem, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItem;

  @Column({ type: 'enum', enum: OutcomeKind, enumName: 'outcome_kind' })
  @Field(() => OutcomeKind)
  kind: OutcomeKind;

  @Column({ type: 'varchar', length: 300 })
  @Field(() => String)
  title: string;

  @Column({ type: 'text', default: '' })
  @Field(() => String)
  description: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_user_id' })
  ownerUser?: User;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerMunicipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_municipality_id' })
  ownerMunicipality?: Municipality;

  @Column({ type: 'date', nullable: true, comment: 'Berlin calendar date' })
  @Field(() => String, { nullable: true, description: 'Due date (YYYY-MM-DD) of an action item.' })
  dueDate: string | null;

  @Column({ type: 'enum', enum: ActionItemStatus, enumName: 'action_item_status', nullable: true })
  @Field(() => ActionItemStatus, { nullable: true, description: 'Only for action items.' })
  status: ActionItemStatus | null;

  @Column({ type: 'uuid', array: true, default: () => "'{}'", comment: 'projects of modules/projects' })
  projectIds: string[];

  @Column({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  completedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  updatedAt: Date;
}

/** A person's secret calendar subscription URL; revoking sets `revokedAt`. */
@Entity('calendar_feed')
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, comment: 'sha256 of the secret token' })
  tokenHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
