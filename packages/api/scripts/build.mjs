#!/usr/bin/env node
/**
 * `pnpm --filter @hub/api build`: emits `dist/` from `src/`, one JavaScript file (CommonJS, with its
 * source map) per TypeScript file, with esbuild. It only strips types (in about half a second,
 * where `tsc` takes six to nine); type checking is `pnpm typecheck`'s job, as it is in CI.
 *
 * esbuild emits no decorator metadata, so nothing in the API may depend on it: type-graphql and
 * TypeORM decorators name their types (`@Field(() => String)`, `@Column('text')`). `pnpm dev`, the
 * schema and migration checks and the tests' API processes run through tsx, which is esbuild too;
 * the crash test runs this build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

/** Every source file of the running API: not the tests (`*.test.ts`), not the benchmarks. */
function sources(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return full === path.join(src, 'bench') ? [] : sources(full);
      return entry.name.endsWith('.ts') && !/\.(test|d)\.ts$/.test(entry.name) ? [full] : [];
    })
    .sort();
}

const entryPoints = sources(src);
await build({
  entryPoints,
  outdir: dist,
  outbase: src,
  format: 'cjs',
  platform: 'node',
  target: 'es2022',
  sourcemap: true,
  tsconfig: path.join(root, 'tsconfig.build.json'),
  logLevel: 'warning',
});

// A file removed from src must not live on in dist (and be loaded by a stale import). Files are
// replaced in place, as tsc did, so a running API never finds its dist half empty.
const emitted = new Set(
  entryPoints.flatMap((file) => {
    const js = path.join(dist, path.relative(src, file)).replace(/\.ts$/, '.js');
    return [js, `${js}.map`];
  }),
);
function removeStale(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      removeStale(full);
      if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
    } else if (/\.js(\.map)?$/.test(entry.name) && !emitted.has(full)) fs.rmSync(full);
  }
}
removeStale(dist);
