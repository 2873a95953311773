import { existsSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireLock, LOCK_FILE_NAME } from '../../main/server/storage/lock';
import { killed, startChild } from './child';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const ROUNDS = 20;
/** No such process: above Linux's largest pid (4,194,304). */
const DEAD_PID = 99_999_999;

const staleLock = (pid: number, since = '2027-01-01T00:00:00.000Z') => JSON.stringify({ pid, host: os.hostname(), since });

describe('taking over a stale lock', () => {
  it(`of three processes starting at once exactly one holds the folder, and its lock stays (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const dir = await newDir();
      const lockFile = path.join(dir, LOCK_FILE_NAME);
      await writeFile(lockFile, staleLock(DEAD_PID));
      const go = path.join(dir, 'go');
      const outcomes = new Map<number, string>();
      const children: ChildProcess[] = [];
      let reported: () => void = () => undefined;
      const allReported = new Promise<void>((resolve) => (reported = resolve));
      for (let i = 0; i < 3; i++) {
        const child = await startChild('race-lock.ts', [dir, go], (line) => {
          outcomes.set(child.pid ?? 0, line);
          if (outcomes.size === 3) reported();
        });
        children.push(child);
      }
      await writeFile(go, '');
      await allReported;
      const winners = [...outcomes].filter(([, line]) => line === 'won').map(([pid]) => pid);
      expect(winners, `round ${round}: ${JSON.stringify([...outcomes])}`).toHaveLength(1);
      for (const [pid, line] of outcomes) if (pid !== winners[0]) expect(line, `round ${round}`).toContain('正被另一个程序使用');
      expect(JSON.parse(await readFile(lockFile, 'utf8')).pid, `round ${round}`).toBe(winners[0]);
      await Promise.all(children.map(killed));
    }
  }, 240_000);

  it('a live process that is not this program (a pid reused after a restart) is named with how to clear the lock', async () => {
    const dir = await newDir();
    // This test's own process stands for the unrelated program: alive, on this host, not the lock's writer.
    await writeFile(path.join(dir, LOCK_FILE_NAME), staleLock(process.ppid));
    await expect(acquireLock(dir)).rejects.toThrow(
      new RegExp(
        `正被另一个程序使用（进程 ${process.ppid}，.*请先关闭另一个打开这个文件夹的本软件窗口或命令行后重试；如确认没有.*请删除 ${path.join(dir, LOCK_FILE_NAME).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 后重试`,
      ),
    );
  });

  it('a lock without a start time (another version, a hand edit) still names its live holder', async () => {
    const dir = await newDir();
    await writeFile(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: process.ppid, host: os.hostname() }));
    await expect(acquireLock(dir)).rejects.toThrow(`正被另一个程序使用（进程 ${process.ppid}）。`);
  });

  it('a takeover interrupted by a crash (its file left behind, old) does not keep the folder locked', async () => {
    const dir = await newDir();
    await writeFile(path.join(dir, LOCK_FILE_NAME), staleLock(DEAD_PID));
    const takeover = path.join(dir, '.lock.takeover');
    await writeFile(takeover, staleLock(DEAD_PID));
    const minuteAgo = new Date(Date.now() - 60_000);
    await utimes(takeover, minuteAgo, minuteAgo);
    const release = await acquireLock(dir);
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
    expect(existsSync(takeover)).toBe(false);
    await release();
  });

  it('a takeover file left a moment ago is waited out until it counts as left by a crash', async () => {
    const dir = await newDir();
    await writeFile(path.join(dir, LOCK_FILE_NAME), staleLock(DEAD_PID));
    const takeover = path.join(dir, '.lock.takeover');
    await writeFile(takeover, staleLock(DEAD_PID));
    // 10 s make it a crash's: 8 s to wait here.
    const twoSecondsAgo = new Date(Date.now() - 2_000);
    await utimes(takeover, twoSecondsAgo, twoSecondsAgo);
    const release = await acquireLock(dir);
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE_NAME), 'utf8')).pid).toBe(process.pid);
    await release();
  }, 20_000);

  it('a lock whose content is still being written is waited for, not taken over', async () => {
    const dir = await newDir();
    const lockFile = path.join(dir, LOCK_FILE_NAME);
    await writeFile(lockFile, '');
    const taking = acquireLock(dir);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await writeFile(lockFile, staleLock(process.ppid, new Date().toISOString()));
    await expect(taking).rejects.toThrow(`进程 ${process.ppid}`);
    expect(JSON.parse(await readFile(lockFile, 'utf8')).pid).toBe(process.ppid);
  });
});
