/**
 * Latency of the municipality directory through the real HTTP server and schema: a page of 100
 * with Landkreis, member status and officer count, and name searches (prefix, umlaut, fuzzy).
 *   tsx src/bench/directory.ts            a temporary embedded PostgreSQL (deleted afterwards)
 *   DATABASE_URL=postgres://… tsx …       a scratch database on that server (dropped afterwards)
 * BENCH_ITERATIONS (default 200) requests per scenario after 20 warm-up requests. Prints p50, p95
 * and p99 in milliseconds; `run()` returns them for `pnpm bench`.
 */
import 'reflect-metadata';
import type { ScenarioResult } from './harness';
import { benchmark, runIfMain } from './harness';

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

/** Runs every scenario against a fresh database with the directory and the demo network. */
export function run(options: { iterations?: number; print?: boolean } = {}): Promise<ScenarioResult[]> {
  return benchmark({
    name: 'directory',
    demo: true,
    scenarios: SCENARIOS.map(({ scenario, variables }) => ({ scenario, query: DIRECTORY_PAGE, variables })),
    ...options,
  });
}

runIfMain(module, run);
