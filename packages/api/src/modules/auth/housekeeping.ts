import { limits } from '@hub/shared';
import type { DataSource } from 'typeorm';

/**
 * Deletes what no longer serves anyone: ended sessions, old rate-limit windows and spent or
 * expired links (data minimisation). Safe to run from every API process at once.
 */
export async function purgeExpired(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `DELETE FROM session WHERE expires_at < now() OR last_seen_at < now() - make_interval(hours => $1)`,
    [limits.sessionIdleHours],
  );
  await dataSource.query(`DELETE FROM rate_limit_bucket WHERE window_start < now() - interval '1 day'`);
  // Normally gone within a second; left over only if composing the mail kept failing.
  await dataSource.query(`DELETE FROM password_reset_request WHERE created_at < now() - interval '1 day'`);
  await dataSource.query(
    `DELETE FROM user_token WHERE (used_at IS NOT NULL OR expires_at < now()) AND created_at < now() - interval '30 days'`,
  );
}
