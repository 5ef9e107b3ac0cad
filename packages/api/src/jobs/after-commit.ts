import { AsyncResource } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import type { JobSpec } from './queue';
import { addJob } from './queue';

/**
 * Jobs queued after each committed mutation, outside the request (e.g. "take the new domain
 * events"): keyed, so a burst of commits makes one waiting job. Lost only if the process dies
 * right after a commit; the crontab runs the same jobs every minute as a backstop.
 */
export class AfterCommitJobs {
  private running: Promise<void> | null = null;
  private again = false;
  // Created outside any request: the jobs' statements stay out of the request's statement count.
  private readonly detached = new AsyncResource('AfterCommitJobs');

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: { task: string; spec: JobSpec }[],
    private readonly log: Logger,
  ) {}

  /** Queues the jobs unless that is under way (then once more after it). */
  queueSoon(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.detached
      .runInAsyncScope(async () => {
        for (const job of this.jobs) await addJob(this.dataSource.manager, job.task, {}, job.spec);
      })
      .catch((error) => this.log.warn({ err: error }, 'queueing after-commit jobs failed'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.queueSoon();
        }
      });
  }

  /** Waits for queueing under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}
