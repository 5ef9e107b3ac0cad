/**
 * Search quality and speed: the labelled German set (src/bench/search-labelled.ts) among 10,000
 * generated projects, recall@5 and MRR per class for the similar-projects hint and the catalogue,
 * then the latency of a ranked catalogue sentence search and of similar projects with synonyms
 * and compounds. BENCH_PROJECTS (default 10000), BENCH_ITERATIONS (default 200).
 */
import 'reflect-metadata';
import { clearSearchPlanCache } from '../text-search/search-terms';
import type { ScenarioResult } from './harness';
import { benchmark, runIfMain } from './harness';
import { seedBenchProjects } from './projects';
import { evaluateSearch, LABELLED_PROJECTS, type SearchQuality } from './search-labelled';

const CATALOGUE = `query SearchBench($filter: ProjectFilter) {
  projects(first: 20, filter: $filter) { totalCount edges { node { id title leadMunicipality { name } } } }
  projectFacets(filter: $filter) { categories { value count } phases { value count } }
}`;

const EVERYTHING = `query SearchEverythingBench($text: String!) {
  search(text: $text) { kind totalCount hits { nodeId title detail } }
}`;

const SIMILAR = `query SimilarSearchBench($title: String!, $summary: String) {
  similarProjects(title: $title, summary: $summary) { score project { id title } }
}`;

function printQuality(quality: SearchQuality): void {
  for (const mode of ['similar', 'catalogue'] as const) {
    console.log(
      `\n${mode === 'similar' ? 'similar projects (title typed)' : 'catalogue search (relevance)'}`,
    );
    console.log('class        queries  recall@5  MRR');
    for (const f of quality[mode]) {
      console.log(
        `${f.kind.padEnd(12)} ${String(f.queries).padStart(7)}  ${f.recallAt5.toFixed(2).padStart(8)}  ${f.mrr.toFixed(2)}`,
      );
      if (f.missed.length) console.log(`  missed (rank): ${f.missed.join('; ')}`);
    }
  }
}

export function run(options: { iterations?: number; projects?: number } = {}): Promise<ScenarioResult[]> {
  const projects = options.projects ?? Number(process.env.BENCH_PROJECTS ?? 10_000);
  return benchmark({
    name: 'search',
    demo: false,
    async prepare(dataSource) {
      await dataSource.query(
        `INSERT INTO project (title, summary, description, description_html, category, phase, status, lead_municipality_id, published_at)
         SELECT t.title, t.summary, '', '', 'ADMINISTRATION', 'PILOT', 'PUBLISHED', (SELECT id FROM municipality ORDER BY ars LIMIT 1), now()
           FROM unnest($1::text[], $2::text[]) AS t(title, summary)`,
        [LABELLED_PROJECTS.map((p) => p.title), LABELLED_PROJECTS.map((p) => p.summary)],
      );
      console.log(`labelled set alone (${LABELLED_PROJECTS.length} projects):`);
      printQuality(await evaluateSearch(dataSource, null));
      await seedBenchProjects(dataSource, projects);
      await dataSource.query('ANALYZE');
      clearSearchPlanCache();
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM project');
      console.log(`\nlabelled set among ${n} generated projects (many about the same subjects):`);
      printQuality(await evaluateSearch(dataSource, null));
      // The requests are an officer's: the search box then covers every kind, people included.
      const [{ id }] = await dataSource.query(
        `INSERT INTO app_user (email, name, role, status, municipality_id)
         VALUES ('bench-officer@example.org', 'Bench Officer', 'OFFICER', 'ACTIVE', (SELECT id FROM municipality ORDER BY ars LIMIT 1))
         RETURNING id`,
      );
      return { asUserId: id as string };
    },
    scenarios: [
      {
        scenario: 'catalogue sentence "Glasfaser für Unternehmen im Gewerbegebiet" + facets',
        query: CATALOGUE,
        variables: { filter: { search: 'Glasfaser für Unternehmen im Gewerbegebiet' } },
      },
      {
        scenario: 'catalogue "Portal" + facets',
        query: CATALOGUE,
        variables: { filter: { search: 'Portal' } },
      },
      {
        scenario: 'similar "Friedhofsverwaltungssoftware"',
        query: SIMILAR,
        variables: { title: 'Friedhofsverwaltungssoftware', summary: 'Grabstellen und Gebühren verwalten' },
      },
      {
        scenario: 'similar "Online-Beteiligung zum Haushalt"',
        query: SIMILAR,
        variables: {
          title: 'Online-Beteiligung zum Haushalt',
          summary: 'Bürgerinnen und Bürger schlagen Vorhaben vor',
        },
      },
      {
        scenario: 'search box "Glasfaser für Unternehmen" (all kinds)',
        query: EVERYTHING,
        variables: { text: 'Glasfaser für Unternehmen' },
      },
      {
        scenario: 'search box "Kaiserslautern" (all kinds)',
        query: EVERYTHING,
        variables: { text: 'Kaiserslautern' },
      },
    ],
    iterations: options.iterations,
  });
}

runIfMain(module, run);
