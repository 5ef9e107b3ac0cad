import type { DataSource, EntityManager } from 'typeorm';

export interface RateLimitState {
  count: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL (shared by every API process). Each call is one atomic
 * statement. Counting that must survive a rolled-back mutation runs on the data source before the
 * mutation's transaction opens; inside a transaction, pass its EntityManager instead, never the
 * data source (that would take a second pool connection while holding one).
 */
export class RateLimiter {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Adds `amount` to the key's counter and returns the new state. */
  async hit(key: string, windowSeconds: number, amount = 1): Promise<RateLimitState> {
    const rows: { count: number; retry: number }[] = await this.db.query(
      `INSERT INTO rate_limit_bucket (key, count, window_start) VALUES ($1, $3, now())
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN rate_limit_bucket.window_start < now() - make_interval(secs => $2)
                      THEN $3 ELSE rate_limit_bucket.count + $3 END,
         window_start = CASE WHEN rate_limit_bucket.window_start < now() - make_interval(secs => $2)
                      THEN now() ELSE rate_limit_bucket.window_start END
       RETURNING count,
         ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry`,
      [key, windowSeconds, amount],
    );
    return { count: rows[0].count, retryAfterSeconds: Math.max(1, rows[0].retry) };
  }

  /** Reads the counter without changing it. */
  async peek(key: string, windowSeconds: number): Promise<RateLimitState> {
    return this.hit(key, windowSeconds, 0);
  }

  /** Takes back one counted attempt (it turned out not to be a failure). */
  async forgive(key: string): Promise<void> {
    await this.db.query('UPDATE rate_limit_bucket SET count = greatest(count - 1, 0) WHERE key = $1', [key]);
  }

  async reset(key: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limit_bucket WHERE key = $1', [key]);
  }
}
