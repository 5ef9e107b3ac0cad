/**
 * Latency of the project catalogue through the real HTTP server and schema, on 10,000+ projects:
 * a catalogue page of 50 (lead municipality, participants, latest status update, adopter count),
 * a faceted full-text search, and the similar-projects query the create form calls while typing.
 *   tsx src/bench/projects.ts            a temporary embedded PostgreSQL (deleted afterwards)
 *   DATABASE_URL=postgres://… tsx …       a scratch database on that server (dropped afterwards)
 * BENCH_PROJECTS (default 10000), BENCH_ITERATIONS (default 200) requests per scenario after 20
 * warm-up requests. Prints p50, p95 and p99 in milliseconds; `run()` returns them.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { ScenarioResult } from './harness';
import { benchmark, runIfMain } from './harness';

/** The catalogue page of 50 that the throughput benchmark also asks the floor server for. */
export const CATALOGUE = `query ProjectsBench($first: Int, $after: String, $filter: ProjectFilter, $sort: ProjectSort) {
  projects(first: $first, after: $after, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id title summary category phase adoptionCount progressPercent
      leadMunicipality { id name district { name } }
      participants { role municipality { id name } }
      latestStatusUpdate { reportedOn progressPercent } } }
  }
}`;

const FACETED = `query ProjectFacetsBench($filter: ProjectFilter) {
  projects(first: 20, filter: $filter) { totalCount edges { node { id title leadMunicipality { name } } } }
  projectFacets(filter: $filter) {
    categories { value count } phases { value count } districts { district { name } count }
    openSource { value count } hasCosts { value count } reusable { value count }
  }
}`;

const SIMILAR = `query SimilarBench($title: String!, $summary: String, $category: ProjectCategory) {
  similarProjects(title: $title, summary: $summary, category: $category) { score project { id title } }
}`;

const SCENARIOS: { scenario: string; query: string; variables: Record<string, unknown> }[] = [
  { scenario: 'catalogue page (50, newest)', query: CATALOGUE, variables: { first: 50 } },
  {
    scenario: 'catalogue page (50, most adopted)',
    query: CATALOGUE,
    variables: { first: 50, sort: 'MOST_ADOPTED' },
  },
  {
    scenario: 'facet search "Portal" + 2 categories',
    query: FACETED,
    variables: { filter: { search: 'Portal', categories: ['CITIZEN_SERVICES', 'EDUCATION_CHILDCARE'] } },
  },
  {
    // Nothing matches exactly: the fuzzy title match (trigram index) takes over.
    scenario: 'facet search typo "Kitaportl"',
    query: FACETED,
    variables: { filter: { search: 'Kitaportl' } },
  },
  {
    scenario: 'facets, open source + reusable',
    query: FACETED,
    variables: { filter: { openSource: true, reusable: true } },
  },
  {
    scenario: 'similar "Smarte Straßenbeleuchtung"',
    query: SIMILAR,
    variables: {
      title: 'Smarte Straßenbeleuchtung',
      summary: 'LED-Leuchten mit Sensoren',
      category: 'INFRASTRUCTURE_NETWORKS',
    },
  },
  {
    scenario: 'similar "Kitaportal" (typo, title only)',
    query: SIMILAR,
    variables: { title: 'Digitales Kitaportal' },
  },
];

const PREFIXES = [
  'Digitales',
  'Smartes',
  'Intelligentes',
  'Vernetztes',
  'Offenes',
  'Mobiles',
  'Regionales',
  'Gemeinsames',
];
const SUBJECTS = [
  'Bürgerportal',
  'Kita-Portal',
  'Parkleitsystem',
  'Lichtmastennetz',
  'Ratsinformationssystem',
  'Wiki',
  'Mängelmelder',
  'Terminbuchung',
  'Schulportal',
  'Energiemonitoring',
  'Feuerwehr-Alarmierung',
  'Bürgerbus',
  'Glasfasernetz',
  'Tourismusportal',
  'Pflegeplattform',
  'Gründerzentrum',
  'Hochwasserwarnsystem',
  'Friedhofsverwaltung',
  'Bibliotheksportal',
  'E-Scooter-Verleih',
];
const SUMMARIES = [
  'Online-Anträge und Terminbuchung für Bürgerinnen und Bürger',
  'LED-Straßenbeleuchtung mit Sensoren für Verkehr und Umwelt',
  'Freie Parkplätze in Echtzeit per App',
  'Anmeldung und Platzvergabe für Kindertagesstätten',
  'Vernetzung von Vereinen und Ehrenamt im ländlichen Raum',
  'Messung von Pegelständen und Warnung der Bevölkerung',
  'Digitale Akten und Workflows in der Verwaltung',
  'Besucherlenkung und Veranstaltungskalender für die Region',
];

/**
 * Bulk-inserts `count` projects with participants, costs, status updates and adoptions in a few
 * statements; demo projects already there (a benchmark on the demo network) are left alone.
 */
export async function seedBenchProjects(dataSource: DataSource, count: number): Promise<void> {
  await dataSource.query(
    `WITH ms AS (SELECT array_agg(id ORDER BY ars) AS ids, array_agg(name ORDER BY ars) AS names, count(*)::int AS n FROM municipality)
     INSERT INTO project (title, summary, description, description_html, category, phase, status, lead_municipality_id,
                          solution_open_source, solution_product, published_at, created_at, updated_at)
     SELECT ($2::text[])[1 + i % array_length($2::text[], 1)] || ' ' || ($3::text[])[1 + (i / 8) % array_length($3::text[], 1)] || ' ' || ms.names[1 + (i * 7919) % ms.n],
            ($4::text[])[1 + (i / 3) % array_length($4::text[], 1)],
            'Projektbeschreibung ' || i || ': ' || ($4::text[])[1 + (i / 5) % array_length($4::text[], 1)],
            '<p>Projektbeschreibung</p>',
            (enum_range(NULL::project_category))[1 + i % 10],
            (enum_range(NULL::project_phase))[1 + (i / 10) % 7],
            CASE WHEN i % 10 = 0 THEN 'DRAFT'::project_status ELSE 'PUBLISHED'::project_status END,
            ms.ids[1 + (i * 7919) % ms.n],
            CASE i % 3 WHEN 0 THEN TRUE WHEN 1 THEN FALSE ELSE NULL END,
            'Produkt ' || (i % 50),
            now() - make_interval(mins => i), now() - make_interval(mins => i), now() - make_interval(mins => i % 997)
       FROM generate_series(1, $1::int) AS i, ms`,
    [count, PREFIXES, SUBJECTS, SUMMARIES],
  );
  await dataSource.query(
    `INSERT INTO project_participant (project_id, municipality_id, role) SELECT id, lead_municipality_id, 'LEAD' FROM project WHERE NOT is_demo`,
  );
  await dataSource.query(
    `WITH ms AS (SELECT array_agg(id ORDER BY ars) AS ids, count(*)::int AS n FROM municipality),
          numbered AS (SELECT id, lead_municipality_id, row_number() OVER (ORDER BY created_at) AS i FROM project WHERE NOT is_demo)
     INSERT INTO project_participant (project_id, municipality_id, role)
     SELECT p.id, ms.ids[1 + (p.i * 104729) % ms.n], 'PARTNER' FROM numbered p, ms
      WHERE p.i % 2 = 0 AND ms.ids[1 + (p.i * 104729) % ms.n] <> p.lead_municipality_id`,
  );
  await dataSource.query(
    `INSERT INTO project_cost (project_id, position, label, cost_type, recurrence, amount_cents, currency)
     SELECT id, k, 'Posten ' || k, (enum_range(NULL::project_cost_type))[1 + k], CASE WHEN k = 0 THEN 'ONE_OFF'::project_cost_recurrence ELSE 'YEARLY'::project_cost_recurrence END,
            (abs(hashtext(id::text)) % 10000000) + 1000, 'EUR'
       FROM project, generate_series(0, 1) AS k WHERE NOT is_demo AND abs(hashtext(id::text)) % 10 < 7`,
  );
  await dataSource.query(
    `INSERT INTO project_status_update (project_id, reported_on, phase, progress_percent, text)
     SELECT id, DATE '2025-01-01' + k * 90, phase::text::project_status_update_phase, LEAST(100, 20 + k * 30), 'Sachstand ' || k FROM project, generate_series(0, 1) AS k WHERE NOT is_demo`,
  );
  // Every tenth published project is an adoption of an older one.
  await dataSource.query(
    `WITH numbered AS (SELECT id, row_number() OVER (ORDER BY created_at DESC) AS i FROM project WHERE status = 'PUBLISHED' AND NOT is_demo)
     UPDATE project p SET origin_project_id = o.id, estimated_saving_cents = 500000
       FROM numbered a JOIN numbered o ON o.i = a.i / 20 + 1
      WHERE p.id = a.id AND a.i % 10 = 0 AND a.i > 20`,
  );
  await dataSource.query(
    `UPDATE project p SET adoption_count = c.n FROM (SELECT origin_project_id AS id, count(*) AS n FROM project WHERE origin_project_id IS NOT NULL GROUP BY 1) c WHERE c.id = p.id`,
  );
  await dataSource.query('ANALYZE');
}

/** Seeds the projects and runs every scenario against a fresh database. */
export function run(
  options: { iterations?: number; projects?: number; print?: boolean } = {},
): Promise<ScenarioResult[]> {
  const projects = options.projects ?? Number(process.env.BENCH_PROJECTS ?? 10_000);
  return benchmark({
    name: 'projects',
    demo: false,
    async prepare(dataSource) {
      const seeding = Date.now();
      await seedBenchProjects(dataSource, projects);
      const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM project');
      if (options.print !== false) console.log(`seeded ${n} projects in ${Date.now() - seeding} ms`);
      return {};
    },
    scenarios: SCENARIOS,
    iterations: options.iterations,
    print: options.print,
  });
}

runIfMain(module, run);
