import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { DatabaseLimits } from '../../packages/api/src/config';
import { createDataSource } from '../../packages/api/src/db/data-source';
import type { QueryCounter } from '../../packages/api/src/db/query-counter';
import { logger } from '../../packages/api/src/logger';
import { prepareDatabase } from '../../packages/api/src/server/bootstrap';

const TEMPLATE = 'hub_test_template';

function serverUrl(): string {
  const url = process.env.HUB_TEST_SERVER_URL;
  if (!url) throw new Error('HUB_TEST_SERVER_URL is not set: run the tests through jest (global setup).');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** One connection to the database at `url` for `work`, closed afterwards. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  return withClient(serverUrl(), work);
}

/** An empty database of its own (nothing migrated, no template): what a hub's first start meets. */
export async function createEmptyDatabase(
  prefix: string,
): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () =>
      withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Builds the migrated template with the municipality directory once per run (first caller wins). */
async function ensureTemplate(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query('SELECT pg_advisory_lock(727274)');
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [TEMPLATE]);
      if (found.rowCount) return;
      await admin.query(`CREATE DATABASE ${TEMPLATE}`);
      const dataSource = createDataSource({ url: databaseUrl(TEMPLATE), limits: { poolSize: 2 } });
      await dataSource.initialize();
      try {
        await prepareDatabase(dataSource, { demo: false, log: logger });
      } finally {
        await dataSource.destroy();
      }
      await admin.query(`ALTER DATABASE ${TEMPLATE} IS_TEMPLATE true`);
    } finally {
      await admin.query('SELECT pg_advisory_unlock(727274)');
    }
  });
}

export interface TestDatabase {
  name: string;
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A database of its own for one test file: a clone of the template (directory loaded, no users). */
export async function createTestDatabase(
  queryCounter?: QueryCounter,
  limits: Partial<DatabaseLimits> = {},
): Promise<TestDatabase> {
  await ensureTemplate();
  const name = `hub_test_w${process.env.JEST_WORKER_ID ?? '0'}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`));
  const url = databaseUrl(name);
  const dataSource = createDataSource({
    url,
    limits: { poolSize: 5, ...limits },
    queryCounter,
    strictConnections: true,
  });
  await dataSource.initialize();
  return {
    name,
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
