import 'reflect-metadata';
import './profile';
import cluster from 'node:cluster';
import { type Config, loadConfig } from './config';
import type { EmbeddedDatabase } from './db/embedded';
import { StartupError, startEmbeddedPostgres } from './db/embedded';
import { preloadDeferredModules } from './deferred-module';
import { logger } from './logger';
import type { prepareDatabase } from './server/bootstrap';

/**
 * The modules the API runs on (TypeORM, every entity, resolver and service): 1–2 s of loading. They
 * are loaded only once the embedded PostgreSQL's own processes run (initdb on a first start, the
 * server on every start), so that the two take their time side by side instead of one after the
 * other; with DATABASE_URL at once.
 */
async function loadModules() {
  const [{ createDataSource }, { prepareDatabase }, { createApp }] = await Promise.all([
    import('./db/data-source.js'),
    import('./server/bootstrap.js'),
    import('./server/app.js'),
  ]);
  return { createDataSource, prepareDatabase, createApp };
}

/**
 * Starts the embedded PostgreSQL (unless DATABASE_URL names a server) and loads the API's modules
 * while it starts. A failed start is reported as such, whatever the modules do meanwhile.
 */
async function startDatabaseAndLoad(config: Config) {
  if (config.databaseUrl) return { embedded: null, url: config.databaseUrl, modules: await loadModules() };
  let launched: () => void = () => undefined;
  const launch = new Promise<void>((resolve) => {
    launched = resolve;
  });
  const starting = startEmbeddedPostgres(config.dataDir, config.embeddedPostgresPort, logger, {}, () =>
    launched(),
  );
  // Either it launched, or it ended (a failure is thrown below, where it is awaited).
  await Promise.race([
    launch,
    starting.then(
      () => undefined,
      () => undefined,
    ),
  ]);
  const modules = await loadModules().catch(async (error) => {
    await starting.then((embedded) => embedded.stop()).catch(() => undefined);
    throw error;
  });
  const embedded = await starting;
  return { embedded, url: embedded.url, modules };
}

/** API_PROCESSES: how many API processes serve the port (default 1: this process alone). */
function apiProcesses(value: string | undefined): number {
  const parsed = Number(value || 1);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 64) {
    console.error(`API_PROCESSES must be a whole number from 1 to 64, got "${value}"`);
    process.exit(1);
  }
  return parsed;
}

/** The read replica's settings, when DATABASE_REPLICA_URL is set. */
function replicaOf(config: Config) {
  return config.databaseReplicaUrl
    ? { url: config.databaseReplicaUrl, maxLagSeconds: config.replicaMaxLagSeconds, log: logger }
    : undefined;
}

/** How long after its port opened the API loads the modules its start left out (deferred-module.ts). */
const PRELOAD_DELAY_MS = 5_000;

/** Set by the primary for its worker processes: migrations and demo data are done. */
const PREPARED = 'HUB_DATABASE_PREPARED';

/** Set by `pnpm start` (scripts/start.mjs) when it starts the API while the web app still builds. */
const WEB_BUILD = 'HUB_WEB_BUILD';

/**
 * A fresh clone's first `pnpm start` prepares the database while the web app builds: the API opens
 * its port (which serves the web app's files) once start.mjs reports the build done, over the IPC
 * channel it started the API with, and gives up if the build failed. The report is listened for
 * from the start (a message without a listener is lost), and awaited before the port opens.
 */
function listenForWebBuild(): { pending: boolean; finished: Promise<void> } {
  const state = { pending: false, finished: Promise.resolve() };
  if (process.env[WEB_BUILD] !== 'pending' || !process.send) return state;
  state.pending = true;
  state.finished = new Promise<void>((resolve, reject) => {
    const settle = (failure?: StartupError) => {
      state.pending = false;
      process.off('message', onMessage);
      process.off('disconnect', onDisconnect);
      // Worker processes (API_PROCESSES > 1) inherit the environment: they find the build done.
      delete process.env[WEB_BUILD];
      if (failure) reject(failure);
      else resolve();
    };
    const onMessage = (message: { webBuild?: string }) => {
      if (message?.webBuild === 'done') settle();
      else if (message?.webBuild === 'failed')
        settle(new StartupError('the web app did not build (see above).'));
    };
    const onDisconnect = () => settle(new StartupError('pnpm start ended while the web app was building.'));
    process.on('message', onMessage);
    process.on('disconnect', onDisconnect);
  });
  // Awaited only once the database is ready; a failure before that is reported where it is awaited.
  state.finished.catch(() => undefined);
  return state;
}

const webBuild = listenForWebBuild();

/** Resolves once the web app is built (at once when it was before the API started). */
function webBuildFinished(): Promise<void> {
  if (webBuild.pending) logger.info('database prepared; the port opens when the web app is built');
  return webBuild.finished;
}

/**
 * Stops the hub on SIGINT, SIGTERM and SIGHUP (the terminal `pnpm start` ran in was closed), from
 * the process's first moment: a signal during the start stops what has started so far as cleanly as
 * one later. (A signal between the port opening and the handlers being set used to kill the process
 * outright, and its PostgreSQL outlived it until the watchdog stopped it.) The steps run in the
 * reverse order of `onStop`; then the process exits with 0, or with 1 after 15 s.
 */
function stopOnSignals(): { onStop(step: () => Promise<unknown>): void; readonly stopping: boolean } {
  const steps: (() => Promise<unknown>)[] = [];
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    for (const step of steps.reverse())
      await step().catch((error) => logger.error({ err: error }, 'error while stopping'));
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  return {
    onStop: (step) => steps.push(step),
    get stopping() {
      return stopping;
    },
  };
}

/**
 * Tells `pnpm start`, over the IPC channel it started the API with, that the hub is up: start.mjs
 * builds the API's bundle only then, so that the build does not compete with the start for the CPU.
 */
function announceUp(): void {
  if (process.send && process.connected) process.send({ hub: 'up' });
}

function printWelcome(publicUrl: string, demoAccounts: DemoAccountLine[]): void {
  console.log(`\nDigitale Städte Rheinland-Pfalz hub: ${publicUrl}`);
  if (demoAccounts.length) {
    console.log('Demo accounts (demo data, marked as such):');
    for (const account of demoAccounts) {
      console.log(
        `  ${account.role.padEnd(12)} ${account.email.padEnd(34)} ${account.password}  ${account.name}${account.municipality ? ` (${account.municipality})` : ''}`,
      );
    }
  }
  console.log('');
}

type DemoAccountLine = Awaited<ReturnType<typeof prepareDatabase>>['demoAccounts'][number];

/**
 * Prepares the database (prepareDatabase) on connections of its own: migrations and the first data
 * load may run longer than a request's statement may (0 turns the limit off); two, because the
 * search vocabulary loads beside the directory and the demo network. On a new database the
 * vocabulary is left for `afterStart`, which the start calls once its port is open (so that its
 * seconds of PostgreSQL work do not hold up the start); it settles (never fails) once the
 * vocabulary is in and the connections are closed: a stop waits for it after the requests are
 * done. A vocabulary that failed to load is logged, and the next start loads it before it opens
 * the port.
 */
async function prepare(
  modules: Awaited<ReturnType<typeof loadModules>>,
  url: string,
  config: Config,
): Promise<{ demoAccounts: DemoAccountLine[]; afterStart: () => Promise<void> }> {
  const setup = modules.createDataSource({
    url,
    limits: { ...config.database, poolSize: 2, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
  });
  await setup.initialize();
  const prepared = await modules
    .prepareDatabase(setup, { demo: config.demo, log: logger, vocabularyAfterStart: true })
    .catch(async (error) => {
      await setup.destroy();
      throw error;
    });
  return {
    demoAccounts: prepared.demoAccounts,
    afterStart: () =>
      prepared
        .loadVocabulary()
        .catch((error) =>
          logger.error({ err: error }, 'the search vocabulary did not load; the next start loads it'),
        )
        .then(() => setup.destroy())
        .catch(() => undefined),
  };
}

/**
 * API_PROCESSES > 1: this (primary) process starts the embedded PostgreSQL if needed, migrates and
 * seeds once, then forks the API processes, which share the port (Node's cluster hands out the
 * connections) and keep all their state in PostgreSQL. A process that dies is replaced; on
 * SIGINT/SIGTERM the workers finish their requests before PostgreSQL stops.
 */
async function primary(processes: number): Promise<void> {
  const config = loadConfig();
  const shutdown = stopOnSignals();
  let embedded: EmbeddedDatabase | null = null;
  try {
    const started = await startDatabaseAndLoad(config);
    const url = started.url;
    embedded = started.embedded;
    if (embedded) shutdown.onStop(() => embedded!.stop());
    const { demoAccounts, afterStart } = await prepare(started.modules, url, config);
    // Registered before the API processes' stop, so a stop waits for it after they are stopped.
    let vocabulary: Promise<void> = Promise.resolve();
    shutdown.onStop(() => vocabulary);
    await webBuildFinished();
    const fork = () => cluster.fork({ DATABASE_URL: url, [PREPARED]: '1' });
    cluster.on('exit', (worker, code, signal) => {
      if (shutdown.stopping) return;
      logger.error({ pid: worker.process.pid, code, signal }, 'an API process ended; starting another');
      fork();
    });
    let listening = 0;
    cluster.on('listening', () => {
      listening++;
      if (listening === processes) {
        logger.info({ processes }, 'API processes listening');
        printWelcome(config.publicUrl, demoAccounts);
        announceUp();
        vocabulary = afterStart();
      }
    });
    // The API processes finish their requests before PostgreSQL stops.
    shutdown.onStop(() =>
      Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (!worker || worker.isDead()) return resolve();
              worker.once('exit', () => resolve());
              worker.process.kill('SIGTERM');
            }),
        ),
      ),
    );
    for (let i = 0; i < processes; i++) fork();
  } catch (error) {
    // A stop during the start cut the connections the start was using; the stop finishes it.
    if (shutdown.stopping) return;
    if (embedded) await embedded.stop().catch(() => undefined);
    if (error instanceof StartupError) {
      console.error(`\nThe hub could not start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const config = loadConfig();
  const shutdown = stopOnSignals();
  let embedded: EmbeddedDatabase | null = null;
  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch(() => undefined);
    embedded = null;
  };
  try {
    const started = await startDatabaseAndLoad(config);
    const { createDataSource, createApp } = started.modules;
    const url = started.url;
    embedded = started.embedded;
    if (embedded) shutdown.onStop(stopEmbedded);
    const dataSource = createDataSource({
      url,
      limits: config.database,
      strictConnections: !config.production,
      replica: replicaOf(config),
    });
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new StartupError(`Cannot connect to PostgreSQL: ${(error as Error).message}`);
    }
    shutdown.onStop(() => dataSource.destroy());
    // With the web app built, the app is put together (the schema, the server, the web build's
    // files: a few hundred ms of CPU) while the database is prepared, whose statements leave the CPU
    // free; it reads no table before it serves. While the web app builds, it waits for the build.
    const creating = webBuild.pending ? null : createApp({ config, dataSource, log: logger });
    creating?.catch(() => undefined);
    // Worker processes (API_PROCESSES > 1) find the database prepared by the primary.
    const { demoAccounts, afterStart } = process.env[PREPARED]
      ? { demoAccounts: [], afterStart: () => Promise.resolve() }
      : await prepare(started.modules, url, config);
    await webBuildFinished();
    const app = await (creating ?? createApp({ config, dataSource, log: logger }));
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
    // Registered before the server's stop: a stop ends the requests first, then waits for it.
    const vocabulary = afterStart();
    shutdown.onStop(() => vocabulary);
    // The jobs run before the server stops (its stop stops them).
    const jobsStarted = app.startJobs();
    shutdown.onStop(() => jobsStarted.catch(() => undefined).then(() => app.stop()));
    app.mail.flushSoon();
    await jobsStarted;

    if (cluster.isPrimary) {
      printWelcome(config.publicUrl, demoAccounts);
      announceUp();
    }
    // What the start left for later (deferred-module.ts), a few seconds on: each module is a
    // synchronous load of up to a tenth of a second, which right after the start would hold up the
    // first requests and health checks (and a stop: tsx, as \`pnpm dev\` runs the API, kills a process
    // that has not taken a signal within 60 ms).
    setTimeout(() => {
      if (!shutdown.stopping)
        preloadDeferredModules().catch((error) =>
          logger.error({ err: error }, 'a deferred module did not load'),
        );
    }, PRELOAD_DELAY_MS).unref();
  } catch (error) {
    // A stop during the start cut the connections the start was using; the stop finishes it.
    if (shutdown.stopping) return;
    await stopEmbedded();
    if (error instanceof StartupError) {
      console.error(`\nThe hub could not start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const processes = apiProcesses(process.env.API_PROCESSES);
(cluster.isPrimary && processes > 1 ? primary(processes) : main()).catch((error) => {
  logger.fatal({ err: error }, 'startup failed');
  process.exit(1);
});
