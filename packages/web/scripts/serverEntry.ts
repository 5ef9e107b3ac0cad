import path from 'node:path';
import { type BuildResult, build } from 'esbuild';
import type { Plugin } from 'vite';

/** Where the build puts the server's half of a first view (src/entry-server.tsx), for the API. */
export const SERVER_ENTRY_FILE = path.join('dist-server', 'entry-server.cjs');

/**
 * Bundles src/entry-server.tsx with everything it imports into one CommonJS file for Node, beside the
 * web app's build (not inside dist/, which is published): the API requires it to render a first view
 * (packages/api/src/server/first-view.ts). esbuild runs while Vite builds the app; styles are the
 * browser's business and stay out.
 */
export function serverEntry(aliases: Record<string, string>): Plugin {
  let root = '';
  let bundled: Promise<BuildResult> | null = null;
  return {
    name: 'hub-server-entry',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      bundled = build({
        entryPoints: [path.join(root, 'src', 'entry-server.tsx')],
        outfile: path.join(root, SERVER_ENTRY_FILE),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        jsx: 'automatic',
        minify: true,
        alias: aliases,
        loader: { '.css': 'empty' },
        define: { 'process.env.NODE_ENV': '"production"' },
        logLevel: 'warning',
      });
      // Awaited in closeBundle; a failure surfaces there.
      bundled.catch(() => {});
    },
    async closeBundle() {
      await bundled;
    },
  };
}
