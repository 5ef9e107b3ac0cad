#!/usr/bin/env node
/**
 * `pnpm start`: builds only when the sources changed since the last build (a content hash of every
 * source, build script, config and lock file, kept beside the build), then starts the API in its
 * production profile. A fresh clone has no build yet and builds once; a restart with an unchanged
 * tree starts at once. `API_PROCESSES=<n>` is passed on to the API (several processes on one port).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { files, sourceStamp } from './source-stamp.mjs';

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
    `packages/${name}/scripts`,
  ]),
];

const built = [
  'packages/shared/dist',
  'packages/web/dist/index.html',
  'packages/web/dist-server/entry-server.cjs',
  'packages/api/dist/main.js',
].every((p) => fs.existsSync(path.join(root, p)));
const sources = sourceStamp(root, inputs, stamp);

/** Runs a package's own `build` script (as pnpm would, without pnpm's start-up), output prefixed. */
function buildPackage(name, args = '') {
  const dir = path.join(root, 'packages', name);
  const script = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).scripts.build;
  const bins = [path.join(dir, 'node_modules', '.bin'), path.join(root, 'node_modules', '.bin')];
  const child = spawn(`${script} ${args}`, {
    cwd: dir,
    shell: true,
    // A process group of its own, so that stopping the build stops the shell's children too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: [...bins, process.env.PATH].join(path.delimiter) },
  });
  for (const stream of [child.stdout, child.stderr])
    readline
      .createInterface({ input: stream })
      .on('line', (line) => console.log(`packages/${name} build: ${line}`));
  const done = new Promise((resolve) =>
    child.on('close', (code) => {
      if (code !== 0) console.error(`packages/${name} build failed (exit ${code}).`);
      resolve(code === 0);
    }),
  );
  return { child, done };
}

/**
 * The shared package's build is current when its incremental build information (tsc writes it into
 * dist/ at the end of a build, as the install's own build did) is newer than every file the build
 * reads (the lock file for the compiler's version): then the build would change nothing, and the
 * API need not wait the ~1 s tsc takes to find that out (on a fresh clone, beside the web build,
 * more).
 */
function sharedBuildIsCurrent() {
  const info = path.join(root, 'packages', 'shared', 'dist', '.tsbuildinfo');
  if (!fs.existsSync(info)) return false;
  const built = fs.statSync(info).mtimeMs;
  const read = [
    'pnpm-lock.yaml',
    'tsconfig.json',
    'packages/shared/src',
    'packages/shared/package.json',
    'packages/shared/tsconfig.json',
  ];
  return read
    .flatMap((entry) => files(root, entry))
    .every((file) => fs.statSync(path.join(root, file)).mtimeMs < built);
}

/**
 * The API's build in one file (packages/api/scripts/build.mjs), which loads faster than the files it
 * is made of: what a restart runs. A build from changed sources makes only the files (the API can
 * start half a second after the build began instead of two); the bundle is made afterwards, at low
 * priority, when the hub is up.
 */
const API = 'packages/api/dist/main.js';
const bundle = 'packages/api/dist/main.bundle.js';
/** The API with --production: from the bundle when there is one, else from its files. */
const production = () => [fs.existsSync(path.join(root, bundle)) ? bundle : API, '--production'];
// The API runs in a process group of its own (with the PostgreSQL it starts), so that a Ctrl+C in the
// terminal reaches it only through this process: the terminal's SIGINT used to reach its PostgreSQL
// too, which then cut the API's connections while the API was still finishing its requests.
let api;
/**
 * The bundle's build, when there is none (see `bundle`), once the API reports that the hub is up: a
 * bundle built beside a start from the files made that start 2.7–2.9 s instead of 1.9–2.2 s.
 */
let bundling = null;
const bundleOnceUp = (message) => {
  if (message?.hub === 'up' && !bundling && !fs.existsSync(path.join(root, bundle)))
    bundling = buildPackage('api', '--bundle');
};
/** Stops a build's process group, when it still runs. */
function stopBuild(build) {
  const child = build?.child;
  if (child && child.exitCode === null && child.signalCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // The build ended meanwhile.
    }
  }
}
/** Stops builds still running (the web app's, when the API started before it was built; the bundle's). */
let stopBuilds = () => stopBuild(bundling);
if (built && sources.current) {
  if (sources.signatureChanged) sources.save();
  api = spawn(process.execPath, production(), {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    detached: true,
  });
} else {
  // The three builds need nothing from each other (the web app reads the shared package's sources,
  // esbuild strips the API's types without reading any), so they run at once. The API starts as soon
  // as it and the shared package are built and prepares the database (a new cluster, migrations,
  // the directory, the search vocabulary, the demo network) while the web app is still building;
  // it opens its port when told the web build is done.
  console.log(built ? 'Sources changed since the last build: building …' : 'No build yet: building …');
  const names = sharedBuildIsCurrent() ? ['api', 'web'] : ['shared', 'api', 'web'];
  const builds = Object.fromEntries(
    names.map((name) => [name, buildPackage(name, name === 'api' ? '--files' : '')]),
  );
  builds.shared ??= { child: null, done: Promise.resolve(true) };
  stopBuilds = () => {
    for (const build of [...Object.values(builds), bundling]) stopBuild(build);
  };
  // Until the API runs, a stop (Ctrl+C included: the builds are in groups of their own) stops the builds.
  const stopBeforeApi = () => {
    stopBuilds();
    process.exit(1);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, stopBeforeApi);
  if (!((await builds.shared.done) && (await builds.api.done))) stopBeforeApi();
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.off(signal, stopBeforeApi);
  api = spawn(process.execPath, production(), {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, HUB_WEB_BUILD: 'pending' },
    detached: true,
  });
  api.on('exit', stopBuilds);
  builds.web.done.then((ok) => {
    if (ok) sources.save();
    if (api.connected) api.send({ webBuild: ok ? 'done' : 'failed' });
  });
}
api.on('message', bundleOnceUp);

// Ctrl+C and a plain `kill` of this process are passed on to the API, which stops in order.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    stopBuilds();
    api.kill(signal);
  });
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
