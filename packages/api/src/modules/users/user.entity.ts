import { Locale, Role, UserStatus } from '@hub/shared';
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
import { Municipality } from '../municipalities';

registerEnumType(Role, { name: 'Role' });
registerEnumType(Locale, { name: 'Locale' });
registerEnumType(UserStatus, { name: 'UserStatus' });

/**
 * A person with access to the hub. Contact fields (email, phone) are resolved through the user
 * policy, so the ministry and the public never see them.
 */
@Entity('app_user')
@ObjectType({ implements: Node })
export class User extends Node {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254, comment: 'stored lower-cased' })
  email: string;

  /** Shown through `displayNameOf` (the GraphQL field `name`); a pseudonym once the person is erased. */
  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'varchar', length: 120, nullable: true })
  @Field(() => String, { nullable: true })
  position: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true, comment: 'for coordinators and ministry staff' })
  @Field(() => String, { nullable: true, description: 'Organisation of a coordinator or ministry member.' })
  organisation: string | null;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  @Field(() => Role)
  role: Role;

  @Index()
  @Column({ type: 'uuid', nullable: true, comment: 'the municipality an officer belongs to' })
  municipalityId: string | null;

  @ManyToOne(() => Municipality, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_id' })
  municipality?: Municipality;

  @Column({ type: 'enum', enum: Locale, enumName: 'user_locale', default: Locale.DE })
  @Field(() => Locale)
  locale: Locale;

  @Column({ type: 'enum', enum: UserStatus, enumName: 'user_status', default: UserStatus.INVITED })
  status: UserStatus;

  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ type: 'timestamptz', nullable: true, comment: 'the person asked to be erased (Art. 17 DSGVO)' })
  erasureRequestedAt: Date | null;

  @Column({
    type: 'timestamptz',
    nullable: true,
    comment: 'erased: the name is a pseudonym, contact data gone',
  })
  erasedAt: Date | null;

  @Column({ type: 'boolean', default: false, comment: 'created by the demo seed' })
  isDemo: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
