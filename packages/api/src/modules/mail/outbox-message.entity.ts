import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every e-mail is written here inside the transaction that causes it, then delivered through SMTP
 * when configured (transactional outbox); without SMTP the outbox is where it stays.
 */
@Entity('outbox_message')
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 254 })
  recipient: string;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', nullable: true, comment: 'HTML alternative of the body (digests)' })
  html: string | null;

  @Column({ type: 'jsonb', nullable: true, comment: 'extra headers, e.g. List-Unsubscribe' })
  headers: Record<string, string> | null;

  @Column({ type: 'varchar', length: 60, comment: 'e.g. INVITATION, PASSWORD_RESET' })
  kind: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;
}
