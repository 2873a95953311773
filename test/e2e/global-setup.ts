import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { build, type Plugin } from 'esbuild';
import type { DataDoc } from '../../shared/storage/types';
import { copyLibraryFiles, E2E_DIR_VARIABLE, libraryFile, ROOT } from './harness';

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

/** A file the preparation writes last: the folder is complete. */
const PREPARED_MARK = 'prepared';

/**
 * Once per Playwright run: bundles the web harness and the CLI (plain node starts them in a
 * fraction of tsx's time, which compiled the TypeScript at every start) with the worker threads'
 * scripts beside them as in the built app, and generates each demo library once; the tests copy
 * its data.json into a folder of their own. Returns the teardown that removes them.
 *
 * When the variable already names a prepared folder (npm test prepares it beside its first steps,
 * with test/e2e/prepare.ts), the run uses that one and leaves it to its maker.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const prepared = process.env[E2E_DIR_VARIABLE];
  if (prepared && existsSync(path.join(prepared, PREPARED_MARK))) return async () => undefined;
  const runDir = await prepareE2eDir();
  // The test workers inherit the variable.
  process.env[E2E_DIR_VARIABLE] = runDir;
  return () => rm(runDir, { recursive: true, force: true });
}

/** Makes a new folder under .tmp with the bundled programs and the demo libraries; returns its path. */
export async function prepareE2eDir(): Promise<string> {
  // Under the repository, so that the bundles find node_modules.
  await mkdir(path.join(ROOT, '.tmp'), { recursive: true });
  const runDir = await mkdtemp(path.join(ROOT, '.tmp', 'e2e-'));
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

  const cli = (...args: string[]) => run(process.execPath, [path.join(binDir, 'cli.mjs'), ...args], { cwd: ROOT, timeout: 180_000 });
  await Promise.all(
    (['district', 'city'] as const).map(async (scale) => {
      const plain = path.dirname(libraryFile(scale, runDir));
      const planned = path.dirname(libraryFile(`${scale}-planned`, runDir));
      await mkdir(plain, { recursive: true });
      await cli('demo', '--scale', scale, '--data', plain);
      await mkdir(planned, { recursive: true });
      await copyLibraryFiles(plain, planned);
      const { planYear } = (JSON.parse(await readFile(libraryFile(scale, runDir), 'utf8')) as DataDoc).profile;
      await cli('plan', '--year', String(planYear), '--data', planned);
    }),
  );
  await writeFile(path.join(runDir, PREPARED_MARK), '');
  return runDir;
}
