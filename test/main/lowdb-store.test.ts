import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/result';
import { CURRENT_SCHEMA_VERSION, emptyDoc } from '@shared/storage/types';
import { LOCK_FILE_NAME } from '../../main/server/storage/lock';
import { DATA_FILE_NAME, LowdbStore } from '../../main/server/storage/lowdb-store';
import { killed, startChild } from './child';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const NOW = new Date('2027-01-05T08:00:00Z');

async function storeWithEmptyDoc(): Promise<{ dir: string; file: string; store: LowdbStore }> {
  const dir = await newDir();
  const store = await LowdbStore.open(dir);
  await store.replace(emptyDoc(NOW));
  return { dir, file: path.join(dir, DATA_FILE_NAME), store };
}

describe('LowdbStore', () => {
  it('starts empty in a new folder and writes no data until asked', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    expect(store.read()).toBeNull();
    expect(await readdir(dir)).toEqual([LOCK_FILE_NAME]);
    await expect(store.update(() => 1)).rejects.toMatchObject({ code: 'not-initialized' });
    await store.close();
    expect(await readdir(dir)).toEqual([]);
  });

  it('round-trips a document through the file, and a mutation is on disk when it resolves', async () => {
    const { dir, file, store } = await storeWithEmptyDoc();
    await store.update((doc) => {
      doc.profile.orgName = '达拉特旗市场监督管理局';
    });
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.profile.orgName).toBe('达拉特旗市场监督管理局');
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read()).toEqual(store.read());
    expect((await readdir(dir)).sort()).toEqual([LOCK_FILE_NAME, DATA_FILE_NAME].sort());
  });

  it('keeps call order for concurrent mutations and counts versions', async () => {
    const { dir, store } = await storeWithEmptyDoc();
    const before = store.version;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((doc) => {
          doc.log.push({ at: String(i), operator: 't', action: 'a', summary: String(i) });
        }),
      ),
    );
    expect(store.version).toBe(before + 20);
    await store.close();
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read()?.log.map((e) => e.summary)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });

  it('writes nothing when a mutation throws', async () => {
    const { file, store } = await storeWithEmptyDoc();
    const bytes = await readFile(file);
    await expect(
      store.update(() => {
        throw new ApiError('invalid-argument', '输入有误');
      }),
    ).rejects.toThrow('输入有误');
    expect(await readFile(file)).toEqual(bytes);
  });

  it.each([
    ['truncated JSON', (text: string) => text.slice(0, text.length / 2), '不是完整的 JSON'],
    ['a zero-byte file', () => '', '不是完整的 JSON'],
    ['garbage', () => '\u0000\u0001这不是数据 garbage ]]}', '不是完整的 JSON'],
    ['a wrong shape', (text: string) => text.replace('"entities":[]', '"entities":{}'), '不符合数据格式'],
    ['another program’s JSON', () => '{"hello":"world"}', '缺少版本号'],
  ])('moves %s aside untouched, starts empty and says so', async (_name, damage, reason) => {
    const { dir, file, store } = await storeWithEmptyDoc();
    await store.close();
    const damaged = damage(await readFile(file, 'utf8'));
    await writeFile(file, damaged);

    const reopened = await LowdbStore.open(dir);
    expect(reopened.read()).toBeNull();
    expect(reopened.recovery?.message).toContain(reason);
    expect(reopened.recovery?.message).toContain('可以从备份恢复');
    const aside = (await readdir(dir)).filter((f) => f.startsWith('data.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(dir, aside[0] ?? ''), 'utf8')).toBe(damaged);
    expect((await readdir(dir)).includes(DATA_FILE_NAME)).toBe(false);
  });

  it('refuses a file from a newer version and a damaged file opened read-only, leaving both in place', async () => {
    const { dir, file, store } = await storeWithEmptyDoc();
    await store.close();
    const text = (await readFile(file, 'utf8')).replace(`"schemaVersion":${CURRENT_SCHEMA_VERSION}`, '"schemaVersion":99');
    await writeFile(file, text);
    await expect(LowdbStore.open(dir)).rejects.toThrow('请升级软件');
    expect(await readFile(file, 'utf8')).toBe(text);
    await writeFile(file, '{"schemaVersion":1,');
    await expect(LowdbStore.open(dir, { lock: false })).rejects.toThrow('文件未被改动');
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion":1,');
  });
});

describe('single writer per data folder', () => {
  it('refuses a second writer while another process holds the folder, and takes over after it dies', async () => {
    const dir = await newDir();
    const holder = await startChild('hold-lock.ts', [dir]);
    await expect(LowdbStore.open(dir)).rejects.toThrow(`正被另一个程序使用（进程 ${holder.pid}，`);
    const reader = await LowdbStore.open(dir, { lock: false });
    expect(reader.read()).toBeNull();
    await killed(holder);
    // The lock file is still there (kill -9 gives no chance to clean up): it is stale now.
    expect(await readdir(dir)).toContain(LOCK_FILE_NAME);
    const store = await LowdbStore.open(dir);
    await store.replace(emptyDoc(NOW));
    expect(store.read()).not.toBeNull();
  });
});
