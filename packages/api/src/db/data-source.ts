import 'reflect-metadata';
import pg, { Pool } from 'pg';
import type { QueryRunner, ReplicationMode } from 'typeorm';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { DatabaseLimits } from '../config';
import { DEFAULT_DATABASE_LIMITS } from '../config';
import type { Logger } from '../logger';
import { forbidNestedConnections } from './connection-guard';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming';
import { connectionsClosed } from './pool-closed';
import type { QueryCounter } from './query-counter';
import { type Lsn, parseLsn, ReadReplica, readsFromReplica } from './read-replica';

export interface DataSourceOptions {
  url: string;
  /** Pool size and timeouts; the defaults of `loadConfig()` when left out. */
  limits?: Partial<DatabaseLimits>;
  /** Counts statements per request (tests and the N+1 guard). */
  queryCounter?: QueryCounter;
  /** Fail loudly when code holding a connection asks for a second one (tests, development). */
  strictConnections?: boolean;
  /** A streaming replica for the reads of GraphQL queries (see read-replica.ts); absent: all on `url`. */
  replica?: { url: string; maxLagSeconds: number; log: Logger };
}

/**
 * TypeORM's replication support with the hub's rules: SELECTs built by TypeORM ask
 * `defaultReplicationModeForReads()`, raw `query()` calls are routed the same way, and either goes to
 * the replica only inside a read scope that chose it. Everything else (transactions, writes, code
 * outside a request) uses the primary, as TypeORM's `createQueryRunner()` does by default.
 */
export class HubDataSource extends DataSource {
  /** The read replica; null when none is configured. */
  replica: ReadReplica | null = null;

  private replicaSettings: DataSourceOptions['replica'];

  constructor(options: ConstructorParameters<typeof DataSource>[0], replica?: DataSourceOptions['replica']) {
    super(options);
    this.replicaSettings = replica;
  }

  override async initialize(): Promise<this> {
    await super.initialize();
    const settings = this.replicaSettings;
    if (settings) {
      // A pool of our own, connecting only when first used: TypeORM would connect to its "slaves" at
      // start and refuse to start while the replica is down.
      const extra = (this.options as { extra: Record<string, unknown> }).extra;
      const pool = new Pool({
        ...extra,
        connectionString: settings.url,
        application_name: 'hub-api-replica',
        // Waiting longer for the replica (gone, or all its connections busy) hands the statement to
        // the primary.
        connectionTimeoutMillis: 2000,
      });
      pool.on('error', (error) => settings.log.warn({ err: error }, 'read replica connection lost'));
      (this.driver as PostgresDriver).slaves.push(pool);
      this.replica = new ReadReplica(settings.url, () => this.primaryPosition(), settings);
    }
    return this;
  }

  /** Ends the pools and waits until their connections are closed (see pool-closed.ts). */
  override async destroy(): Promise<void> {
    await this.replica?.close();
    const driver = this.driver as PostgresDriver;
    const pools = this.isInitialized ? [driver.master, ...driver.slaves].filter((pool) => pool) : [];
    const closed = pools.map((pool: Pool) => connectionsClosed(pool));
    await super.destroy();
    await Promise.all(closed);
  }

  override defaultReplicationModeForReads(): ReplicationMode {
    return this.replica && readsFromReplica() ? 'slave' : 'master';
  }

  override createQueryRunner(mode: ReplicationMode = 'master'): QueryRunner {
    const runner = super.createQueryRunner(mode);
    return mode === 'slave' && this.replica ? this.withPrimaryFallback(runner, this.replica) : runner;
  }

  // biome-ignore lint/suspicious/noExplicitAny: TypeORM's own signature (rows of any shape).
  override async query<T = any>(
    query: string,
    parameters?: Parameters<DataSource['query']>[1],
    queryRunner?: QueryRunner,
  ): Promise<T> {
    if (queryRunner || this.defaultReplicationModeForReads() === 'master')
      return super.query<T>(query, parameters, queryRunner);
    const runner = this.createQueryRunner('slave');
    try {
      return (await runner.query(query, parameters)) as T;
    } finally {
      await runner.release();
    }
  }

  /** The primary's WAL insert position: a commit that came before it is in the WAL up to there. */
  private async primaryPosition(): Promise<Lsn> {
    const rows: { lsn: string }[] = await super.query('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    const lsn = parseLsn(rows[0]?.lsn);
    if (lsn === null) throw new Error(`unexpected WAL position ${rows[0]?.lsn}`);
    return lsn;
  }

  /** A statement the replica cannot answer runs again on the primary (reads only get here). */
  private withPrimaryFallback(runner: QueryRunner, replica: ReadReplica): QueryRunner {
    const onReplica = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
    let replicaFailed = false;
    const query = async (...args: unknown[]) => {
      if (!replicaFailed) {
        try {
          return await onReplica(...args);
        } catch (error) {
          if (!replica.answerElsewhere(error)) throw error;
          replicaFailed = true;
        }
      }
      const primary = super.createQueryRunner('master');
      try {
        return await (primary.query as (...args: unknown[]) => Promise<unknown>)(...args);
      } finally {
        await primary.release();
      }
    };
    runner.query = query as QueryRunner['query'];
    return runner;
  }
}

/** The data source's read replica, if it has one. */
export function readReplicaOf(dataSource: DataSource): ReadReplica | null {
  return dataSource instanceof HubDataSource ? dataSource.replica : null;
}

/**
 * A pool whose connections each have a listener for their errors from the moment they connect.
 * TypeORM listens on a connection while a query runner holds it, and the pool while it is idle;
 * TypeORM's own start (its `afterConnect` checks) holds one without either, and an error there (the
 * server stopped by a stop during the hub's start: "terminating connection due to administrator
 * command") was an unhandled 'error' event that ended the process with code 1. The statement in
 * flight still gets the error, and the listeners above still see it.
 */
class ListenedPool extends Pool {
  constructor(config?: ConstructorParameters<typeof Pool>[0]) {
    super(config);
    this.on('connect', (client) => client.on('error', () => undefined));
  }
}

/** pg for TypeORM (its `driver` option), with ListenedPool. */
const pgWithListenedPools = { ...pg, Pool: ListenedPool };

export function createDataSource(options: DataSourceOptions): HubDataSource {
  const limits = { ...DEFAULT_DATABASE_LIMITS, ...options.limits };
  const dataSource = new HubDataSource(
    {
      type: 'postgres',
      driver: pgWithListenedPools,
      url: options.url,
      // The replica's pool is added once started (HubDataSource.initialize); reads stay on the
      // primary unless a read scope chooses the replica.
      ...(options.replica
        ? { replication: { master: { url: options.url }, slaves: [], defaultMode: 'master' } }
        : {}),
      entities,
      migrations,
      namingStrategy: new SnakeNamingStrategy(),
      synchronize: false,
      migrationsRun: false,
      // gen_random_uuid() is built into PostgreSQL 13+, no extension to install.
      uuidExtension: 'pgcrypto',
      migrationsTransactionMode: 'each',
      extra: {
        max: limits.poolSize,
        application_name: 'hub-api',
        // Waiting for a connection ends with an error instead of hanging the request for good.
        connectionTimeoutMillis: limits.acquireTimeoutMs,
        // Sent as session settings when a connection opens: the server ends runaway statements and
        // transactions left open, so that one stuck request cannot hold a connection forever.
        statement_timeout: limits.statementTimeoutMs,
        idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
      },
      logger: options.queryCounter,
      logging: options.queryCounter ? ['query'] : false,
    },
    options.replica,
  );
  if (options.strictConnections) forbidNestedConnections(dataSource);
  return dataSource;
}
