import type { DataSource } from 'typeorm';
import { installJobQueue } from '../jobs/runner';
import type { Logger } from '../logger';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { Project } from '../modules/projects/project.entity';
import { User } from '../modules/users/user.entity';
import type { DemoAccount } from '../seed/demo';
import { seedDemo } from '../seed/demo';
import { loadMunicipalities } from '../seed/reference-data';
import { loadSearchData, reindexProjects } from '../seed/search-data';

/**
 * Brings a database up to date: migrations, the job queue's schema, the municipality directory (when empty), the search
 * synonyms and compound words (when their files changed) and, in demo
 * mode, the demo network (only into a database without users).
 *
 * `vocabularyInBackground` (the hub's own start): on a database that had no projects before this
 * start, the search vocabulary (2–4 s of PostgreSQL's work, the longest step of a first start) may
 * finish after this returns: `searchVocabulary` settles when it is loaded and the projects written
 * meanwhile are re-indexed; searches until then match without synonyms and compound parts. On a
 * database with projects (a hub updated to new word lists) it is always loaded before this returns:
 * re-indexing many projects while users write them would hold their rows.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  options: { demo: boolean; log: Logger; vocabularyInBackground?: boolean },
): Promise<{ demoAccounts: DemoAccount[]; searchVocabulary: Promise<void> }> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) options.log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  // The job queue's own schema (graphile_worker), versioned by the library.
  await installJobQueue((dataSource.options as { url: string }).url, options.log);
  const hadProjects = await dataSource.getRepository(Project).exists();

  // The search vocabulary (a few seconds of PostgreSQL work, when its files changed) loads on a
  // second connection while the directory and the demo network load on the first.
  const searchStarted = Date.now();
  const searchLoad = dataSource.transaction((manager) => loadSearchData(manager));
  searchLoad.catch(() => undefined);

  if (!(await dataSource.getRepository(Municipality).exists())) {
    const started = Date.now();
    const counts = await dataSource.transaction((manager) => loadMunicipalities(manager));
    options.log.info({ ...counts, ms: Date.now() - started }, 'municipality directory loaded');
  }

  let demoAccounts: DemoAccount[] = [];
  if (options.demo && !(await dataSource.getRepository(User).exists())) {
    demoAccounts = await dataSource.transaction((manager) => seedDemo(manager));
    options.log.info({ accounts: demoAccounts.length }, 'demo network loaded');
  }

  const searchVocabulary = searchLoad.then(async (search) => {
    if (!search.loaded) return;
    options.log.info(
      { ...search, ms: Date.now() - searchStarted },
      'search synonyms and compound words loaded',
    );
    // Projects written meanwhile (the demo network's; in the background, users' first ones) got their
    // search vectors from the previous compound words; those before were re-indexed by the load.
    if (!hadProjects && (await dataSource.getRepository(Project).exists()))
      await reindexProjects(dataSource.manager);
  });
  if (!options.vocabularyInBackground || hadProjects) await searchVocabulary;
  return { demoAccounts, searchVocabulary };
}
