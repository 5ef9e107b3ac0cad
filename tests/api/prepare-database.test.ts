// The first start's database preparation, as `pnpm start` runs it on a new cluster: migrations, the
// directory, the search vocabulary (loaded on a second connection meanwhile) and the demo network.
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../packages/api/src/db/data-source';
import { logger } from '../../packages/api/src/logger';
import { loadSearchData } from '../../packages/api/src/seed/search-data';
import { prepareDatabase } from '../../packages/api/src/server/bootstrap';
import { createEmptyDatabase } from '../support/db';

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createEmptyDatabase('hub_test_prepare');
  // What main.ts gives the preparation: two connections without a statement time limit.
  dataSource = createDataSource({
    url: database.url,
    limits: { poolSize: 2, statementTimeoutMs: 0, idleInTransactionTimeoutMs: 0 },
  });
  await dataSource.initialize();
}, 60_000);

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

describe('preparing an empty database with the demo network', () => {
  it('loads the directory, the vocabulary and the demo network, and indexes every project with the compound words', async () => {
    // As the hub's start asks for it: on a new database the vocabulary loads after the port opened.
    const { demoAccounts, loadVocabulary } = await prepareDatabase(dataSource, {
      demo: true,
      log: logger,
      vocabularyAfterStart: true,
    });
    // Left for after the start: nothing of it is in yet.
    const [{ words }] = await dataSource.query('SELECT count(*)::int AS words FROM search_word');
    expect(words).toBe(0);
    await loadVocabulary();
    expect(demoAccounts.map((account) => account.email)).toContain('koordination@kl.digital.demo');

    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM municipality) AS municipalities,
              (SELECT count(*)::int FROM search_word) AS words,
              (SELECT count(*)::int FROM search_synonym) AS synonyms,
              (SELECT count(*)::int FROM project) AS projects`,
    );
    expect(counts.municipalities).toBeGreaterThan(2400);
    expect(counts.words).toBeGreaterThan(10_000);
    expect(counts.synonyms).toBeGreaterThan(10_000);
    expect(counts.projects).toBeGreaterThan(5);

    // The demo projects were written while the vocabulary loaded: their vectors must nevertheless be
    // the ones the loaded compound words give, not the ones of an empty word list.
    const stale = await dataSource.query(
      `SELECT title FROM project
        WHERE search_vector IS DISTINCT FROM project_document(title, summary, description)`,
    );
    expect(stale).toEqual([]);
    // … and there are compound parts in them to get wrong (e.g. "Lichtmasten": licht, masten).
    const [{ withParts }] = await dataSource.query(
      `SELECT count(*)::int AS "withParts" FROM project WHERE coalesce(hub_compound_text(title), '') <> ''`,
    );
    expect(withParts).toBeGreaterThan(0);
  }, 120_000);

  it('does nothing more on the next start', async () => {
    const [before] = await dataSource.query('SELECT count(*)::int AS n FROM domain_event');
    const { demoAccounts } = await prepareDatabase(dataSource, { demo: true, log: logger });
    expect(demoAccounts).toEqual([]);
    const [after] = await dataSource.query('SELECT count(*)::int AS n FROM domain_event');
    expect(after.n).toBe(before.n);
  }, 60_000);

  it('loads a changed vocabulary once when two hubs start on the database at the same time', async () => {
    const count = async () =>
      (
        await dataSource.query(
          'SELECT (SELECT count(*)::int FROM search_word) AS words, (SELECT count(*)::int FROM search_synonym) AS synonyms',
        )
      )[0];
    const before = await count();
    // As after an update that changed the word lists: the stored checksum no longer matches.
    await dataSource.query('UPDATE search_data_version SET checksum = $1', ['an older vocabulary']);
    const results = await Promise.all([
      dataSource.transaction((manager) => loadSearchData(manager)),
      dataSource.transaction((manager) => loadSearchData(manager)),
    ]);
    expect(results.map((result) => result.loaded).sort()).toEqual([false, true]);
    expect(results.find((result) => result.loaded)).toMatchObject(before);
    expect(await count()).toEqual(before);
  }, 60_000);

  it('loads a changed vocabulary before the port opens on a database with projects', async () => {
    await dataSource.query('UPDATE search_data_version SET checksum = $1', ['an older vocabulary']);
    await dataSource.query(`UPDATE project SET search_vector = to_tsvector('simple', '')`);
    await prepareDatabase(dataSource, { demo: true, log: logger, vocabularyAfterStart: true });
    // Nothing awaited but prepareDatabase: the vocabulary and every project's vector are current.
    const [{ checksum }] = await dataSource.query('SELECT checksum FROM search_data_version');
    expect(checksum).not.toBe('an older vocabulary');
    const stale = await dataSource.query(
      `SELECT title FROM project WHERE search_vector IS DISTINCT FROM project_document(title, summary, description)`,
    );
    expect(stale).toEqual([]);
  }, 60_000);
});
