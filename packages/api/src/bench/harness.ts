/**
 * What every benchmark shares: a scratch database (on DATABASE_URL's server, or a temporary
 * embedded PostgreSQL), the real HTTP server and schema, warm-up, timing and percentiles.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { startEmbeddedPostgres } from '../db/embedded';
import { logger } from '../logger';
import { createSession } from '../modules/auth/session.service';
import { type App, createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { explainStatements, StatementRecorder } from './statement-plans';

export interface ScenarioResult {
  scenario: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  /** The floor's percentiles of the same run, when the benchmark has a floor. */
  floor?: { p50: number; p95: number; p99: number };
}

export interface Scenario {
  scenario: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Sends this scenario's requests as this user instead of the prepared one. */
  asUserId?: string;
  /** Runs before each of the scenario's requests, untimed (e.g. forgetting remembered results). */
  beforeEach?: (app: App) => void;
}

export interface Prepared {
  /** Requests are sent as this user (a session is created); anonymous when absent. */
  asUserId?: string;
}

export interface BenchmarkOptions<P extends Prepared> {
  /** Names the scratch database. */
  name: string;
  /** Load the demo network (directory, members, demo users and projects). */
  demo: boolean;
  /** Seeds the data to measure on; runs after migrations and the directory. */
  prepare?: (dataSource: DataSource) => Promise<P>;
  scenarios: Scenario[] | ((prepared: P) => Scenario[]);
  /**
   * The least request of the same kind (same server, session and GraphQL pipeline, next to no
   * SQL), sent alternately with every timed request of every scenario, so that a loaded machine
   * slows both alike and the ratio to the floor stays comparable between runs.
   */
  floor?: Omit<Scenario, 'scenario'>;
  iterations?: number;
  print?: boolean;
}

const WARM_UP = 20;

export function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 100) / 100;
}

/** Runs `work` on a fresh database (on DATABASE_URL's server, or a temporary embedded one), dropped afterwards. */
export async function withScratchDatabase<T>(name: string, work: (url: string) => Promise<T>): Promise<T> {
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
  const scratch = `hub_bench_${name}_${process.pid}`;
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

/** Seeds, starts the API, sends each scenario's query (warm-up, then timed) and reports percentiles. */
export async function benchmark<P extends Prepared>(options: BenchmarkOptions<P>): Promise<ScenarioResult[]> {
  const iterations = options.iterations ?? Number(process.env.BENCH_ITERATIONS ?? 200);
  const print = options.print !== false;
  const log = logger.child({}, { level: 'warn' });
  return withScratchDatabase(options.name, async (databaseUrl) => {
    // Seeding 10,000 projects (vectors, compound parts) outlasts the API's statement timeout on a loaded machine.
    // BENCH_EXPLAIN=1: after each scenario, one more request whose statements run again under
    // EXPLAIN ANALYZE (BENCH_EXPLAIN=plans also prints the slowest one's plan).
    const recorder = process.env.BENCH_EXPLAIN ? new StatementRecorder() : undefined;
    const dataSource = createDataSource({
      url: databaseUrl,
      limits: { statementTimeoutMs: 600_000 },
      queryCounter: recorder,
    });
    await dataSource.initialize();
    const config = {
      ...loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv),
      databaseUrl,
      webDist: '/nonexistent',
    };
    const app = await createApp({ config, dataSource, log });
    try {
      await prepareDatabase(dataSource, { demo: options.demo, log });
      const prepared = (options.prepare ? await options.prepare(dataSource) : {}) as P;
      await dataSource.query('ANALYZE');
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
      const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-hub-csrf': '1' };
      const sessions = new Map<string, string>();
      const headersAs = async (userId: string | undefined) => {
        if (!userId) return headers;
        if (!sessions.has(userId))
          sessions.set(userId, (await createSession(dataSource.manager, userId)).token);
        return { ...headers, cookie: `hub_session=${sessions.get(userId)}` };
      };
      const request = async ({ query, variables, asUserId }: Scenario) => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: await headersAs(asUserId ?? prepared.asUserId),
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (body.errors) throw new Error(`bench query failed: ${JSON.stringify(body.errors)}`);
      };
      const scenarios =
        typeof options.scenarios === 'function' ? options.scenarios(prepared) : options.scenarios;
      const results: ScenarioResult[] = [];
      const timed = async (scenario: Omit<Scenario, 'scenario'>): Promise<number> => {
        scenario.beforeEach?.(app);
        const started = process.hrtime.bigint();
        await request(scenario as Scenario);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const percentiles = (timings: number[]) => {
        timings.sort((a, b) => a - b);
        return { p50: percentile(timings, 50), p95: percentile(timings, 95), p99: percentile(timings, 99) };
      };
      for (const scenario of scenarios) {
        // The floor is asked as the scenario's user: the same session lookup.
        const floor = options.floor && {
          ...options.floor,
          asUserId: options.floor.asUserId ?? scenario.asUserId,
        };
        for (let i = 0; i < WARM_UP; i++) {
          await request(scenario);
          if (floor) await request(floor as Scenario);
        }
        const timings: number[] = [];
        const floorTimings: number[] = [];
        for (let i = 0; i < iterations; i++) {
          // Alternating, the floor first every other time, so neither always runs on a warmer cache.
          if (floor && i % 2 === 0) floorTimings.push(await timed(floor));
          timings.push(await timed(scenario));
          if (floor && i % 2 === 1) floorTimings.push(await timed(floor));
        }
        const result: ScenarioResult = {
          scenario: scenario.scenario,
          requests: iterations,
          ...percentiles(timings),
          ...(floor ? { floor: percentiles(floorTimings) } : {}),
        };
        results.push(result);
        if (print) {
          const versus = result.floor
            ? `  | floor p50 ${result.floor.p50} ms  p95 ${result.floor.p95} ms  | p95 ratio ${(result.p95 / result.floor.p95).toFixed(1)}×`
            : '';
          console.log(
            `${result.scenario.padEnd(48)} p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms  (${iterations} requests)${versus}`,
          );
        }
        if (recorder) {
          scenario.beforeEach?.(app);
          await explainStatements(
            dataSource,
            scenario.scenario,
            await recorder.record(() => request(scenario)),
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

/** Lets a benchmark file run on its own with tsx. */
export function runIfMain(module: NodeModule, run: () => Promise<unknown>): void {
  if (require.main === module) {
    run().catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
  }
}
