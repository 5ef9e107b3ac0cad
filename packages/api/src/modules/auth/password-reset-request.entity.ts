import { limits } from '@hub/shared';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A password reset asked for by address. The request only stores this row, for known and unknown
 * addresses alike; looking up the account and mailing the link happen afterwards, off the request
 * path, so that the answer's timing does not tell whether an account exists.
 */
@Entity('password_reset_request')
export class PasswordResetRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: limits.email.maxLength })
  email: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
