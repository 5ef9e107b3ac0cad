import { WorkingGroupMembershipStatus, WorkingGroupRole } from '@hub/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Node } from '../../graphql/relay';
import { User } from '../users';

registerEnumType(WorkingGroupRole, { name: 'WorkingGroupRole' });
registerEnumType(WorkingGroupMembershipStatus, { name: 'WorkingGroupMembershipStatus' });

/**
 * A working group (Arbeitsgruppe) of the network: set up by a coordinator, led by one or more
 * leads. Archived groups stay readable but accept no changes. Meetings, projects and discussions
 * link to a group from their own modules (they hold the `working_group_id`), not from here.
 */
@Entity('working_group')
@ObjectType({ implements: Node })
export class WorkingGroup extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 120 })
  @Field(() => String)
  name: string;

  @Column({ type: 'varchar', length: 120 })
  @Field(() => String)
  topic: string;

  @Column({ type: 'text', default: '' })
  @Field(() => String)
  description: string;

  @Column({ type: 'text', default: '' })
  @Field(() => String)
  goals: string;

  @Index()
  @Column({ type: 'timestamptz', nullable: true, comment: 'set when a coordinator archives it' })
  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'uuid', nullable: true, comment: 'the coordinator who set it up; null once erased' })
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

/**
 * A person's membership in a working group. A new row for each request, so that the history of
 * joining, leaving and rejoining stays; at most one current (REQUESTED or ACTIVE) row per person
 * and group, enforced by a partial unique index.
 */
@Entity('working_group_membership')
@Index('working_group_membership_current', ['workingGroupId', 'userId'], {
  unique: true,
  where: `status IN ('REQUESTED', 'ACTIVE')`,
})
@ObjectType({ implements: Node })
export class WorkingGroupMembership extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  workingGroupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup?: WorkingGroup;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({
    type: 'enum',
    enum: WorkingGroupRole,
    enumName: 'working_group_role',
    default: WorkingGroupRole.MEMBER,
  })
  @Field(() => WorkingGroupRole)
  role: WorkingGroupRole;

  @Column({ type: 'enum', enum: WorkingGroupMembershipStatus, enumName: 'working_group_membership_status' })
  @Field(() => WorkingGroupMembershipStatus)
  status: WorkingGroupMembershipStatus;

  @Column({
    type: 'timestamptz',
    nullable: true,
    comment: 'when the person asked to join; null when appointed directly',
  })
  @Field(() => Date, { nullable: true })
  requestedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true, comment: 'when it became ACTIVE' })
  @Field(() => Date, { nullable: true })
  joinedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true, comment: 'when it was LEFT, DECLINED or REMOVED' })
  @Field(() => Date, { nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 1000, nullable: true, comment: 'note sent with the request' })
  requestNote: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One change of a working-group membership (status or role), with who made it; append-only. */
@Entity('working_group_membership_event')
@Index(['workingGroupId', 'createdAt'])
@ObjectType({ implements: Node })
export class WorkingGroupMembershipEvent extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  membershipId: string;

  @ManyToOne(() => WorkingGroupMembership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: WorkingGroupMembership;

  @Column({ type: 'uuid', comment: 'copied from the membership, for the group history' })
  workingGroupId: string;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'working_group_id' })
  workingGroup?: WorkingGroup;

  // Own PostgreSQL types: TypeORM cannot share one enum type between tables.
  @Column({
    type: 'enum',
    enum: WorkingGroupMembershipStatus,
    enumName: 'working_group_membership_event_status',
    nullable: true,
  })
  @Field(() => WorkingGroupMembershipStatus, {
    nullable: true,
    description: 'Null for the event that created it.',
  })
  fromStatus: WorkingGroupMembershipStatus | null;

  @Column({
    type: 'enum',
    enum: WorkingGroupMembershipStatus,
    enumName: 'working_group_membership_event_status',
  })
  @Field(() => WorkingGroupMembershipStatus)
  toStatus: WorkingGroupMembershipStatus;

  @Column({
    type: 'enum',
    enum: WorkingGroupRole,
    enumName: 'working_group_membership_event_role',
    nullable: true,
  })
  @Field(() => WorkingGroupRole, { nullable: true, description: 'Null for the event that created it.' })
  fromRole: WorkingGroupRole | null;

  @Column({ type: 'enum', enum: WorkingGroupRole, enumName: 'working_group_membership_event_role' })
  @Field(() => WorkingGroupRole)
  toRole: WorkingGroupRole;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'null for the system, or once the person is erased' })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;
}
