import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { ReadReplica } from '../db/read-replica';
import type { Logger } from '../logger';
import { registerInitiativeRoutes } from '../modules/initiatives/initiative.routes';
import { registerMeetingRoutes } from '../modules/meetings/meeting.routes';
import { registerNotificationRoutes } from '../modules/notifications/notification.routes';
import { registerOparlRoutes } from '../modules/oparl/oparl.routes';
import { registerProjectRoutes } from '../modules/projects/project.routes';
import { registerReportRoutes } from '../modules/reports/report.routes';

interface RouteDeps {
  dataSource: DataSource;
  log: Logger;
  /** /readyz gives up on the database after this long. */
  readinessTimeoutMs: number;
  /** The read replica, reported by /readyz; the hub is ready without it (reads go to the primary). */
  replica?: ReadReplica | null;
}

class ReadinessTimeout extends Error {}

/** Rejects when `work` takes longer than `ms` (the work itself is left to finish or time out). */
function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ReadinessTimeout(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Plain HTTP routes beside GraphQL: health checks now, OParl and exports from later modules. */
export function registerHttpRoutes(
  app: Express,
  { dataSource, log, readinessTimeoutMs, replica }: RouteDeps,
): void {
  registerMeetingRoutes(app, { dataSource, log });
  registerOparlRoutes(app, { dataSource, log });
  registerProjectRoutes(app, { dataSource, log });
  registerNotificationRoutes(app, { dataSource, log });
  registerReportRoutes(app, { dataSource, log });
  registerInitiativeRoutes(app, { dataSource, log });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // Ready means the database answers now: with every pool connection taken, or PostgreSQL gone,
  // this says so within readinessTimeoutMs instead of waiting in the pool's queue.
  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await within(dataSource.showMigrations(), readinessTimeoutMs);
      if (pending) {
        res.status(503).json({ status: 'migrations pending' });
        return;
      }
      res.json({ status: 'ready', ...(replica ? { replica: replica.status() } : {}) });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      const status =
        error instanceof ReadinessTimeout ? 'database busy or unreachable' : 'database unreachable';
      res.status(503).json({ status });
    }
  });
}
