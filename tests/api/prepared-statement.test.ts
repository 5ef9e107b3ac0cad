// Statements whose text repeats request after request (the session lookup, catalogue pages and facets
// of a cached shape) run as prepared statements (packages/api/src/db/prepared-statement.ts):
// PostgreSQL parses and plans them once per connection; their number per process is bounded.
import { queryPrepared } from '../../packages/api/src/db/prepared-statement';
import { QueryCounter } from '../../packages/api/src/db/query-counter';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';

let db: TestDatabase;
const counter = new QueryCounter();

beforeAll(async () => {
  // One connection: what pg_prepared_statements shows is what every query ran on.
  db = await createTestDatabase(counter, { poolSize: 1 });
});
afterAll(() => db?.drop());

const prepared = async () =>
  (await db.dataSource.query(`SELECT name, statement FROM pg_prepared_statements ORDER BY prepare_time`)) as {
    name: string;
    statement: string;
  }[];

describe('a repeated statement', () => {
  it('is prepared once on the connection under the hash of its text, and answers every run with its own values', async () => {
    const text = 'SELECT $1::int * 2 AS doubled, $2::text AS word';
    for (const [value, word] of [
      [1, 'eins'],
      [21, 'zwei'],
      [-4, "d'rei"],
    ] as const) {
      const rows = await queryPrepared<{ doubled: number; word: string }[]>(db.dataSource, text, [
        value,
        word,
      ]);
      expect(rows).toEqual([{ doubled: value * 2, word }]);
    }
    const named = (await prepared()).filter((row) => row.statement === text);
    expect(named).toHaveLength(1);
    expect(named[0].name).toMatch(/^hub_[0-9a-f]{20}$/);
  });

  it('is counted by its text like any statement of a request', async () => {
    const { statements } = await counter.measure(() =>
      queryPrepared(db.dataSource, 'SELECT $1::int AS one', [1]),
    );
    expect(statements).toEqual(['SELECT $1::int AS one']);
  });

  it('beyond the bound per process runs unnamed: PostgreSQL keeps no more than 32 of them', async () => {
    for (let i = 0; i < 40; i++) {
      const rows = await queryPrepared<{ n: number }[]>(db.dataSource, `SELECT $1::int + ${i} AS n`, [1]);
      expect(rows).toEqual([{ n: 1 + i }]);
    }
    expect((await prepared()).length).toBe(32);
  });
});
