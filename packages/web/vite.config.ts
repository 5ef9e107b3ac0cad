import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.HUB_API_URL ?? 'http://localhost:4000';

/** Paths the API serves itself; in development the Vite server forwards them. */
const apiPaths = ['/graphql', '/auth', '/healthz', '/readyz', '/oparl', '/api'];

export default defineConfig({
  plugins: [react()],
  resolve: {
    // Use the shared package's TypeScript source, so the app needs no prior build of it and
    // changes there reload in development.
    alias: {
      '@hub/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(apiPaths.map((path) => [path, { target: apiTarget, ws: path === '/graphql' }])),
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The API serves dist/ as it is: source maps would publish the source in production.
    sourcemap: false,
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
            { name: 'vendor', test: /[\\/]node_modules[\\/]/ },
          ],
        },
      },
    },
  },
});
