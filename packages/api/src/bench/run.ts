/**
 * `pnpm bench`: every benchmark in turn, each on its own temporary database, printing latency
 * percentiles (p50/p95/p99 in ms). `pnpm bench directory` runs one; `pnpm bench throughput` puts
 * the hub against the floor server under concurrent load (see throughput.ts); `pnpm bench first-view` times the first
 * project cards in Chromium against plain HTML (see first-view.ts); `pnpm bench load` puts
 * concurrent mixed load on the API in its production profile (see load.ts).
 */
import 'reflect-metadata';

import { run as dashboards } from './dashboards';
import { run as directory } from './directory';
import { run as discussions } from './discussions';
import { run as firstView } from './first-view';
import { run as load } from './load';
import { run as meetings } from './meetings';
import { run as notifications } from './notifications';
import { run as privacy } from './privacy';
import { run as projects } from './projects';
import { run as reports } from './reports';
import { run as resetTiming } from './reset-timing';
import { run as search } from './search';
import { run as throughput } from './throughput';

const benchmarks: Record<string, () => Promise<unknown>> = {
  throughput,
  'first-view': firstView,
  directory,
  projects,
  meetings,
  dashboards,
  search,
  discussions,
  notifications,
  privacy,
  reports,
  load,
  'reset-timing': resetTiming,
};

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(benchmarks);
  for (const name of names) {
    const run = benchmarks[name];
    if (!run) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benchmarks).join(', ')}`);
    console.log(`\n### ${name}`);
    const started = Date.now();
    await run();
    console.log(`(${name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
