// The hub's first start on a new database opens its port before it loads the search vocabulary
// (OpenThesaurus synonyms and compound words, seconds of PostgreSQL's work), then loads it and
// re-indexes the demo projects; a stop meanwhile waits for the load and stops cleanly.
import { type SpawnedApi, spawnApiProcess } from '../support/api-process';
import { createEmptyDatabase, withClient } from '../support/db';
import { until } from '../support/until';

const LOADED = 'search synonyms and compound words loaded';

/** The hub as `pnpm start` runs it (production profile, demo network) on the database, once its port is open. */
async function startOpen(url: string): Promise<SpawnedApi> {
  const started = await spawnApiProcess(
    url,
    { LOG_LEVEL: 'info', DEMO: 'true' },
    { profile: '--production' },
  );
  await until('the port', () => started.output().includes('hub: http'), { timeoutMs: 90_000 });
  return started;
}

describe('the first start on a new database', () => {
  const databases: { url: string; drop(): Promise<void> }[] = [];

  async function newDatabase(): Promise<string> {
    const database = await createEmptyDatabase('hub_test_first_start');
    databases.push(database);
    return database.url;
  }

  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('opens the port, then loads the vocabulary and re-indexes the demo projects', async () => {
    const url = await newDatabase();
    const started = await startOpen(url);
    try {
      expect((await fetch(`${started.url}/readyz`)).status).toBe(200);
      await until('the vocabulary', () => started.output().includes(LOADED), { timeoutMs: 90_000 });
      // The welcome (printed once the port is open) comes before the vocabulary's log line.
      expect(started.output().indexOf('hub: http')).toBeLessThan(started.output().indexOf(LOADED));

      await withClient(url, async (client) => {
        const [counts] = (
          await client.query(
            `SELECT (SELECT count(*)::int FROM search_word) AS words,
                    (SELECT count(*)::int FROM search_synonym) AS synonyms,
                    (SELECT count(*)::int FROM project) AS projects`,
          )
        ).rows;
        expect(counts.words).toBeGreaterThan(10_000);
        expect(counts.synonyms).toBeGreaterThan(10_000);
        expect(counts.projects).toBeGreaterThan(5);
        // The demo projects, written before the vocabulary, carry its compound parts now.
        await until('the demo projects re-indexed', async () => {
          const stale = await client.query(
            'SELECT title FROM project WHERE search_vector IS DISTINCT FROM project_document(title, summary, description)',
          );
          return stale.rows.length === 0;
        });
      });
    } finally {
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    }
  }, 120_000);

  it('stops cleanly when stopped while the vocabulary loads, and loads it on the next start before the port', async () => {
    const url = await newDatabase();
    const first = await startOpen(url);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Whether the stop came before or after the vocabulary was in, the next start has it (the
    // database has projects now, so it is loaded before the port opens, when it is not in yet).
    const second = await startOpen(url);
    try {
      const [{ words }] = (
        await withClient(url, (client) => client.query('SELECT count(*)::int AS words FROM search_word'))
      ).rows;
      expect(words).toBeGreaterThan(10_000);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 180_000);
});
