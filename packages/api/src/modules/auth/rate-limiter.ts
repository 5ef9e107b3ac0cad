import type { DataSource } from 'typeorm';

export interface RateLimitState {
  count: number;
  /** Seconds until the window resets. */
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL (shared by every API process). Each call is one atomic
 * statement outside any mutation transaction, so a rolled-back mutation still counts.
 */
export class RateLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds `amount` to the key's counter and returns the new state. */
  async hit(key: string, windowSeconds: number, amount = 1): Promise<RateLimitState> {
    const rows: { count: number; retry: number }[] = await this.dataSource.query(
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

  async reset(key: string): Promise<void> {
    await this.dataSource.query('DELETE FROM rate_limit_bucket WHERE key = $1', [key]);
  }
}
