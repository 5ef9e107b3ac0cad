import { Client } from 'pg';
import type { Logger } from '../logger';
import { currentDatabaseContext, withDatabaseContext } from './database-context';

/**
 * The optional read replica (DATABASE_REPLICA_URL): a PostgreSQL streaming replica that answers
 * the read-only queries of GraphQL query operations. The rules (README, "Read replica"):
 * - Only what runs inside a read scope may go there: a GraphQL query operation, after its session
 *   was looked up on the primary. Mutations (and what they read afterwards), transactions, jobs,
 *   LISTEN/NOTIFY, subscriptions, sessions, rate limits and migrations stay on the primary.
 * - A client reads its own writes: after a mutation it gets the primary's WAL position in a cookie,
 *   and its reads go to the primary until the replica has replayed past that position.
 * - A process never reads from the replica anything older than the last public-data write it has
 *   heard of (`hub_public_data`), so its caches of public answers cannot keep a stale one.
 * - A replica that is down, not a standby, or more than the allowed lag behind is not used; a
 *   statement it refuses or cannot run (connection lost, read-only, recovery conflict) is run again
 *   on the primary. The hub keeps answering, and `/readyz` reports the replica without failing.
 */

/** A WAL position (pg_lsn) as a number: `16/B374D848` is 0x16 << 32 | 0xB374D848. */
export type Lsn = bigint;

export function parseLsn(text: string | null | undefined): Lsn | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? '');
  if (!match) return null;
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** The cookie that carries the primary's WAL position after a client's last write. */
export const WRITTEN_AT_COOKIE = 'hub_written_at';

export interface ReadScope {
  /** The WAL position the client last wrote at (its cookie), if any. */
  writtenAt: Lsn | null;
  /** Set once the request is known to be a query the replica may answer. */
  replica: boolean;
}

/** Runs an HTTP request's handling in a read scope; its reads go to the primary until `useForThisQuery`. */
export function withReadScope(writtenAt: Lsn | null, next: () => void): void {
  withDatabaseContext({ read: { writtenAt, replica: false } }, next);
}

/** Whether reads of the code running now may go to the replica. */
export function readsFromReplica(): boolean {
  return currentDatabaseContext()?.read?.replica === true;
}

export type ReplicaState = 'unknown' | 'streaming' | 'lagging' | 'down' | 'not-a-standby';

export interface ReplicaOptions {
  /** Behind by more than this, the replica is not used. */
  maxLagSeconds: number;
  log: Logger;
}

/** How long a replay position is trusted before it is asked again (asked only when requests come). */
const FRESH_MS = 250;
/** Behind a write someone waits for: asked again sooner. */
const BEHIND_MS = 50;
/** A replica that failed, lags or is no standby is asked again after this long. */
const DOWN_MS = 1000;
/** A probe that takes longer counts as a replica that is down. */
const PROBE_TIMEOUT_MS = 1000;

/** The replica shut down, is starting, or takes no more connections. */
const CONNECTION_LOST = new Set(['57P01', '57P02', '57P03', '53300']);
/** The network said no: nothing listens there, or the connection broke. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
]);
/** Recovery conflicts (the replica's replay cancelled the statement) and writes refused by a standby. */
const ANSWERED_ELSEWHERE = new Set(['40001', '40P01', '25006']);

function sqlState(error: unknown): string | undefined {
  const cause = (error as { driverError?: { code?: unknown } }).driverError ?? error;
  const code = (cause as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** The replica's state as the process sees it, and the decisions that follow from it. */
export class ReadReplica {
  private state: ReplicaState = 'unknown';
  private replayed: Lsn = -1n;
  private lagSeconds: number | null = null;
  private checkedAt = 0;
  private probing = false;
  /**
   * The primary's position after the last public-data write heard of; null while being asked (at
   * first too: writes made before this process started were not heard).
   */
  private publicWrite: Lsn | null = null;
  private askingPublicWrite = false;
  private publicWriteAgain = false;

  /** Its own connection for the probes, so that busy pool connections are not taken for a lost replica. */
  private probeClient: Client | null = null;

  constructor(
    private readonly url: string,
    /** The primary's current WAL insert position (asked on the primary, never the replica). */
    private readonly primaryPosition: () => Promise<Lsn>,
    private readonly options: ReplicaOptions,
  ) {}

  /**
   * Decides for the current read scope (a GraphQL query operation) whether it reads from the
   * replica: only when the replica streams within the allowed lag and has replayed both the
   * client's last write and the last public-data write this process heard of.
   */
  useForThisQuery(): boolean {
    const scope = currentDatabaseContext()?.read;
    if (!scope) return false;
    scope.replica = this.hasReplayed(scope.writtenAt);
    return scope.replica;
  }

  hasReplayed(writtenAt: Lsn | null): boolean {
    const floor =
      this.publicWrite === null
        ? null
        : writtenAt !== null && writtenAt > this.publicWrite
          ? writtenAt
          : this.publicWrite;
    const ready = this.state === 'streaming' && floor !== null && this.replayed >= floor;
    this.refreshSoon(ready ? FRESH_MS : this.state === 'streaming' ? BEHIND_MS : DOWN_MS);
    return ready;
  }

  /** The primary's position now: what a client's following reads must see (after its mutation). */
  writePosition(): Promise<Lsn> {
    return this.primaryPosition();
  }

  /** A public-data write was announced: the replica is not used until it has replayed it. */
  notePublicWrite(): void {
    this.publicWrite = null;
    if (this.askingPublicWrite) {
      this.publicWriteAgain = true;
      return;
    }
    this.askingPublicWrite = true;
    this.publicWriteAgain = false;
    this.primaryPosition().then(
      (lsn) => {
        this.askingPublicWrite = false;
        if (this.publicWriteAgain) this.notePublicWrite();
        else this.publicWrite = lsn;
      },
      (error) => {
        // Asked again with the next probe; until then the replica is not used.
        this.askingPublicWrite = false;
        this.options.log.warn({ err: error }, 'could not read the primary WAL position after a write');
      },
    );
  }

  /**
   * Whether a statement that failed on the replica should run on the primary instead (the replica
   * went away, refused a write, or cancelled the statement for a recovery conflict); a lost
   * replica is taken out of use until a probe finds it again.
   */
  answerElsewhere(error: unknown): boolean {
    const code = sqlState(error);
    if (code && ANSWERED_ELSEWHERE.has(code)) return true;
    if (code && !code.startsWith('08') && !CONNECTION_LOST.has(code)) return false;
    const network = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : '';
    if (code || UNREACHABLE.has(String(network)) || message.includes('Connection terminated')) {
      this.enter('down', { err: error });
      this.checkedAt = Date.now();
    } else {
      // E.g. no free replica connection in time: the probe tells whether the replica itself is gone.
      this.checkedAt = 0;
    }
    return true;
  }

  /** Ends the probe connection (the data source's end). */
  async close(): Promise<void> {
    const client = this.probeClient;
    this.probeClient = null;
    await client?.end().catch(() => undefined);
  }

  /** The last known state (for /readyz), asked again when it is old. */
  status(): { state: ReplicaState; replayed: string | null; lagSeconds: number | null } {
    this.refreshSoon(FRESH_MS);
    return {
      state: this.state,
      replayed: this.replayed >= 0n ? formatLsn(this.replayed) : null,
      lagSeconds: this.lagSeconds,
    };
  }

  /** Asks the replica now (tests, and the first decision after start). */
  async refresh(): Promise<void> {
    if (this.publicWrite === null && !this.askingPublicWrite) this.notePublicWrite();
    try {
      // While the standby receives WAL, nothing left to replay means no lag (after a restart the
      // receive position starts at a segment start, behind the replay); otherwise (replaying a
      // backlog, or cut off from the primary) the lag is the age of the last transaction it replayed.
      const client = await this.probeConnection();
      const { rows } = await within(
        client.query<{ standby: boolean; replayed: string | null; lag: string | null }>(
          `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed,
                  CASE WHEN EXISTS (SELECT 1 FROM pg_stat_wal_receiver)
                            AND pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN 0
                       ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END AS lag`,
        ),
        PROBE_TIMEOUT_MS,
      );
      const { standby, replayed, lag } = rows[0];
      this.lagSeconds = lag === null ? null : Number(lag);
      const position = parseLsn(replayed);
      if (!standby || position === null) this.enter('not-a-standby');
      else {
        // Replay only moves forward; an older answer overtaken by a newer one changes nothing.
        if (position > this.replayed) this.replayed = position;
        const behind = this.lagSeconds === null || this.lagSeconds > this.options.maxLagSeconds;
        this.enter(behind ? 'lagging' : 'streaming');
      }
    } catch (error) {
      await this.close();
      this.enter('down', { err: error });
    } finally {
      this.checkedAt = Date.now();
    }
  }

  private async probeConnection(): Promise<Client> {
    if (this.probeClient) return this.probeClient;
    const client = new Client({
      connectionString: this.url,
      application_name: 'hub-api-replica-probe',
      connectionTimeoutMillis: PROBE_TIMEOUT_MS,
    });
    // A connection lost while idle is noticed (and replaced) at the next probe.
    client.on('error', () => {
      if (this.probeClient === client) this.probeClient = null;
    });
    await client.connect();
    this.probeClient = client;
    return client;
  }

  private refreshSoon(afterMs: number): void {
    if (this.probing || Date.now() - this.checkedAt < afterMs) return;
    this.probing = true;
    void this.refresh().finally(() => {
      this.probing = false;
    });
  }

  private enter(state: ReplicaState, details: Record<string, unknown> = {}): void {
    if (state === this.state) return;
    const previous = this.state;
    this.state = state;
    const fields = { replica: state, previous, lagSeconds: this.lagSeconds, ...details };
    if (state === 'streaming') this.options.log.info(fields, 'read replica in use');
    else this.options.log.warn(fields, 'read replica not in use: reads go to the primary');
  }
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the replica did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
