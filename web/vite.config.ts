/**
 * Vite configuration of the web app. Paths are resolved from this file, not from the working directory, so the
 * same config serves `vite build --config web/vite.config.ts` from the repository root and the Fastify server's
 * `createServer({ configFile: 'web/vite.config.ts', server: { middlewareMode: true } })` in development.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  appType: 'spa',
  plugins: [react()],
  // postcss.config.cjs lives beside this file; Vite looks it up from `root`.
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // Mantine, React, TanStack (Router, Query, Table, Virtual) and the icons weigh ~850 kB minified in the vendor chunk, which
    // is fine for a back-office app cached across releases; warn only if it grows well past that.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases. The phone-number
        // metadata (~300 kB) changes on its own schedule, so it gets a chunk of its own.
        codeSplitting: {
          groups: [
            { name: 'phone-metadata', test: /node_modules[\\/]libphonenumber-js/, priority: 2 },
            // The charting library (recharts and what only it uses, ~500 kB) stays out of the vendor chunk: it comes
            // with the lazily loaded charts of the pages that draw them.
            {
              name: 'vendor',
              test: /node_modules[\\/](?!(recharts|@mantine[\\/]charts[\\/]esm|d3-[a-z-]+|internmap|victory-vendor|decimal\.js-light|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|es-toolkit|eventemitter3)[\\/])/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
