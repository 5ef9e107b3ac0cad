import type { CronItem, Runner, TaskList } from 'graphile-worker';
import { parseCronItems, run, runMigrations, Logger as WorkerLogger } from 'graphile-worker';
import { Pool } from 'pg';
import { connectionsClosed } from '../db/pool-closed';
import type { Logger } from '../logger';

/** graphile-worker's log lines, in the API's JSON log. */
function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    if (level === 'error') log.error(fields, message);
    else if (level === 'warning') log.warn(fields, message);
    // Every job's start and end is info to graphile-worker: debug here, or they drown the log.
    else log.debug(fields, message);
  });
}

/**
 * Creates (or brings up to date) graphile-worker's schema, so that `add_job` exists before the
 * first mutation runs; part of preparing the database, like the migrations.
 */
export async function installJobQueue(connectionString: string, log: Logger): Promise<void> {
  await runMigrations({ connectionString, logger: workerLogger(log) });
}

export interface JobRunnerOptions {
  connectionString: string;
  tasks: TaskList;
  crontab: CronItem[];
  log: Logger;
  /** Jobs run at once in this process (default 2: the machine is small, the work is I/O). */
  concurrency?: number;
  /** How often an idle runner looks for jobs besides being woken by LISTEN/NOTIFY (ms). */
  pollInterval?: number;
}

export interface JobRunner {
  /** Lets the running jobs finish, then stops. */
  stop(): Promise<void>;
}

/**
 * Starts graphile-worker in this API process: it runs queued jobs and schedules the crontab.
 * Every process runs one; jobs are claimed with `FOR UPDATE SKIP LOCKED` and cron ticks are
 * recorded in `known_crontabs`, so each job runs once however many processes there are.
 */
export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const concurrency = options.concurrency ?? 2;
  const pool = new Pool({
    connectionString: options.connectionString,
    // The jobs, the cron scheduler and the LISTEN connection.
    max: concurrency + 2,
    application_name: 'hub-jobs',
  });
  pool.on('error', (error) => options.log.warn({ err: error }, 'job queue connection failed'));
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency,
      noHandleSignals: true,
      pollInterval: options.pollInterval ?? 2000,
      taskList: options.tasks,
      parsedCronItems: parseCronItems(options.crontab),
      logger: workerLogger(options.log),
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    async stop() {
      await runner.stop();
      const closed = connectionsClosed(pool);
      await pool.end();
      await closed;
    },
  };
}
