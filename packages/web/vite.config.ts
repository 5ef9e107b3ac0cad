import { readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress as brotliCompressCallback, constants, gzip as gzipCallback } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { firstViewOperations } from './scripts/firstViewOperations';
import { graphqlDocumentImports } from './scripts/graphqlDocumentImports';
import { serverEntry } from './scripts/serverEntry';
import { catalogueVariables, NO_CATALOGUE_FILTERS } from './src/features/projects/catalogueQuery';
import { projectPaths } from './src/features/projects/projectPaths';
import { paths } from './src/paths';

const brotliCompress = promisify(brotliCompressCallback);
const gzip = promisify(gzipCallback);

const apiTarget = process.env.HUB_API_URL ?? 'http://localhost:4000';

/** Paths the API serves itself; in development the Vite server forwards them. */
const apiPaths = ['/graphql', '/auth', '/healthz', '/readyz', '/oparl', '/api'];

/** Text files worth compressing; fonts (woff2) are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|webmanifest)$/;

/**
 * Writes `file.br` (brotli, best) and `file.gz` (gzip, best) beside every compressible file of the
 * build (small ones too: every script then arrives compressed), once at build time, so that the
 * API serves them without compressing per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'hub-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    // Asynchronous, so the files are compressed in parallel on libuv's thread pool (most of the
    // build's last seconds are brotli's best quality on the vendor script and styles).
    async closeBundle() {
      const walk = (dir: string): string[] =>
        readdirSync(dir).flatMap((name) => {
          const file = path.join(dir, name);
          return statSync(file).isDirectory() ? walk(file) : [file];
        });
      await Promise.all(
        walk(outDir)
          .filter((f) => COMPRESSIBLE.test(f))
          .map(async (file) => {
            const content = await readFile(file);
            const [brotli, gzipped] = await Promise.all([
              brotliCompress(content, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                  [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
                },
              }),
              gzip(content, { level: 9 }),
            ]);
            await Promise.all([writeFile(`${file}.br`, brotli), writeFile(`${file}.gz`, gzipped)]);
          }),
      );
    },
  };
}

/** The WebSocket client and Apollo's link to it: loaded with the first subscription. */
const LIVE_LIBRARIES =
  /[\\/]node_modules[\\/](graphql-ws|@apollo[\\/]client[\\/]link[\\/]subscriptions)[\\/]/;
/** Apollo hooks only later pages call. */
const LATER_HOOKS = /[\\/]@apollo[\\/]client[\\/]react[\\/]hooks[\\/]useLazyQuery\./;

const generatedDir = fileURLToPath(new URL('./src/gql', import.meta.url));

// Use the shared package's TypeScript source, so the app needs no prior build of it and changes
// there reload in development.
const aliases = { '@hub/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) };

/** The catalogue's unfiltered first page: what a visitor of /markt or /projekte sees first. */
const catalogueFirstView = {
  operationName: 'ProjectsPage',
  variables: catalogueVariables(NO_CATALOGUE_FILTERS),
};

export default defineConfig({
  plugins: [
    graphqlDocumentImports(generatedDir),
    react(),
    // The shell's Session query and the page's own: the API answers them inside the page (firstView.ts).
    firstViewOperations(generatedDir, {
      [projectPaths.marketplace]: [{ operationName: 'Session', variables: {} }, catalogueFirstView],
      [paths.projects]: [
        { operationName: 'Session', variables: {} },
        { ...catalogueFirstView, viewerOnly: true },
      ],
    }),
    precompress(),
    // The same pages rendered on the server with those answers (src/entry-server.tsx).
    serverEntry(aliases),
  ],
  resolve: { alias: aliases },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, ws: path === '/graphql' }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The API serves dist/ as it is: source maps would publish the source in production.
    sourcemap: false,
    // The gzip column of the build's report costs half a second of a first start's CPU; the
    // precompress plugin writes the real compressed files (and the first-load test weighs them).
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            // The charting library only on the pages with charts (loaded with them, never at start); below
            // react, which the chart group would otherwise take along as a dependency.
            {
              name: 'charts',
              test: /[\\/]node_modules[\\/](chart\.js|react-chartjs-2|@kurkle)[\\/]/,
              priority: 20,
            },
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
              priority: 30,
            },
            // Every library the first load runs. Not what only comes later: the WebSocket client and
            // Apollo's link to it (below), and the hook only later pages call (useLazyQuery: exports,
            // previews), which goes with those pages' chunks.
            {
              name: 'vendor',
              test: (id: string) =>
                /[\\/]node_modules[\\/]/.test(id) && !LIVE_LIBRARIES.test(id) && !LATER_HOOKS.test(id),
              priority: 10,
            },
            // The WebSocket client only with the first subscription (live/lazyWsLink.ts). Below vendor,
            // so that the libraries the link builds on stay there instead of coming along into this
            // chunk (and with it into the first load).
            { name: 'live', test: LIVE_LIBRARIES, priority: 5 },
          ],
        },
      },
    },
  },
});
