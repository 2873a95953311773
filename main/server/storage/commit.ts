import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fillTempFile, renameWithRetry, syncDirectory, tempFileOf, writeFileAtomic } from './atomic-file';
import { fileFault } from './file-faults';
import { COMMIT_FILE_NAME } from './layout';

/** One file of the data folder written whole. */
export interface FileWrite {
  readonly name: string;
  readonly blocks: readonly Uint8Array[];
}

/** Text appended to a file (the 操作日志's new lines). */
export interface Append {
  readonly name: string;
  readonly text: string;
}

/** What `.commit.json` holds: the temp files to rename into place, and the text to append at `offset`. */
interface Plan {
  readonly renames: readonly (readonly [temp: string, name: string])[];
  readonly append?: { readonly name: string; readonly offset: number; readonly text: string };
}

/**
 * Writes several files of the data folder as one change: after a crash or power cut at any moment
 * the folder holds all of it or none of it. Each file is written whole into a temp file beside it
 * and fsynced; then the plan (which temp file becomes which file, and the lines to append and where)
 * is written atomically as `.commit.json`; then the plan is carried out and removed. A crash before
 * the plan is in place leaves only temp files (swept at the next open); after it, the next open
 * carries the plan out again (`finishCommit`): renaming what is left and appending at the recorded
 * offset are safe to repeat. A single whole file needs no plan: it is written as writeFileAtomic does.
 */
export async function commitFiles(dir: string, writes: readonly FileWrite[], append: Append | null): Promise<void> {
  if (!append && writes.length === 1 && writes[0]) return writeFileAtomic(path.join(dir, writes[0].name), writes[0].blocks);
  if (!append && writes.length === 0) return;
  const renames: [string, string][] = [];
  try {
    for (const write of writes) {
      const file = path.join(dir, write.name);
      const temp = tempFileOf(file);
      renames.push([path.basename(temp), write.name]);
      await fillTempFile(file, temp, write.blocks);
    }
    const plan: Plan = {
      renames,
      ...(append ? { append: { name: append.name, offset: await sizeOf(path.join(dir, append.name)), text: append.text } } : {}),
    };
    await writeFileAtomic(path.join(dir, COMMIT_FILE_NAME), JSON.stringify(plan));
  } catch (error) {
    for (const [temp] of renames) await rm(path.join(dir, temp), { force: true }).catch(() => undefined);
    throw error;
  }
  await carryOut(dir);
}

/** Carries out a plan a crash left in `dir` (under the folder's lock, before temp files are swept). */
export async function finishCommit(dir: string): Promise<void> {
  await carryOut(dir);
}

async function carryOut(dir: string): Promise<void> {
  const planFile = path.join(dir, COMMIT_FILE_NAME);
  let plan: Plan;
  try {
    plan = JSON.parse(await readFile(planFile, 'utf8')) as Plan;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileFault(error, planFile, 'read');
  }
  for (const [temp, name] of plan.renames) {
    const from = path.join(dir, temp);
    // Renamed by the run the crash interrupted.
    if (!(await exists(from))) continue;
    try {
      await renameWithRetry(from, path.join(dir, name));
    } catch (error) {
      throw fileFault(error, path.join(dir, name), 'write');
    }
  }
  if (plan.append) await appendAt(path.join(dir, plan.append.name), plan.append.offset, plan.append.text);
  await syncDirectory(dir);
  await rm(planFile, { force: true });
}

/** The text written at `offset` (whatever an interrupted append left there is cut off first), fsynced. */
async function appendAt(file: string, offset: number, text: string): Promise<void> {
  try {
    const handle = await open(file, 'a+');
    try {
      await handle.truncate(offset);
      await handle.write(text, offset, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileFault(error, file, 'write');
  }
}

async function sizeOf(file: string): Promise<number> {
  return stat(file).then(
    (s) => s.size,
    () => 0,
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
