/**
 * `pnpm bench`: every benchmark in turn, each on its own temporary database, printing latency
 * percentiles (p50/p95/p99 in ms). `pnpm bench directory` runs one.
 */
import 'reflect-metadata';

const benchmarks: Record<string, () => Promise<{ run(): Promise<unknown> }>> = {
  directory: () => import('./directory'),
  projects: () => import('./projects'),
  meetings: () => import('./meetings'),
};

async function main() {
  const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const names = wanted.length ? wanted : Object.keys(benchmarks);
  for (const name of names) {
    const load = benchmarks[name];
    if (!load) throw new Error(`unknown benchmark ${name}; known: ${Object.keys(benchmarks).join(', ')}`);
    console.log(`\n### ${name}`);
    const started = Date.now();
    await (await load()).run();
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
