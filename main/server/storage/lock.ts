import { open, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '@shared/api/result';
import { fileFault } from './file-faults';

export const LOCK_FILE_NAME = '.lock';
/** Held for the few milliseconds in which a stale lock is removed, so that only one process removes it. */
const TAKEOVER_FILE_NAME = '.lock.takeover';
/**
 * A lock file without readable content this old, or a takeover file this old, was left by a crash
 * (writing either takes milliseconds); younger, it is being written and is waited for.
 */
const SETTLE_MS = 10_000;
const RETRY_MS = 20;

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `file` with `text` unless it exists; false when it does. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw fileFault(error, file, 'write');
  }
}

/** The file's text and age, or null once it is gone. */
async function readWithAge(file: string): Promise<{ text: string; ageMs: number } | null> {
  try {
    const { mtimeMs } = await stat(file);
    return { text: await readFile(file, 'utf8'), ageMs: Date.now() - mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fileFault(error, file, 'read');
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const info = JSON.parse(text) as Partial<LockInfo> | null;
    if (typeof info?.pid !== 'number' || typeof info.host !== 'string') return null;
    return { pid: info.pid, host: info.host, since: typeof info.since === 'string' ? info.since : '' };
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One writer per data folder (docs/architecture.md#data-files). The lock file names the holder; a lock left by a
 * process that no longer runs (a crash, a power cut) is taken over. Taking over is atomic: the
 * stale lock is removed only by the process holding the takeover file, and only if it is still
 * the stale one it judged; the new lock is then created exclusively, so of several processes
 * starting at once exactly one holds the folder and no holder's lock is ever removed.
 */
export async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const takeover = path.join(dataDir, TAKEOVER_FILE_NAME);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  // Long enough to outwait a lock or takeover file that is SETTLE_MS from being judged left by a crash.
  for (const deadline = Date.now() + SETTLE_MS + 2_000; Date.now() < deadline;) {
    if (await createExclusive(file, JSON.stringify(mine))) {
      return async () => {
        await rm(file, { force: true });
      };
    }
    const found = await readWithAge(file);
    if (!found) continue;
    const holder = parseLock(found.text);
    if (holder && holder.host !== mine.host) {
      throw new ApiError(
        'conflict',
        `数据文件夹 ${dataDir} 正被计算机“${holder.host}”使用。请先在那台计算机上关闭本软件；如确认无人使用，可删除文件夹中的 ${LOCK_FILE_NAME} 文件`,
      );
    }
    if (holder && holder.pid !== process.pid && alive(holder.pid)) {
      throw new ApiError(
        'conflict',
        `数据文件夹 ${dataDir} 正被另一个程序使用（进程 ${holder.pid}${holder.since ? `，自 ${holder.since.slice(0, 19).replace('T', ' ')} 起` : ''}）。` +
          `请先关闭另一个打开这个文件夹的本软件窗口或命令行后重试；如确认没有（例如电脑重启后这个进程号被别的程序占用），请删除 ${file} 后重试，或换一个数据文件夹`,
      );
    }
    if (!holder && found.ageMs < SETTLE_MS) {
      // Just created, its content not written yet.
      await sleep(RETRY_MS);
      continue;
    }
    // Stale: its holder is gone (or the file is unreadable garbage from a crash).
    if (await createExclusive(takeover, JSON.stringify(mine))) {
      try {
        if ((await readWithAge(file))?.text === found.text) await rm(file, { force: true });
      } finally {
        await rm(takeover, { force: true });
      }
    } else {
      const other = await readWithAge(takeover);
      if (other && other.ageMs >= SETTLE_MS) await rm(takeover, { force: true });
      else await sleep(RETRY_MS);
    }
  }
  throw new ApiError(
    'conflict',
    `无法锁定数据文件夹 ${dataDir}：另一个程序正在打开它。请稍后重试；如一直如此且确认没有其他程序在用，请删除其中的 ${LOCK_FILE_NAME} 和 ${TAKEOVER_FILE_NAME} 文件后重试`,
  );
}
