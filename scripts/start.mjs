#!/usr/bin/env node
/**
 * `pnpm start`: builds only when the sources changed since the last build (a content hash of every
 * source, config and lock file, kept beside the build), then starts the API in its production
 * profile. A fresh clone has no build yet and builds once; a restart with an unchanged tree starts
 * at once. `API_PROCESSES=<n>` is passed on to the API (several processes on one port).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'packages', 'api', 'dist', '.source-hash');

/** What the build reads: the packages' sources and configs, the root configs and the lock file. */
const inputs = [
  'package.json',
  'pnpm-lock.yaml',
  'tsconfig.json',
  ...['shared', 'web', 'api'].flatMap((name) => [
    `packages/${name}/src`,
    `packages/${name}/package.json`,
    `packages/${name}/tsconfig.json`,
    `packages/${name}/tsconfig.build.json`,
    `packages/${name}/index.html`,
    `packages/${name}/vite.config.ts`,
    `packages/${name}/public`,
  ]),
];

function files(entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files)) {
    hash.update(file);
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

const built = ['packages/shared/dist', 'packages/web/dist/index.html', 'packages/api/dist/main.js'].every(
  (p) => fs.existsSync(path.join(root, p)),
);
const current = sourceHash();
const previous = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : null;
if (!built || previous !== current) {
  console.log(built ? 'Sources changed since the last build: building …' : 'No build yet: building …');
  // The pnpm that runs this script (a JavaScript file or pnpm's own executable), else the one on PATH.
  const pnpm = process.env.npm_execpath;
  const build = pnpm?.match(/\.[cm]?js$/)
    ? spawnSync(process.execPath, [pnpm, 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync(pnpm || 'pnpm', ['build'], {
        cwd: root,
        stdio: 'inherit',
        shell: process.platform === 'win32',
      });
  if (build.error) console.error(`Could not run the build: ${build.error.message}`);
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(stamp, `${current}\n`);
}

const api = spawn(process.execPath, ['packages/api/dist/main.js', '--production'], {
  cwd: root,
  stdio: 'inherit',
});
// Ctrl+C reaches the API through the terminal's process group; a plain `kill` of this process is passed on.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => api.kill(signal));
process.on('SIGINT', () => undefined);
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
