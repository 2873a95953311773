import { open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '@shared/api/result';

export const LOCK_FILE_NAME = '.lock';

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

/**
 * One writer per data folder (SPEC §7). The lock file names the holder; a lock left by a
 * process that no longer runs (a crash, a power cut) is taken over.
 */
export async function acquireLock(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(mine));
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readFile(file, 'utf8')
      .then((text) => JSON.parse(text) as LockInfo)
      .catch(() => null);
    if (holder && holder.host !== mine.host) {
      throw new ApiError(
        'conflict',
        `数据文件夹 ${dataDir} 正被计算机“${holder.host}”使用。请先在那台计算机上关闭本软件；如确认无人使用，可删除文件夹中的 ${LOCK_FILE_NAME} 文件`,
      );
    }
    if (holder && holder.pid !== process.pid && alive(holder.pid)) {
      throw new ApiError(
        'conflict',
        `数据文件夹 ${dataDir} 正被另一个程序使用（进程 ${holder.pid}，自 ${holder.since.slice(0, 19).replace('T', ' ')} 起）。请先关闭它再打开，或换一个数据文件夹`,
      );
    }
    // Stale: its holder is gone (or the file is unreadable garbage from a crash).
    await rm(file, { force: true });
  }
  throw new ApiError('conflict', `无法锁定数据文件夹 ${dataDir}，请稍后重试`);
}
