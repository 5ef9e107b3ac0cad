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
 * `vocabularyAfterStart` (the hub's own start): on a database that had no projects before this
 * start, the search vocabulary (2–4 s of PostgreSQL's work on two cores the builds and the other
 * steps share) is not loaded here but by `loadVocabulary`, which the start calls once its port is
 * open; searches until it is in match without synonyms and compound parts. On a database with
 * projects (a hub updated to new word lists) it is always loaded here, before the port opens:
 * re-indexing many projects while users write them would hold their rows. Otherwise
 * `loadVocabulary` has nothing left to do.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  options: { demo: boolean; log: Logger; vocabularyAfterStart?: boolean },
): Promise<{ demoAccounts: DemoAccount[]; loadVocabulary: () => Promise<void> }> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  if (applied.length) options.log.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  // The job queue's own schema (graphile_worker), versioned by the library.
  await installJobQueue((dataSource.options as { url: string }).url, options.log);
  const hadProjects = await dataSource.getRepository(Project).exists();

  const loadVocabulary = async () => {
    const started = Date.now();
    const search = await dataSource.transaction((manager) => loadSearchData(manager));
    if (!search.loaded) return;
    options.log.info({ ...search, ms: Date.now() - started }, 'search synonyms and compound words loaded');
    // Projects written meanwhile (the demo network's, users' first ones) got their search vectors
    // from the previous compound words; those before were re-indexed by the load.
    if (!hadProjects && (await dataSource.getRepository(Project).exists()))
      await reindexProjects(dataSource.manager);
  };
  if (options.vocabularyAfterStart && !hadProjects) {
    return { demoAccounts: await loadDirectoryAndDemo(dataSource, options), loadVocabulary };
  }
  // The search vocabulary (a few seconds of PostgreSQL work, when its files changed) loads on a
  // second connection while the directory and the demo network load on the first.
  const searchLoad = loadVocabulary();
  searchLoad.catch(() => undefined);
  const demoAccounts = await loadDirectoryAndDemo(dataSource, options);
  await searchLoad;
  return { demoAccounts, loadVocabulary: async () => undefined };
}

/** The municipality directory (into an empty table) and, in demo mode, the demo network (into a database without users). */
async function loadDirectoryAndDemo(
  dataSource: DataSource,
  options: { demo: boolean; log: Logger },
): Promise<DemoAccount[]> {
  if (!(await dataSource.getRepository(Municipality).exists())) {
    const started = Date.now();
    const counts = await dataSource.transaction((manager) => loadMunicipalities(manager));
    options.log.info({ ...counts, ms: Date.now() - started }, 'municipality directory loaded');
  }
  if (!options.demo || (await dataSource.getRepository(User).exists())) return [];
  const demoAccounts = await dataSource.transaction((manager) => seedDemo(manager));
  options.log.info({ accounts: demoAccounts.length }, 'demo network loaded');
  return demoAccounts;
}
