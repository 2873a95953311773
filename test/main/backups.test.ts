import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { openServices } from '../../main/services';
import { BACKUP_DIR_NAME } from '../../main/storage/backups';
import { DATA_FILE_NAME } from '../../main/storage/lowdb-store';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
let tick = 0;
const clock = () => new Date(Date.UTC(2027, 3, 1, 8, 0, 0, 0) + ++tick * 1000);

async function library(dir?: string) {
  const dataDir = dir ?? (await newDir());
  const services = await openServices(dataDir, { now: clock, backupAtStart: true });
  if (!dir) await services.store.replace(smallDoc());
  return { ...services, dataDir, dataFile: path.join(dataDir, DATA_FILE_NAME) };
}

describe('backups', () => {
  it('backs up at start and before import, keeps the last N, and every backup reads back', async () => {
    const { dataDir, handlers, store } = await library();
    await store.update((doc) => {
      doc.profile.backupKeep = 3;
    });
    await store.close();
    const again = await library(dataDir);
    for (let i = 0; i < 4; i++) await again.handlers['backup:create']({});
    const list = await again.handlers['backup:list']({});
    expect(list).toHaveLength(3);
    expect(list.map((b) => b.reason)).toEqual(['手动备份', '手动备份', '手动备份']);
    expect((list[0]?.fileName ?? '') > (list[1]?.fileName ?? '')).toBe(true);
    for (const b of list) expect((await again.handlers['backup:preview']({ fileName: b.fileName })).collections[1]).toEqual({ label: '包保主体', current: 2, backup: 2 });
    expect(await readdir(path.join(dataDir, BACKUP_DIR_NAME))).toHaveLength(3);
    expect(handlers).toBeDefined();
  });

  it('previews and restores a backup, backing up the current data first', async () => {
    const { handlers, dataFile } = await library();
    const first = await handlers['backup:create']({});
    await handlers['entities:delete']({ id: 'e2' });
    const preview = await handlers['backup:preview']({ fileName: first.fileName });
    expect(preview.collections.find((c) => c.label === '包保主体')).toEqual({ label: '包保主体', current: 1, backup: 2 });
    const info = await handlers['backup:restore']({ fileName: first.fileName });
    expect(info.counts.entities).toBe(2);
    const doc = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(doc.entities.map((e: { id: string }) => e.id)).toEqual(['e1', 'e2']);
    expect(doc.log.at(-1).summary).toBe(`从备份“${first.fileName}”恢复数据`);
    // The deletion made after the backup stays in the 操作日志.
    expect(doc.log.map((e: { action: string }) => e.action)).toContain('entities:delete');
    expect((await handlers['backup:list']({})).map((b) => b.reason)).toContain('恢复前');
  });

  it('restores from a file kept elsewhere, and refuses a file that is not a library', async () => {
    const { handlers, dataFile } = await library();
    const created = await handlers['backup:create']({});
    const download = await handlers['backup:download']({ fileName: created.fileName });
    await handlers['entities:delete']({ id: 'e1' });
    await handlers['backup:restore']({ upload: { fileName: '备份.json', contentBase64: download.contentBase64 } });
    expect(JSON.parse(await readFile(dataFile, 'utf8')).entities).toHaveLength(2);
    const before = await readFile(dataFile);
    const bad = await dispatch(handlers, 'backup:restore', { upload: { fileName: '照片.json', contentBase64: Buffer.from('{"a":1}').toString('base64') } });
    expect(bad).toMatchObject({ ok: false, error: { message: expect.stringContaining('文件“照片.json”：数据文件缺少版本号') } });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('a damaged data file is moved aside and the newest good backup is offered and restores everything', async () => {
    const { dataDir, handlers, store, dataFile } = await library();
    await handlers['backup:create']({});
    await handlers['entities:delete']({ id: 'e2' });
    await store.close();
    await writeFile(dataFile, '{"schemaVersion":1,"entities":[{"id":"e1"'); // torn by a faulty disk or a hand edit

    const reopened = await library(dataDir);
    const info = await reopened.handlers['app:info']({});
    expect(info.initialized).toBe(false);
    expect(info.recovery?.message).toContain('数据文件无法读取');
    expect(info.recovery?.newestBackup?.reason).toBe('手动备份');
    expect(await dispatch(reopened.handlers, 'stats:get', {})).toMatchObject({ ok: false, error: { message: expect.stringContaining('数据文件无法读取') } });

    await reopened.handlers['backup:restore']({ fileName: info.recovery?.newestBackup?.fileName ?? '' });
    expect((await reopened.handlers['app:info']({})).counts.entities).toBe(2);
    expect((await readdir(dataDir)).filter((f) => f.startsWith('data.damaged-'))).toHaveLength(1);
  });
});
