import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { BACKUP_DIR_NAME } from '../../main/server/storage/backups';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { readLibrary } from './library-files';
import { xlsxOf } from './import-fixtures';
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
    const { dataDir, dataFile, store } = await library();
    await store.update((doc) => {
      doc.profile.backupKeep = 3;
    });
    await store.close();
    const opened = await readLibrary(dataDir);
    const again = await library(dataDir);
    const backupOf = (fileName: string) => readLibrary(path.join(dataDir, BACKUP_DIR_NAME, fileName));

    // Opening the library backs it up as it was opened.
    const [start] = await again.handlers['backup:list']({});
    expect(start?.reason).toBe('启动时');
    expect(await backupOf(start?.fileName ?? '')).toEqual(opened);

    // An import backs up the library before it changes it.
    const file = await xlsxOf([
      {
        name: '主体',
        rows: [
          ['主体名称', '包保等级', '乡镇'],
          ['昭君羊肉馆', 'D', '昭君镇'],
        ],
      },
    ]);
    const preview = await again.handlers['import:preview']({
      kind: 'entities',
      fileName: '主体.xlsx',
      contentBase64: file.toString('base64'),
      mapping: {},
    } as never);
    await again.handlers['import:commit']({ previewId: preview.previewId, saveMapping: false });
    const [beforeImport] = await again.handlers['backup:list']({});
    expect(beforeImport?.reason).toBe('导入前');
    expect((await backupOf(beforeImport?.fileName ?? '')).entities).toHaveLength(2);
    expect(JSON.parse(await readFile(dataFile, 'utf8')).entities).toHaveLength(3);

    // Only the newest backupKeep stay, newest first.
    for (let i = 0; i < 4; i++) await again.handlers['backup:create']({});
    const list = await again.handlers['backup:list']({});
    expect(list.map((b) => b.reason)).toEqual(['手动备份', '手动备份', '手动备份']);
    expect((list[0]?.fileName ?? '') > (list[1]?.fileName ?? '')).toBe(true);
    for (const b of list)
      expect((await again.handlers['backup:preview']({ fileName: b.fileName })).collections[1]).toMatchObject({
        label: '包保主体',
        current: 3,
        backup: 3,
        added: 0,
        changed: 0,
        dropped: 0,
      });
    expect(await readdir(path.join(dataDir, BACKUP_DIR_NAME))).toHaveLength(3);
  });

  it('previews and restores a backup, backing up the current data first', async () => {
    const { handlers, dataDir } = await library();
    const first = await handlers['backup:create']({});
    await handlers['entities:delete']({ id: 'e2' });
    const preview = await handlers['backup:preview']({ fileName: first.fileName });
    expect(preview.collections.find((c) => c.label === '包保主体')).toMatchObject({
      label: '包保主体',
      current: 1,
      backup: 2,
      added: 1,
      dropped: 0,
    });
    const info = await handlers['backup:restore']({ fileName: first.fileName });
    expect(info.counts.entities).toBe(2);
    const doc = await readLibrary(dataDir);
    expect(doc.entities.map((e: { id: string }) => e.id)).toEqual(['e1', 'e2']);
    expect(doc.log.at(-1)?.summary).toBe(`从备份“${first.fileName}”恢复数据`);
    // The deletion made after the backup stays in the 操作日志.
    expect(doc.log.map((e: { action: string }) => e.action)).toContain('entities:delete');
    expect((await handlers['backup:list']({})).map((b) => b.reason)).toContain('恢复前');
  });

  it('the restore preview lists every kind it would bring back, change or drop: 督导, problems, 作战图, 周调度, 设置', async () => {
    const { handlers, store } = await library();
    const first = await handlers['backup:create']({});
    await handlers['visits:plan']({ year: 2027 });
    const map = await handlers['battlemap:create']({
      planStart: '2027-04-01',
      finalDeadline: '2027-10-30',
      mode: 'forward',
      dispatchWeekday: 5,
    });
    const firstTask = map.map?.tasks[0];
    if (!firstTask) throw new Error('template has tasks');
    await handlers['battlemap:dispatch']({ date: '2027-04-09', entries: [{ taskId: firstTask.id, progress: 50, note: '' }] });
    await handlers['entities:delete']({ id: 'e2' });
    await store.update((doc) => {
      doc.profile.orgName = '改过的单位';
      const cadre = doc.cadres.find((c) => c.id === 'c1');
      if (cadre) cadre.phone = '13900000009';
      const visit = doc.visits[0];
      if (visit) visit.problems.push({ id: 'p1', description: '台账不全', deadline: '2027-05-01', steps: [] });
    });
    const now = store.read();
    const preview = await handlers['backup:preview']({ fileName: first.fileName });
    const kinds = Object.fromEntries(preview.collections.map(({ label, ...rest }) => [label, rest]));
    const visits = now?.visits.length ?? 0;
    const tasks = now?.battleMap?.tasks.length ?? 0;
    expect(visits).toBeGreaterThan(0);
    expect(kinds).toEqual({
      行政区划: { current: 6, backup: 6, added: 0, changed: 0, dropped: 0 },
      包保主体: { current: 1, backup: 2, added: 1, changed: 0, dropped: 0 },
      包保干部: { current: 2, backup: 2, added: 0, changed: 1, dropped: 0 },
      网格监管人员: { current: 1, backup: 1, added: 0, changed: 0, dropped: 0 },
      '包保关系（含历史）': { current: 1, backup: 1, added: 0, changed: 0, dropped: 0 },
      '督导记录（含计划）': { current: visits, backup: 0, added: 0, changed: 0, dropped: visits },
      督导发现的问题: { current: 1, backup: 0, added: 0, changed: 0, dropped: 1 },
      干部督查记录: { current: 0, backup: 0, added: 0, changed: 0, dropped: 0 },
      主体变动记录: { current: 0, backup: 0, added: 0, changed: 0, dropped: 0 },
      作战图排期: { current: 1, backup: 0, added: 0, changed: 0, dropped: 1 },
      作战图任务: { current: tasks, backup: 0, added: 0, changed: 0, dropped: tasks },
      周调度记录: { current: 1, backup: 0, added: 0, changed: 0, dropped: 1 },
      '设置（含节假日）': { current: 1, backup: 1, added: 0, changed: 1, dropped: 0 },
      操作日志: { current: now?.log.length, backup: expect.any(Number), added: 0, changed: 0, dropped: 0, kept: true },
    });
  });

  it('backs up before every bulk change: 生成督导计划, 干部变动, a change to several 主体 at once, a regulator handing 主体 over', async () => {
    const { handlers } = await library();
    const reasons = async () => (await handlers['backup:list']({})).map((b) => b.reason);
    const before = (await reasons()).length;
    await handlers['visits:plan']({ year: 2027 });
    expect(await reasons()).toContain('生成督导计划前');
    await handlers['assign:replaceCadre']({ fromCadreId: 'c1', toCadreId: 'c2', deactivate: false });
    expect(await reasons()).toContain('干部变动前');
    await handlers['assign:reassign']({ entityIds: ['e1'], cadreId: 'c1' });
    expect(await reasons()).toHaveLength(before + 2);
    await handlers['assign:reassign']({ entityIds: ['e1', 'e2'], cadreId: 'c2' });
    await handlers['assign:release']({ entityIds: ['e1', 'e2'], reason: '调整' });
    expect((await reasons()).filter((r) => r === '批量修改前')).toHaveLength(2);
    const other = await handlers['regulators:save']({ name: '马超', unit: '', phone: '', regionIds: ['zjz'] });
    await handlers['regulators:delete']({ id: 'g1', handTo: other.id });
    expect((await reasons()).filter((r) => r === '批量修改前')).toHaveLength(3);
  });

  it('restores from a file kept elsewhere, and refuses a file that is not a library', async () => {
    const { handlers, dataFile } = await library();
    const created = await handlers['backup:create']({});
    const download = await handlers['backup:download']({ fileName: created.fileName });
    await handlers['entities:delete']({ id: 'e1' });
    await handlers['backup:restore']({ upload: { fileName: '备份.json', contentBase64: download.contentBase64 } });
    expect(JSON.parse(await readFile(dataFile, 'utf8')).entities).toHaveLength(2);
    const before = await readFile(dataFile);
    const bad = await dispatch(handlers, 'backup:restore', {
      upload: { fileName: '照片.json', contentBase64: Buffer.from('{"a":1}').toString('base64') },
    });
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
    expect(await dispatch(reopened.handlers, 'stats:get', {})).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('数据文件无法读取') },
    });

    await reopened.handlers['backup:restore']({ fileName: info.recovery?.newestBackup?.fileName ?? '' });
    expect((await reopened.handlers['app:info']({})).counts.entities).toBe(2);
    expect((await readdir(dataDir)).filter((f) => f.startsWith('data.damaged-'))).toHaveLength(1);
  });
});
