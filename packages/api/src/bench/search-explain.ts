/**
 * Where the search box's time goes: seeds like `pnpm bench search`, sends the search box's query
 * once (as an officer), then EXPLAIN (ANALYZE, BUFFERS) for each statement it ran, with its
 * parameters. `tsx src/bench/search-explain.ts [text]`; BENCH_PROJECTS (default 10000).
 */
import 'reflect-metadata';
import type { Logger } from 'typeorm';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { logger } from '../logger';
import { createSession } from '../modules/auth/session.service';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { clearSearchPlanCache } from '../text-search/search-terms';
import { withScratchDatabase } from './harness';
import { seedBenchProjects } from './projects';
import { LABELLED_PROJECTS } from './search-labelled';

const statements: { query: string; parameters: unknown[] }[] = [];
let recording = false;
const recorder: Logger = {
  logQuery: (query, parameters) => {
    if (recording) statements.push({ query, parameters: Array.isArray(parameters) ? parameters : [] });
  },
  logQueryError: () => {},
  logQuerySlow: () => {},
  logSchemaBuild: () => {},
  logMigration: () => {},
  log: () => {},
};

async function main() {
  const text = process.argv[2] ?? 'Glasfaser für Unternehmen';
  const projects = Number(process.env.BENCH_PROJECTS ?? 10_000);
  await withScratchDatabase('explain', async (url) => {
    const dataSource = createDataSource({ url, limits: { statementTimeoutMs: 600_000 } });
    Object.assign(dataSource, { logger: recorder });
    await dataSource.initialize();
    const log = logger.child({}, { level: 'warn' });
    const config = {
      ...loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv),
      databaseUrl: url,
      webDist: '/nonexistent',
    };
    const app = await createApp({ config, dataSource, log });
    try {
      await prepareDatabase(dataSource, { demo: false, log });
      await dataSource.query(
        `INSERT INTO project (title, summary, description, description_html, category, phase, status, lead_municipality_id, published_at)
         SELECT t.title, t.summary, '', '', 'ADMINISTRATION', 'PILOT', 'PUBLISHED', (SELECT id FROM municipality ORDER BY ars LIMIT 1), now()
           FROM unnest($1::text[], $2::text[]) AS t(title, summary)`,
        [LABELLED_PROJECTS.map((p) => p.title), LABELLED_PROJECTS.map((p) => p.summary)],
      );
      await seedBenchProjects(dataSource, projects);
      const [{ id }] = await dataSource.query(
        `INSERT INTO app_user (email, name, role, status, municipality_id)
         VALUES ('bench-officer@example.org', 'Bench Officer', 'OFFICER', 'ACTIVE', (SELECT id FROM municipality ORDER BY ars LIMIT 1))
         RETURNING id`,
      );
      await dataSource.query('ANALYZE');
      clearSearchPlanCache();
      const { token } = await createSession(dataSource.manager, id);
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const send = () =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-csrf': '1', cookie: `hub_session=${token}` },
          body: JSON.stringify({
            query: 'query($text: String!) { search(text: $text) { kind totalCount hits { nodeId } } }',
            variables: { text },
          }),
        }).then((r) => r.json());
      await send(); // the plan is cached from now on, as in the bench's timed requests
      recording = true;
      console.log(JSON.stringify(await send()).slice(0, 400));
      recording = false;
      for (const { query, parameters } of statements) {
        console.log(`\n=== ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
        const plan: { 'QUERY PLAN': string }[] = await dataSource.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${query}`,
          parameters as unknown[],
        );
        console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
      }
    } finally {
      await app.stop();
      await dataSource.destroy();
    }
  });
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
