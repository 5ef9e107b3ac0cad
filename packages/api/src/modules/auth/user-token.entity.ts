import { limits, TokenPurpose } from '@hub/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { User } from '../users';

/** A single-use, expiring token sent by e-mail (invitation, password reset, undoing an e-mail change). */
@Entity('user_token')
export class UserToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'enum', enum: TokenPurpose, enumName: 'token_purpose' })
  purpose: TokenPurpose;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, comment: 'sha256 of the token in the link' })
  tokenHash: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({
    type: 'varchar',
    length: limits.email.maxLength,
    nullable: true,
    comment: 'the login address an EMAIL_CHANGE_REVERT link restores',
  })
  previousEmail: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
