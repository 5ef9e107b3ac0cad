import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from '../logger';
import { registerMeetingRoutes } from '../modules/meetings/meeting.routes';
import { registerOparlRoutes } from '../modules/oparl/oparl.routes';
import { registerProjectRoutes } from '../modules/projects/project.routes';

interface RouteDeps {
  dataSource: DataSource;
  log: Logger;
}

/** Plain HTTP routes beside GraphQL: health checks now, OParl and exports from later modules. */
export function registerHttpRoutes(app: Express, { dataSource, log }: RouteDeps): void {
  registerMeetingRoutes(app, { dataSource, log });
  registerOparlRoutes(app, { dataSource, log });
  registerProjectRoutes(app, { dataSource, log });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      const pending = await dataSource.showMigrations();
      if (pending) {
        res.status(503).json({ status: 'migrations pending' });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });
}
