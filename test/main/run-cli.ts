import { execFile } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../main/server/cli/index';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A stream that keeps what is written to it. */
function collector(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/**
 * Runs the CLI in this process (`runCli`, the same code `npm run cli` runs) and returns its exit
 * code and output: a cold tsx process per call took seconds. The process itself (signals, a closed
 * pipe, the lock on the way out) is tested by spawning it: `cliProcess`, test/main/cli-edges.test.ts.
 */
export async function cli(...args: string[]): Promise<CliRun> {
  const stdout = collector();
  const stderr = collector();
  const code = await runCli(args, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the CLI as its own process, as a user does (`tsx main/server/cli/index.ts …`). */
export function cliProcess(...args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['main/server/cli/index.ts', ...args],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}
