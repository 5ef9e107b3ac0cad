import { holdingConnection, NestedConnectionError } from '../../packages/api/src/db/connection-guard';
import { currentDatabaseContext } from '../../packages/api/src/db/database-context';
import { withReadScope } from '../../packages/api/src/db/read-replica';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';

/** The connection guard and the read scope share one context (db/database-context.ts): neither hides the other. */
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('the connection guard', () => {
  it('refuses a second connection to code holding one, also inside a request read scope', async () => {
    const attempt = () =>
      db.dataSource.transaction((manager) =>
        holdingConnection('a test transaction', async () => {
          await manager.query('SELECT 1');
          return db.dataSource.query('SELECT 2');
        }),
      );
    await expect(attempt()).rejects.toThrow(NestedConnectionError);
    await expect(
      new Promise((resolve, reject) => withReadScope(null, () => attempt().then(resolve, reject))),
    ).rejects.toThrow(/while a test transaction holds one/);
  });

  it('lets code without a held connection ask for one, and keeps the read scope through a held connection', async () => {
    await expect(db.dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    const seen = await new Promise((resolve) =>
      withReadScope(123n, () => {
        void holdingConnection('a look', async () => resolve(currentDatabaseContext()));
      }),
    );
    expect(seen).toEqual({ holding: 'a look', read: { writtenAt: 123n, replica: false } });
  });
});
