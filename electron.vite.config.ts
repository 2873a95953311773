import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const alias = { '@shared': resolve(import.meta.dirname, 'shared') };

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // lowdb and steno are ESM-only: bundle them into the CommonJS main process. esbuild only
      // bundles workers when run from source (main/server/workers/off-thread.ts), never in the app.
      externalizeDeps: { exclude: ['lowdb', 'steno'], include: ['esbuild'] },
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'main/electron/index.ts'),
          // Worker threads load their own script beside index.cjs (main/server/workers/off-thread.ts).
          'read-sheets-worker': resolve(import.meta.dirname, 'main/server/workers/read-sheets-worker.ts'),
          'workbook-worker': resolve(import.meta.dirname, 'main/server/workers/workbook-worker.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { preload: resolve(import.meta.dirname, 'main/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    plugins: [react()],
    build: { rollupOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') } },
  },
});
