import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import type { DataDoc } from '../../shared/storage/types';
import { binFile, copyLibraryFiles, E2E_DIR_VARIABLE, libraryFile, ROOT } from './harness';

const run = promisify(execFile);

/**
 * The packages stay in node_modules, except JSON (chinese-days' holiday notices): Node's ESM
 * loader refuses a JSON import without an import attribute, so it goes into the bundle.
 */
const jsonIntoBundle: Plugin = {
  name: 'json-into-bundle',
  setup(context) {
    context.onResolve({ filter: /\.json$/ }, (args) => ({
      path: createRequire(import.meta.url).resolve(args.path, { paths: [args.resolveDir] }),
    }));
  },
};

/**
 * Once per Playwright run: bundles the web harness and the CLI (plain node starts them in a
 * fraction of tsx's time, which compiled the TypeScript at every start) with the worker threads'
 * scripts beside them as in the built app, and generates each demo library once; the tests copy
 * its data.json into a folder of their own. Returns the teardown that removes them.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // Under the repository, so that the bundles find node_modules; the test workers inherit the variable.
  await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
  const runDir = await mkdtemp(path.join(ROOT, '.tmp', 'e2e-'));
  process.env[E2E_DIR_VARIABLE] = runDir;
  const binDir = path.join(runDir, 'bin');
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    alias: { '@shared': path.join(ROOT, 'shared') },
    logLevel: 'error',
  } as const;
  await Promise.all([
    build({
      ...common,
      entryPoints: {
        'web-harness': path.join(ROOT, 'main/server/web/start.ts'),
        cli: path.join(ROOT, 'main/server/cli/index.ts'),
        calendar: path.join(ROOT, 'shared/calendar/calendar.ts'),
      },
      outdir: binDir,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      plugins: [jsonIntoBundle],
    }),
    // main/server/workers/off-thread.ts finds these beside the bundle, as the app finds out/main/*.cjs.
    build({
      ...common,
      entryPoints: ['read-sheets-worker', 'workbook-worker'].map((name) => path.join(ROOT, 'main/server/workers', `${name}.ts`)),
      outdir: binDir,
      format: 'cjs',
      outExtension: { '.js': '.cjs' },
    }),
  ]);

  const cli = (...args: string[]) => run(process.execPath, [binFile('cli.mjs'), ...args], { cwd: ROOT, timeout: 180_000 });
  await Promise.all(
    (['district', 'city'] as const).map(async (scale) => {
      const plain = path.dirname(libraryFile(scale));
      const planned = path.dirname(libraryFile(`${scale}-planned`));
      await mkdir(plain, { recursive: true });
      await cli('demo', '--scale', scale, '--data', plain);
      await mkdir(planned, { recursive: true });
      await copyLibraryFiles(plain, planned);
      const { planYear } = (JSON.parse(await readFile(libraryFile(scale), 'utf8')) as DataDoc).profile;
      await cli('plan', '--year', String(planYear), '--data', planned);
    }),
  );
  return () => rm(runDir, { recursive: true, force: true });
}
