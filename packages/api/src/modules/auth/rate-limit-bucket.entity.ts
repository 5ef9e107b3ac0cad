import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A fixed-window counter kept in PostgreSQL so that every API process shares it. */
@Entity('rate_limit_bucket')
export class RateLimitBucket {
  @PrimaryColumn({ type: 'varchar', length: 300 })
  key: string;

  @Column({ type: 'integer' })
  count: number;

  @Column({ type: 'timestamptz' })
  windowStart: Date;
}
