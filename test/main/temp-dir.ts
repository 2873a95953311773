import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh folder per call, removed after the test. */
export function useTempDirs(): () => Promise<string> {
  const made: string[] = [];
  afterEach(async () => {
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });
  return async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baobao-test-'));
    made.push(dir);
    return dir;
  };
}

/** The `.ext` files anywhere under `dir` (bulk exports file into 旗区/乡镇 folders), as sorted relative paths. */
export async function filesUnder(dir: string, ext: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).filter((file) => file.endsWith(`.${ext}`)).sort();
}
