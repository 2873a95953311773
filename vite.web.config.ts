import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer alone, built for the web harness (npm run web) and the browser tests. `WEB_DIST`
 * moves the output (parallel work on one checkout must not rebuild each other's folder).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  build: { outDir: process.env['WEB_DIST'] ?? resolve(import.meta.dirname, 'dist-web'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
});
