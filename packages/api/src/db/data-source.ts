import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './naming';
import type { QueryCounter } from './query-counter';

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  /** Counts statements per request (tests and the N+1 guard). */
  queryCounter?: QueryCounter;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
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
    extra: { max: options.poolSize ?? 10, application_name: 'hub-api' },
    logger: options.queryCounter,
    logging: options.queryCounter ? ['query'] : false,
  });
}
