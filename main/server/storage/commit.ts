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
 * is written as `.commit.json` and fsynced; then the plan is carried out and removed. A crash before
 * the plan is whole leaves temp files (swept at the next open) and at most a plan cut short, which
 * does not parse and is dropped: nothing was renamed yet. After it, the next open carries the plan
 * out again (`finishCommit`): renaming what is left and appending at the recorded offset are safe to
 * repeat. The plan is written in place rather than through a temp file and a rename, and its folder
 * is not fsynced apart: the renames after it are fsynced with the folder at the end, and a journal
 * (ext4, NTFS) keeps the plan's creation before them. A single whole file needs no plan: it is
 * written as writeFileAtomic does.
 */
export async function commitFiles(dir: string, writes: readonly FileWrite[], append: Append | null): Promise<void> {
  if (!append && writes.length === 1 && writes[0]) return writeFileAtomic(path.join(dir, writes[0].name), writes[0].blocks);
  if (!append && writes.length === 0) return;
  const renames: [string, string][] = [];
  let plan: Plan;
  try {
    for (const write of writes) {
      const file = path.join(dir, write.name);
      const temp = tempFileOf(file);
      renames.push([path.basename(temp), write.name]);
      await fillTempFile(file, temp, write.blocks);
    }
    plan = {
      renames,
      ...(append ? { append: { name: append.name, offset: await sizeOf(path.join(dir, append.name)), text: append.text } } : {}),
    };
    await writePlan(path.join(dir, COMMIT_FILE_NAME), plan);
  } catch (error) {
    for (const [temp] of renames) await rm(path.join(dir, temp), { force: true }).catch(() => undefined);
    await rm(path.join(dir, COMMIT_FILE_NAME), { force: true }).catch(() => undefined);
    throw error;
  }
  await carryOut(dir, plan);
}

/** Carries out a plan a crash left in `dir` (under the folder's lock, before temp files are swept). */
export async function finishCommit(dir: string): Promise<void> {
  const planFile = path.join(dir, COMMIT_FILE_NAME);
  let text: string;
  try {
    text = await readFile(planFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw fileFault(error, planFile, 'read');
  }
  const plan = parsePlan(text);
  if (!plan) {
    // Cut short while it was written: the change never began (its temp files are swept).
    await rm(planFile, { force: true });
    return;
  }
  await carryOut(dir, plan);
}

async function carryOut(dir: string, plan: Plan): Promise<void> {
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
  await rm(path.join(dir, COMMIT_FILE_NAME), { force: true });
}

/** The plan written and fsynced (see commitFiles for why not through a temp file). */
async function writePlan(file: string, plan: Plan): Promise<void> {
  try {
    const handle = await open(file, 'w');
    try {
      await handle.writeFile(JSON.stringify(plan), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileFault(error, file, 'write');
  }
}

function parsePlan(text: string): Plan | null {
  try {
    const plan = JSON.parse(text) as Partial<Plan> | null;
    return plan && Array.isArray(plan.renames) ? (plan as Plan) : null;
  } catch {
    return null;
  }
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
