import { existsSync, readFileSync, readlinkSync, realpathSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../logger';

/**
 * What a hub finds in its data folder from an earlier run, and how it gets the folder back after a
 * crash. PostgreSQL's own `postmaster.pid` names the server; our `hub-owner.json` names the API
 * process that started it. A server is ours to stop only when both agree that its API is gone.
 */

/** The API process that started the embedded PostgreSQL of a data folder. */
interface Owner {
  pid: number;
  /** Start time of the process (clock ticks since boot), so a reused pid is not mistaken for it. */
  startTime: number | null;
}

export type PreviousServer =
  | { kind: 'none' }
  /** The lock file names a process that is gone, or one that is not our PostgreSQL (pid reused). */
  | { kind: 'stale'; pid: number }
  /** Our PostgreSQL, still running although the API that started it has died. */
  | { kind: 'orphaned'; pid: number }
  /** A PostgreSQL serving the folder for a live hub or for someone else: never touched. */
  | { kind: 'in-use'; pid: number; ownerPid: number | null };

const OWNER_FILE = 'hub-owner.json';

/** Fields of /proc/<pid>/stat after the command name (which may itself contain spaces). */
function procStat(pid: number): { state: string; ppid: number; startTime: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), startTime: Number(fields[19]) };
  } catch {
    return null;
  }
}

/** Whether the process exists and is not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return procStat(pid)?.state !== 'Z';
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/**
 * Whether `pid` is a PostgreSQL server working in `databaseDir`. PostgreSQL changes into its data
 * directory, so its working directory names the folder; when that is not readable (another user
 * without privileges) the `-D` argument of its command line is used.
 */
function isPostgresFor(pid: number, databaseDir: string): boolean {
  let argv: string[];
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return false;
  }
  if (path.basename(argv[0] ?? '') !== 'postgres') return false;
  try {
    return sameFile(readlinkSync(`/proc/${pid}/cwd`), databaseDir);
  } catch {
    const dataArg = argv.indexOf('-D');
    return dataArg >= 0 && sameFile(argv[dataArg + 1] ?? '', databaseDir);
  }
}

function readOwner(dataDir: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as Owner;
    return Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

function ownerIsAlive(owner: Owner): boolean {
  if (!isRunning(owner.pid)) return false;
  const stat = procStat(owner.pid);
  return !stat || owner.startTime === null || stat.startTime === owner.startTime;
}

/** Records this process as the one that starts (and stops) the folder's PostgreSQL. */
export async function claimDataFolder(dataDir: string): Promise<void> {
  const owner: Owner = { pid: process.pid, startTime: procStat(process.pid)?.startTime ?? null };
  await fs.writeFile(path.join(dataDir, OWNER_FILE), `${JSON.stringify(owner)}\n`);
}

/** After a clean stop no one owns the folder; a server found there later is not ours to stop. */
export async function releaseDataFolder(dataDir: string): Promise<void> {
  releaseDataFolderSync(dataDir);
}

/** The same, for the process's `exit` event, where nothing asynchronous runs. */
export function releaseDataFolderSync(dataDir: string): void {
  const owner = readOwner(dataDir);
  if (owner?.pid === process.pid) rmSync(path.join(dataDir, OWNER_FILE), { force: true });
}

export function findPreviousServer(dataDir: string, databaseDir: string): PreviousServer {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return { kind: 'none' };
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return { kind: 'stale', pid };
  const hasProc = existsSync(`/proc/${pid}`);
  // Without /proc (not Linux) nothing can be verified: a live pid counts as in use.
  if (!hasProc) return { kind: 'in-use', pid, ownerPid: null };
  if (!isPostgresFor(pid, databaseDir)) return { kind: 'stale', pid };
  const owner = readOwner(dataDir);
  const parent = procStat(pid)?.ppid;
  if (owner && !ownerIsAlive(owner) && parent !== owner.pid) return { kind: 'orphaned', pid };
  return { kind: 'in-use', pid, ownerPid: owner && ownerIsAlive(owner) ? owner.pid : null };
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isRunning(pid);
}

/**
 * Stops an orphaned server like `pg_ctl stop -m fast` (SIGINT: roll back open transactions, write
 * a checkpoint, exit); committed data is safe either way. Only if that hangs, `-m immediate`
 * (SIGQUIT), which leaves recovery from the write-ahead log to the next start.
 */
export async function stopOrphanedServer(pid: number, log: Logger): Promise<boolean> {
  log.warn({ pid }, 'stopping the embedded PostgreSQL left running by a crashed hub');
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGINT');
  if (await waitForExit(pid, 30_000)) return true;
  signal('SIGQUIT');
  return waitForExit(pid, 10_000);
}

/** Removes a lock file whose pid now belongs to an unrelated process (PostgreSQL would refuse it). */
export async function removeStaleLock(databaseDir: string, pid: number, log: Logger): Promise<void> {
  if (existsSync(`/proc/${pid}`) && isRunning(pid)) {
    log.warn({ pid }, 'removing a stale postmaster.pid whose pid now belongs to another process');
    await fs.rm(path.join(databaseDir, 'postmaster.pid'), { force: true });
  }
  // A lock of a dead process is left to PostgreSQL, which checks it (and its shared memory) itself.
}
