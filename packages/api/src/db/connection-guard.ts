import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { currentDatabaseContext, withDatabaseContext } from './database-context';

/**
 * Work that holds a pool connection (a mutation's transaction) must not ask the pool for a second
 * one: with as many such requests in flight as the pool has connections, each would wait for the
 * others forever. This marks the code that holds a connection, so that a second request is caught:
 * runs `work` marked as holding a pool connection.
 */
export function holdingConnection<T>(label: string, work: () => Promise<T>): Promise<T> {
  return withDatabaseContext({ holding: label }, work);
}

export class NestedConnectionError extends Error {}

/**
 * Makes the data source refuse a second connection to code that already holds one (tests and
 * development), so that the mistake shows up in the first test run instead of under load.
 */
export function forbidNestedConnections(dataSource: DataSource): void {
  const driver = dataSource.driver as PostgresDriver;
  const obtain = driver.obtainMasterConnection.bind(driver);
  driver.obtainMasterConnection = () => {
    const held = currentDatabaseContext()?.holding;
    if (held) {
      return Promise.reject(
        new NestedConnectionError(
          `A second database connection was requested while ${held} holds one: use its EntityManager.`,
        ),
      );
    }
    return obtain();
  };
}
