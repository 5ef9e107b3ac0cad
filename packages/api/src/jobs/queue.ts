import type { EntityManager } from 'typeorm';

/** Options of one job, as graphile-worker's `add_job` takes them. */
export interface JobSpec {
  /** Jobs with the same key are one job: adding it again while it waits replaces the waiting one. */
  jobKey?: string;
  /** `preserve_run_at` keeps the waiting job's time (a debounce that does not postpone forever). */
  jobKeyMode?: 'replace' | 'preserve_run_at';
  runAt?: Date;
  maxAttempts?: number;
  /** Jobs of one queue run one after another (e.g. a consumer that must see events in order). */
  queueName?: string;
}

/**
 * Queues a job in the caller's transaction (graphile-worker's `add_job` SQL function): the job
 * exists exactly when the transaction commits, so work caused by a change is never lost or run
 * for a change that was rolled back.
 */
export async function addJob(
  manager: EntityManager,
  task: string,
  payload: Record<string, unknown> = {},
  spec: JobSpec = {},
): Promise<void> {
  await manager.query(
    `SELECT graphile_worker.add_job($1::text, $2::json, queue_name => $3::text, run_at => $4::timestamptz,
       max_attempts => $5::int, job_key => $6::text, job_key_mode => COALESCE($7::text, 'replace'))`,
    [
      task,
      JSON.stringify(payload),
      spec.queueName ?? null,
      spec.runAt ?? null,
      spec.maxAttempts ?? null,
      spec.jobKey ?? null,
      spec.jobKeyMode ?? null,
    ],
  );
}
