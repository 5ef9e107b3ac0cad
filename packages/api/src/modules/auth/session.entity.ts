import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../users';

/** A server-side session; the cookie carries a random token whose SHA-256 is the id. */
@Entity('session')
export class Session {
  @PrimaryColumn({ type: 'varchar', length: 64, comment: 'sha256 of the cookie token' })
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt: Date;

  @Column({
    type: 'varchar',
    length: 60,
    nullable: true,
    comment: 'coarse client (browser and system family) for the person’s own overview and data export',
  })
  client: string | null;

  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}
