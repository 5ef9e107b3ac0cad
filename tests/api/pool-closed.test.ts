// A stop closes the API's database connections before PostgreSQL stops: `pool.end()` resolves before
// the connections' sockets close, and a PostgreSQL stopped right after it cut them (each logged
// "terminating connection due to administrator command"; CI saw it from the job queue's pool).
import { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createDataSource } from '../../packages/api/src/db/data-source';
import { connectionsClosed } from '../../packages/api/src/db/pool-closed';

const SERVER = process.env.HUB_TEST_SERVER_URL!;

/**
 * Opens `count` connections of the pool at once; returns how many of them have closed so far
 * (a client emits 'end' when its socket is closed). pg-pool's client list is read for it.
 */
async function openConnections(pool: Pool, count: number): Promise<() => number> {
  const clients = await Promise.all(Array.from({ length: count }, () => pool.connect()));
  for (const client of clients) client.release();
  let closed = 0;
  for (const client of (pool as unknown as { _clients: NodeJS.EventEmitter[] })._clients)
    client.once('end', () => closed++);
  expect(pool.totalCount).toBe(count);
  return () => closed;
}

describe('closing the connections', () => {
  it('connectionsClosed resolves once every connection of the ended pool is closed', async () => {
    const pool = new Pool({ connectionString: SERVER, max: 4 });
    const closedSoFar = await openConnections(pool, 4);
    const closed = connectionsClosed(pool);
    await pool.end();
    await closed;
    expect(closedSoFar()).toBe(4);
  });

  it('resolves at once for a pool without connections', async () => {
    const pool = new Pool({ connectionString: SERVER });
    const closed = connectionsClosed(pool);
    await pool.end();
    await expect(closed).resolves.toBeUndefined();
  });

  it("the data source's destroy returns once its connections are closed", async () => {
    const dataSource = createDataSource({ url: SERVER, limits: { poolSize: 4 } });
    await dataSource.initialize();
    const closedSoFar = await openConnections((dataSource.driver as PostgresDriver).master, 4);
    await dataSource.destroy();
    expect(closedSoFar()).toBe(4);
  });

  it('a connection held outside a query runner survives the server ending it', async () => {
    // TypeORM's own start holds one so (its afterConnect checks); a stop during the hub's start ends
    // it with "terminating connection due to administrator command", which was an unhandled 'error'
    // event and ended the process.
    const dataSource = createDataSource({ url: SERVER, limits: { poolSize: 2 } });
    await dataSource.initialize();
    try {
      const [connection, release] = await (dataSource.driver as PostgresDriver).obtainMasterConnection();
      try {
        expect(connection.listenerCount('error')).toBeGreaterThan(0);
        const { rows } = await connection.query('SELECT pg_backend_pid() AS pid');
        const ended = new Promise((resolve) => connection.once('end', resolve));
        await dataSource.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
        await ended;
        await expect(connection.query('SELECT 1')).rejects.toThrow();
      } finally {
        release(new Error('ended by the server'));
      }
      // The pool goes on with a new connection.
      expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await dataSource.destroy();
    }
  });
});
