import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/result';
import { emptyDoc } from '@shared/storage/types';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { BACKUP_DIR_NAME } from '../../main/server/storage/backups';
import { fileFault, MAX_LIBRARY_BYTES } from '../../main/server/storage/file-faults';
import { LOCK_FILE_NAME } from '../../main/server/storage/lock';
import { DATA_FILE_NAME, LowdbStore } from '../../main/server/storage/lowdb-store';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const NOW = new Date('2027-04-01T08:00:00.000Z');

/** The temp file writeFileAtomic writes `file` through, made a link to /dev/full: every write to it fails with a real ENOSPC. */
async function fillDiskFor(file: string): Promise<string> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await mkdir(path.dirname(file), { recursive: true });
  await symlink('/dev/full', temp);
  return temp;
}

async function library(): Promise<{ dir: string; file: string; store: LowdbStore }> {
  const dir = await newDir();
  const store = await LowdbStore.open(dir);
  await store.replace(smallDoc());
  return { dir, file: path.join(dir, DATA_FILE_NAME), store };
}

describe('an update is all or nothing', () => {
  it('a mutation that throws halfway leaves memory as on disk, and the next save does not write its half', async () => {
    const { file, store } = await library();
    await expect(
      store.update((doc) => {
        doc.entities[0]!.name = '改了一半的名称';
        doc.entities.pop();
        throw new Error('中途出错');
      }),
    ).rejects.toThrow('中途出错');
    expect(store.read()?.entities.map((e) => e.name)).toEqual(['内蒙古食用油有限公司', '幸福便利店']);

    await store.update((doc) => {
      doc.profile.orgName = '达拉特旗市场监督管理局';
    });
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.entities.map((e: { name: string }) => e.name)).toEqual(['内蒙古食用油有限公司', '幸福便利店']);
    expect(onDisk.profile.orgName).toBe('达拉特旗市场监督管理局');
  });

  it('a form save or delete refused by its checks is answered at once: the library is not read back', async () => {
    const dataDir = await newDir();
    const { handlers, store } = await openServices(dataDir);
    await store.replace(smallDoc());
    const [version, doc] = [store.version, store.read()];
    const refusals = [
      await dispatch(handlers, 'entities:save', { name: '达拉特旗某超市', type: '企业', grade: 'C', regionId: 'dls' }),
      await dispatch(handlers, 'cadres:save', { name: '钱多', level: 'village', regionId: 'zjz', phone: '13904770013' }),
      await dispatch(handlers, 'cadres:delete', { id: 'c1' }),
      await dispatch(handlers, 'regions:save', { parentId: 'dls', name: '昭君镇', code: '', kind: '镇' }),
      await dispatch(handlers, 'regions:delete', { id: 'dls' }),
      await dispatch(handlers, 'regulators:save', { name: '高峰', unit: '所', phone: '13904779001', regionIds: ['nowhere'] }),
      await dispatch(handlers, 'regulators:delete', { id: 'g1' }),
    ];
    for (const refused of refusals)
      expect(refused).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(invalid-argument|conflict)$/) } });
    expect(store.version).toBe(version);
    expect(store.read()).toBe(doc);
  });

  it('a change that throws after its checks passed is undone like any other', async () => {
    const { store } = await library();
    await expect(
      store.update(
        (doc) => doc.entities.length,
        (doc) => {
          doc.entities.pop();
          throw new Error('中途出错');
        },
      ),
    ).rejects.toThrow('中途出错');
    expect(store.read()?.entities).toHaveLength(2);
  });

  it('a save that fails on a full disk says so in Chinese, leaves no temp file, and memory and file as before', async () => {
    const { dir, file, store } = await library();
    const bytes = await readFile(file);
    const temp = await fillDiskFor(file);
    const failed = await store
      .update((doc) => {
        doc.entities[0]!.name = '未保存的名称';
      })
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ApiError);
    expect((failed as Error).message).toMatch(/^保存失败，本次修改未生效：磁盘空间已满，未能写入 .*data\.json.*请清理该磁盘/);
    expect(await readdir(dir)).not.toContain(path.basename(temp));
    expect(await readFile(file)).toEqual(bytes);
    expect(store.read()?.entities[0]?.name).toBe('内蒙古食用油有限公司');
    // Room again: the next save works and does not carry the failed change.
    await store.update((doc) => {
      doc.profile.orgName = '新名称';
    });
    expect(JSON.parse(await readFile(file, 'utf8')).entities[0].name).toBe('内蒙古食用油有限公司');
  });

  it('when the file can no longer be read back, saving stops instead of writing a half-made change', async () => {
    const { file, store } = await library();
    await writeFile(file, '{"torn":'); // damaged by something outside the app meanwhile
    await expect(
      store.update((doc) => {
        doc.entities.pop();
        throw new Error('中途出错');
      }),
    ).rejects.toThrow('中途出错');
    await expect(store.update(() => undefined)).rejects.toThrow(
      /^数据未能从磁盘重新载入（内容不是完整的 JSON（文件可能已损坏））.*已停止保存。请关闭并重新打开本软件/,
    );
    expect(await readFile(file, 'utf8')).toBe('{"torn":');
  });

  it('a first library that cannot be written leaves the folder without one (memory too)', async () => {
    const dir = await newDir();
    const store = await LowdbStore.open(dir);
    await fillDiskFor(path.join(dir, DATA_FILE_NAME));
    await expect(store.replace(emptyDoc(NOW))).rejects.toThrow('磁盘空间已满');
    expect(store.read()).toBeNull();
    expect((await readdir(dir)).sort()).toEqual(['.lock']);
  });

  it('a backup that fails on a full disk leaves no temp file, says so, and leaves data.json byte-identical', async () => {
    const dataDir = await newDir();
    const { handlers, store } = await openServices(dataDir, { now: () => NOW });
    await store.replace(smallDoc());
    const file = path.join(dataDir, DATA_FILE_NAME);
    const bytes = await readFile(file);
    // The backups folder on another volume (/dev/shm), where the copy of data.json into the backup's
    // temp folder meets a full disk.
    const elsewhere = await mkdtemp('/dev/shm/baobao-backups-');
    try {
      await symlink(elsewhere, path.join(dataDir, BACKUP_DIR_NAME));
      const tempFolder = path.join(elsewhere, `.backup-20270401-080000-000-manual.${process.pid}.tmp`);
      await mkdir(tempFolder);
      await symlink('/dev/full', path.join(tempFolder, DATA_FILE_NAME));
      const result = await dispatch(handlers, 'backup:create', {});
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('磁盘空间已满') } });
      expect(await readdir(path.join(dataDir, BACKUP_DIR_NAME))).toEqual([]);
      expect(await readFile(file)).toEqual(bytes);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe('the backup made at start', () => {
  it('failing (a file in the way of its folder) warns and the app opens with its data', async () => {
    const dataDir = await newDir();
    const first = await openServices(dataDir, { now: () => NOW });
    await first.store.replace(smallDoc());
    await first.store.close();
    // A file where the backups folder should be (temp files in the way are swept on opening).
    await writeFile(path.join(dataDir, BACKUP_DIR_NAME), '');
    const { handlers } = await openServices(dataDir, { now: () => NOW, backupAtStart: true });
    const info = await handlers['app:info']({});
    expect(info.initialized).toBe(true);
    expect(info.startWarning).toMatch(
      /^启动时未能备份数据：无法写入 .*backups.*却是同名的文件.*请把这个文件改名或移到别处后重试。数据本身完好，可以继续使用/,
    );
    expect(await dispatch(handlers, 'entities:query', {})).toMatchObject({ ok: true, value: { total: 2 } });
  });

  it('when it works, there is nothing to warn about', async () => {
    const dataDir = await newDir();
    const first = await openServices(dataDir, { now: () => NOW });
    await first.store.replace(smallDoc());
    await first.store.close();
    const { handlers } = await openServices(dataDir, { now: () => NOW, backupAtStart: true });
    expect((await handlers['app:info']({})).startWarning).toBe('');
    expect(await handlers['backup:list']({})).toHaveLength(1);
  });
});

describe('files in the way', () => {
  it('sweeps temp files left by interrupted writes when the folder is opened for writing, not when read-only', async () => {
    const { dir, store } = await library();
    await store.close();
    const leftovers = [
      path.join(dir, '.data.json.4242.tmp'),
      path.join(dir, BACKUP_DIR_NAME, '.backup-20270101-000000-000-import.json.4242.tmp'),
    ];
    await mkdir(path.join(dir, BACKUP_DIR_NAME), { recursive: true });
    for (const leftover of leftovers) await writeFile(leftover, '');
    const reader = await LowdbStore.open(dir, { lock: false });
    expect(await readdir(dir)).toContain('.data.json.4242.tmp');
    await reader.close();
    const writer = await LowdbStore.open(dir);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await readdir(path.join(dir, BACKUP_DIR_NAME))).toEqual([]);
    expect(writer.read()?.entities).toHaveLength(2);
  });

  it('a folder where data.json should be is named with the fix', async () => {
    const dir = await newDir();
    await mkdir(path.join(dir, DATA_FILE_NAME));
    await expect(LowdbStore.open(dir)).rejects.toThrow(/data\.json 是一个文件夹，不能当作文件读取.*请把这个文件夹改名或移到别处后重试/);
    expect(await readdir(dir)).toEqual([DATA_FILE_NAME]);
  });

  it('a folder where the lock file should be is named with the fix', async () => {
    const dir = await newDir();
    await mkdir(path.join(dir, LOCK_FILE_NAME));
    await expect(LowdbStore.open(dir)).rejects.toThrow(/\.lock 是一个文件夹，不能当作文件读取.*请把这个文件夹改名或移到别处后重试/);
  });

  it('an over-size data file is refused before reading, untouched', async () => {
    const dir = await newDir();
    const file = path.join(dir, DATA_FILE_NAME);
    await writeFile(file, '');
    await truncate(file, MAX_LIBRARY_BYTES + 1); // sparse: no disk space used
    await expect(LowdbStore.open(dir)).rejects.toThrow(
      /数据文件 .*data\.json 过大（500 MB，本软件最多读取 500 MB），未被读取或改动.*请把它移出/,
    );
    expect(await readdir(dir)).toEqual([DATA_FILE_NAME]);
  });

  it.each([
    ['EACCES', 'write', /^没有写入 .*x\.json 的权限.*请换一个有读写权限的文件夹/],
    ['EROFS', 'write', /^没有写入 .*磁盘只读/],
    ['EPERM', 'read', /^没有读取 .*x\.json 的权限/],
  ] as const)('%s on %s is one Chinese sentence with the fix (root ignores chmod, so the error is made here)', (code, action, message) => {
    const error = Object.assign(new Error(`${code}: raw`), { code });
    expect((fileFault(error, '/data/x.json', action) as Error).message).toMatch(message);
  });
});
