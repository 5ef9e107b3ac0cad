import 'reflect-metadata';
import './profile';
import { loadConfig } from './config';
import { createDataSource } from './db/data-source';
import type { EmbeddedDatabase } from './db/embedded';
import { StartupError, startEmbeddedPostgres } from './db/embedded';
import { logger } from './logger';
import { createApp } from './server/app';
import { prepareDatabase } from './server/bootstrap';

async function main() {
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
    embedded = null;
  };
  try {
    if (!config.databaseUrl)
      embedded = await startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, logger);
    const url = config.databaseUrl ?? embedded!.url;
    const dataSource = createDataSource({
      url,
      limits: config.database,
      strictConnections: !config.production,
    });
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new StartupError(`Cannot connect to PostgreSQL: ${(error as Error).message}`);
    }
    // Migrations and the first data load may run longer than a request's statement may: they get
    // a connection of their own without the per-statement limit (0 turns it off).
    const setup = createDataSource({
      url,
      limits: { ...config.database, poolSize: 1, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
    });
    await setup.initialize();
    const { demoAccounts } = await prepareDatabase(setup, { demo: config.demo, log: logger }).finally(() =>
      setup.destroy(),
    );
    const app = await createApp({ config, dataSource, log: logger });
    await new Promise<void>((resolve, reject) => {
      app.server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new StartupError(`Port ${config.port} is taken: set PORT to a free port.`)
            : error,
        ),
      );
      app.server.listen(config.port, config.host, () => resolve());
    });
    app.mail.flushSoon();
    await app.startJobs();

    console.log(`\nDigitale Städte Rheinland-Pfalz hub: ${config.publicUrl}`);
    if (demoAccounts.length) {
      console.log('Demo accounts (demo data, marked as such):');
      for (const account of demoAccounts) {
        console.log(
          `  ${account.role.padEnd(12)} ${account.email.padEnd(34)} ${account.password}  ${account.name}${account.municipality ? ` (${account.municipality})` : ''}`,
        );
      }
    }
    console.log('');

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      const force = setTimeout(() => process.exit(1), 15_000);
      force.unref();
      await app.stop().catch((error) => logger.error({ err: error }, 'error while stopping the server'));
      await dataSource.destroy().catch(() => undefined);
      await stopEmbedded();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    await stopEmbedded();
    if (error instanceof StartupError) {
      console.error(`\nThe hub could not start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error) => {
  logger.fatal({ err: error }, 'startup failed');
  process.exit(1);
});
