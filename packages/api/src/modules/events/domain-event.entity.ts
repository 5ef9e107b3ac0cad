import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The outbox of everything that happened: written in the same transaction as the change it
 * describes, so an event exists exactly when its change was committed. Consumers read it in `id`
 * order through `takeDomainEvents`.
 */
@Entity('domain_event')
@Index(['subjectType', 'subjectId'])
export class DomainEvent {
  /** Increasing, so consumers can read in the order the events were written. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 80, comment: "what happened, e.g. 'project.publish'" })
  type: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true, comment: 'null for the system and anonymous actions' })
  actorId: string | null;

  @Column({ type: 'varchar', length: 60 })
  subjectType: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb', comment: 'an empty object when the event carries nothing' })
  payload: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}

/**
 * The processed marker: one row per consumer and event it has taken. A unique key, so two
 * processes of the same consumer can never both take an event.
 */
@Entity('domain_event_consumption')
export class DomainEventConsumption {
  @PrimaryColumn({ type: 'varchar', length: 60 })
  consumer: string;

  @PrimaryColumn({ type: 'bigint' })
  eventId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  processedAt: Date;
}
