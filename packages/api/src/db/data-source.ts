import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { DatabaseLimits } from '../config';
import { DEFAULT_DATABASE_LIMITS } from '../config';
import { forbidNestedConnections } from './connection-guard';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming';
import type { QueryCounter } from './query-counter';

export interface DataSourceOptions {
  url: string;
  /** Pool size and timeouts; the defaults of `loadConfig()` when left out. */
  limits?: Partial<DatabaseLimits>;
  /** Counts statements per request (tests and the N+1 guard). */
  queryCounter?: QueryCounter;
  /** Fail loudly when code holding a connection asks for a second one (tests, development). */
  strictConnections?: boolean;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const limits = { ...DEFAULT_DATABASE_LIMITS, ...options.limits };
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
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
  });
  if (options.strictConnections) forbidNestedConnections(dataSource);
  return dataSource;
}
