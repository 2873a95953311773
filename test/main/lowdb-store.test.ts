import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/result';
import { CURRENT_SCHEMA_VERSION, emptyDoc } from '@shared/storage/types';
import { DATA_FILE_NAME, LowdbStore } from '../../main/storage/lowdb-store';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const NOW = new Date('2027-01-05T08:00:00Z');

describe('LowdbStore', () => {
  it('starts empty in a new folder and writes nothing until asked', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    expect(store.read()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
    await expect(store.update(() => 1)).rejects.toMatchObject({ code: 'not-initialized' });
  });

  it('round-trips a document through the file, and a mutation is on disk when it resolves', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await store.replace(emptyDoc(NOW));
    await store.update((doc) => {
      doc.profile.orgName = '达拉特旗市场监督管理局';
    });
    const onDisk = JSON.parse(await readFile(path.join(dir, DATA_FILE_NAME), 'utf8'));
    expect(onDisk.profile.orgName).toBe('达拉特旗市场监督管理局');
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);

    const reopened = await LowdbStore.open(dir);
    expect(reopened.read()).toEqual(store.read());
    expect(await readdir(dir)).toEqual([DATA_FILE_NAME]);
  });

  it('keeps call order for concurrent mutations and counts versions', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await store.replace(emptyDoc(NOW));
    const before = store.version;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.update((doc) => {
          doc.log.push({ at: String(i), operator: 't', action: 'a', summary: String(i) });
        }),
      ),
    );
    expect(store.version).toBe(before + 20);
    const reopened = await LowdbStore.open(dir);
    expect(reopened.read()?.log.map((e) => e.summary)).toEqual(Array.from({ length: 20 }, (_, i) => String(i)));
  });

  it('writes nothing when a mutation throws', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await store.replace(emptyDoc(NOW));
    const file = path.join(dir, DATA_FILE_NAME);
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
    ['a future version', (text: string) => text.replace(`"schemaVersion":${CURRENT_SCHEMA_VERSION}`, '"schemaVersion":99'), '请升级软件'],
    ['a wrong shape', (text: string) => text.replace('"entities":[]', '"entities":{}'), '不符合数据格式'],
  ])('refuses %s without touching the file', async (_name, damage, message) => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await store.replace(emptyDoc(NOW));
    const file = path.join(dir, DATA_FILE_NAME);
    const damaged = damage(await readFile(file, 'utf8'));
    await writeFile(file, damaged);
    await expect(LowdbStore.open(dir)).rejects.toThrow(message);
    expect(await readFile(file, 'utf8')).toBe(damaged);
  });
});
