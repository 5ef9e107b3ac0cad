import type { DataSource } from 'typeorm';
import { DEFAULT_RETENTION, type RetentionSettings } from '../../config';
import { applyRetention } from './retention';

/**
 * Deletes what no longer serves anyone: ended sessions, old rate-limit windows, spent or expired
 * links, old mails and audit events (data minimisation). The rules live in the privacy module's
 * retention registry; the job queue runs it hourly (jobs/tasks.ts, once per cluster). Safe to run
 * from every API process at once.
 */
export async function purgeExpired(
  dataSource: DataSource,
  settings: RetentionSettings = DEFAULT_RETENTION,
  now: Date = new Date(),
): Promise<void> {
  await applyRetention(dataSource, settings, now);
}
