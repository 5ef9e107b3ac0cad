// The hub's first start on a new database opens its port before it loads the search vocabulary
// (OpenThesaurus synonyms and compound words, seconds of PostgreSQL's work), then loads it and
// re-indexes the demo projects; a stop meanwhile waits for the load and stops cleanly.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { type SpawnedApi, spawnApiProcess } from '../support/api-process';
import { databaseUrl } from '../support/db';
import { until } from '../support/until';

const LOADED = 'search synonyms and compound words loaded';

async function admin<T>(work: (client: Client) => Promise<T>, database?: string): Promise<T> {
  const client = new Client({
    connectionString: database ? databaseUrl(database) : process.env.HUB_TEST_SERVER_URL,
  });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The hub as `pnpm start` runs it (production profile, demo network) on the database, once its port is open. */
async function startOpen(name: string): Promise<SpawnedApi> {
  const started = await spawnApiProcess(
    databaseUrl(name),
    { LOG_LEVEL: 'info', DEMO: 'true' },
    { profile: '--production' },
  );
  await until('the port', () => started.output().includes('hub: http'), { timeoutMs: 90_000 });
  return started;
}

describe('the first start on a new database', () => {
  const names: string[] = [];

  async function newDatabase(): Promise<string> {
    const name = `hub_test_first_start_${randomBytes(4).toString('hex')}`;
    await admin((client) => client.query(`CREATE DATABASE ${name}`));
    names.push(name);
    return name;
  }

  afterAll(async () => {
    for (const name of names)
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it('opens the port, then loads the vocabulary and re-indexes the demo projects', async () => {
    const name = await newDatabase();
    const started = await startOpen(name);
    try {
      expect((await fetch(`${started.url}/readyz`)).status).toBe(200);
      await until('the vocabulary', () => started.output().includes(LOADED), { timeoutMs: 90_000 });
      // The welcome (printed once the port is open) comes before the vocabulary's log line.
      expect(started.output().indexOf('hub: http')).toBeLessThan(started.output().indexOf(LOADED));

      await admin(async (client) => {
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
      }, name);
    } finally {
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
    }
  }, 120_000);

  it('stops cleanly when stopped while the vocabulary loads, and loads it on the next start before the port', async () => {
    const name = await newDatabase();
    const first = await startOpen(name);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Whether the stop came before or after the vocabulary was in, the next start has it (the
    // database has projects now, so it is loaded before the port opens, when it is not in yet).
    const second = await startOpen(name);
    try {
      const [{ words }] = (
        await admin((client) => client.query('SELECT count(*)::int AS words FROM search_word'), name)
      ).rows;
      expect(words).toBeGreaterThan(10_000);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  }, 180_000);
});
