import { MembershipAnswerBy, MembershipStatus } from '@hub/shared';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Node } from '../../graphql/relay';
import { Municipality } from '../municipalities';
import { User } from '../users';

registerEnumType(MembershipStatus, { name: 'MembershipStatus' });
registerEnumType(MembershipAnswerBy, { name: 'MembershipAnswerBy' });

/** A municipality's membership in the network; at most one per municipality, kept after it ends. */
@Entity('network_membership')
@ObjectType({ implements: Node })
export class NetworkMembership extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  municipalityId: string;

  @OneToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Index()
  @Column({ type: 'enum', enum: MembershipStatus, enumName: 'membership_status' })
  @Field(() => MembershipStatus)
  status: MembershipStatus;

  @Column({
    type: 'timestamptz',
    nullable: true,
    comment: 'when it was (last) accepted; reactivation keeps it',
  })
  @Field(() => Date, {
    nullable: true,
    description: 'When the membership was (last) accepted; a suspension and reactivation keep this date.',
  })
  since: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One status change of a membership; append-only history. */
@Entity('membership_event')
@Index(['membershipId', 'createdAt'])
@ObjectType({ implements: Node })
export class MembershipEvent extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  membershipId: string;

  @ManyToOne(() => NetworkMembership, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'membership_id' })
  membership?: NetworkMembership;

  // Its own PostgreSQL type: TypeORM cannot share one enum type between tables.
  @Column({ type: 'enum', enum: MembershipStatus, enumName: 'membership_event_status', nullable: true })
  @Field(() => MembershipStatus, { nullable: true, description: 'Null for the event that created it.' })
  fromStatus: MembershipStatus | null;

  @Column({ type: 'enum', enum: MembershipStatus, enumName: 'membership_event_status' })
  @Field(() => MembershipStatus)
  toStatus: MembershipStatus;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'null for the system, or once the person is erased' })
  actorId: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'actor_id' })
  actor?: User;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  @Field(() => String, { nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  @Field(() => Date)
  createdAt: Date;
}
