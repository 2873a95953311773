import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../..');
const bundles = new Map<string, string>();

/**
 * Children are bundled to one plain .mjs file first: a bundle starts in a fraction of the
 * time tsx needs, and it is a single process (a SIGKILL hits the process that writes).
 */
function bundle(script: string): string {
  let out = bundles.get(script);
  if (!out) {
    out = path.join(ROOT, '.tmp', 'children', script.replace(/\.ts$/, '.mjs'));
    buildSync({
      entryPoints: [path.join(ROOT, 'test/main/children', script)],
      outfile: out,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      alias: { '@shared': path.join(ROOT, 'shared') },
      // CommonJS dependencies inside an ES module bundle need a require.
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      logLevel: 'error',
    });
    bundles.set(script, out);
  }
  return out;
}

/** Runs a child script and resolves once it prints "ready". */
export function startChild(script: string, args: string[], onLine: (line: string) => void = () => undefined): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle(script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') resolve(child);
        else onLine(line);
      }
    });
    child.on('exit', (code) => reject(new Error(`child ${script} exited (${code}) before ready: ${stderr}`)));
  });
}

export function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    }
  });
}
