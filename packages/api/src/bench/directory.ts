/**
 * Latency of the municipality directory through the real HTTP server and schema: a page of 100
 * with Landkreis, member status and officer count, and name searches (prefix, umlaut, fuzzy).
 *   tsx src/bench/directory.ts            a temporary embedded PostgreSQL (deleted afterwards)
 *   DATABASE_URL=postgres://… tsx …       a scratch database on that server (dropped afterwards)
 * BENCH_ITERATIONS (default 200) requests per scenario after 20 warm-up requests. Prints p50, p95
 * and p99 in milliseconds; `run()` returns them for `pnpm bench`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { startEmbeddedPostgres } from '../db/embedded';
import { logger } from '../logger';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';

export interface ScenarioResult {
  scenario: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
}

const DIRECTORY_PAGE = `query DirectoryBench($first: Int, $filter: MunicipalityFilter, $sort: MunicipalitySort) {
  municipalities(first: $first, filter: $filter, sort: $sort) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name kind population district { id name } networkMember membership { status } officerCount } }
  }
}`;

const SCENARIOS: { scenario: string; variables: Record<string, unknown> }[] = [
  { scenario: 'directory page (100, by name)', variables: { first: 100 } },
  { scenario: 'directory page (100, by population)', variables: { first: 100, sort: 'POPULATION' } },
  { scenario: 'members only (100)', variables: { first: 100, filter: { networkMember: true } } },
  {
    scenario: 'search "bruchmuehlbach" (umlaut typed as ue)',
    variables: { first: 20, filter: { search: 'bruchmuehlbach' } },
  },
  { scenario: 'search "zell" (word in name)', variables: { first: 20, filter: { search: 'zell' } } },
  {
    scenario: 'search "kaiserlautern" (typo)',
    variables: { first: 20, filter: { search: 'kaiserlautern' } },
  },
  { scenario: 'search "bach" (many matches)', variables: { first: 100, filter: { search: 'bach' } } },
];

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 100) / 100;
}

async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  let stop = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
    fs.chmodSync(dir, 0o777);
    const embedded = await startEmbeddedPostgres(dir, 55000 + Math.floor(Math.random() * 1000), logger);
    serverUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const scratch = `hub_bench_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.query(`CREATE DATABASE ${scratch}`);
    const url = new URL(serverUrl);
    url.pathname = `/${scratch}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
    await stop();
  }
}

/** Runs every scenario against a fresh database with the directory and the demo network. */
export async function run(options: { iterations?: number; print?: boolean } = {}): Promise<ScenarioResult[]> {
  const iterations = options.iterations ?? Number(process.env.BENCH_ITERATIONS ?? 200);
  const log = logger.child({}, { level: 'warn' });
  return withDatabase(async (databaseUrl) => {
    const dataSource = createDataSource({ url: databaseUrl });
    await dataSource.initialize();
    const config = {
      ...loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv),
      databaseUrl,
      webDist: '/nonexistent',
    };
    const app = await createApp({ config, dataSource, log });
    try {
      await prepareDatabase(dataSource, { demo: true, log });
      await dataSource.query('ANALYZE');
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
      const { port } = app.server.address() as AddressInfo;
      const endpoint = `http://127.0.0.1:${port}/graphql`;
      const request = async (variables: Record<string, unknown>) => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-csrf': '1' },
          body: JSON.stringify({ query: DIRECTORY_PAGE, variables }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
      };
      const results: ScenarioResult[] = [];
      for (const { scenario, variables } of SCENARIOS) {
        for (let i = 0; i < 20; i++) await request(variables);
        const timings: number[] = [];
        for (let i = 0; i < iterations; i++) {
          const started = process.hrtime.bigint();
          await request(variables);
          timings.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
        timings.sort((a, b) => a - b);
        const result = {
          scenario,
          requests: iterations,
          p50: percentile(timings, 50),
          p95: percentile(timings, 95),
          p99: percentile(timings, 99),
        };
        results.push(result);
        if (options.print !== false) {
          console.log(
            `${scenario.padEnd(48)} p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  (${iterations} requests)`,
          );
        }
      }
      return results;
    } finally {
      await app.stop();
      await dataSource.destroy();
    }
  });
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
