import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DownPreview, DownImportResult } from '@shared/packages/api';
import type { DataDoc } from '@shared/storage/types';
import { openServices } from '../../main/server/services';
import { cli } from './run-cli';
import { useTempDirs } from './temp-dir';

/**
 * 下发包 (issue #19 item 4, docs/domain.md#上报包与下发包): the city sends its settings and region
 * list down; a 旗区 with edits of its own takes it in item by item — the city's changes taken, its
 * own kept, both listed — and the same file twice, a hand-edited one or the wrong kind of package
 * change nothing.
 */

const newDir = useTempDirs();

/** The 旗区's library as the demo makes it (东胜区 under 鄂尔多斯市), made once and copied per test. */
let districtDemo = '';
beforeAll(async () => {
  districtDemo = await mkdtemp(path.join(os.tmpdir(), 'baobao-test-district-'));
  expect((await cli('demo', '--scale', 'district', '--data', districtDemo)).code).toBe(0);
});
afterAll(() => rm(districtDemo, { recursive: true, force: true }));

async function copyOf(dir: string): Promise<string> {
  const copy = await newDir();
  await cp(dir, copy, { recursive: true });
  return copy;
}

/** Every file of the library (data file and its parts), backups and the lock left out: equal when nothing was written. */
async function libraryHash(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).filter((n) => n !== 'backups' && !n.startsWith('.')).sort()) {
    hash.update(name).update(await readFile(path.join(dir, name)));
  }
  return hash.digest('hex');
}

async function backupsIn(dir: string): Promise<number> {
  return (await readdir(path.join(dir, 'backups')).catch(() => [])).length;
}

async function change<T>(dir: string, mutate: (doc: DataDoc) => T): Promise<T> {
  const { store } = await openServices(dir);
  try {
    return await store.update(mutate);
  } finally {
    await store.close();
  }
}

async function read<T>(dir: string, pick: (doc: DataDoc) => T): Promise<T> {
  const { store } = await openServices(dir, { lock: false });
  try {
    return pick(store.read()!);
  } finally {
    await store.close();
  }
}

async function ok(...args: string[]): Promise<string> {
  const run = await cli(...args);
  expect(run.stderr, args.join(' ')).toBe('');
  expect(run.code).toBe(0);
  return run.stdout;
}

/**
 * The city: the demo's library made the 市局's own (its area the city, 东胜区 below it), with a
 * 作战图 from the shipped template.
 */
async function cityLibrary(): Promise<string> {
  const city = await copyOf(districtDemo);
  await change(city, (doc) => {
    doc.profile.orgLevel = 'city';
    doc.profile.orgName = '鄂尔多斯市市场监督管理局';
  });
  const { handlers, store } = await openServices(city);
  await handlers['battlemap:create']({ planStart: '2027-03-01', finalDeadline: '2027-11-30', mode: 'backward', dispatchWeekday: 5 });
  await store.close();
  return city;
}

async function exportDown(city: string, file: string): Promise<string> {
  expect(await ok('export', 'package', '--down', '--out', file, '--data', city)).toContain('已导出下发包');
  return file;
}

describe('下发包 through the CLI', () => {
  it('a 旗区 with its own edits takes the city’s changes, keeps its own, lists what both changed; again changes nothing', async () => {
    const city = await cityLibrary();
    const district = await copyOf(districtDemo);
    const out = await newDir();

    // First 下发包: nothing changed here since (no base yet: the app's defaults), so everything is taken; a new village is added.
    await change(city, (doc) => {
      const township = doc.regions.find((r) => r.level === 'township' && r.code.startsWith('150602'))!;
      doc.regions.push({ id: 'R-empty-village', name: '待撤并村', level: 'village', parentId: township.id, code: '', kind: '村' });
    });
    const first = await exportDown(city, path.join(out, 'first.xlsx'));
    const taken = JSON.parse(await ok('import', 'package', first, '--json', '--data', district)) as DownImportResult;
    expect(taken.changed).toBe(true);
    expect(taken.preview.items.every((i) => i.action === 'take')).toBe(true);
    expect(taken.preview.regions).toEqual({ added: ['待撤并村'], renamed: [], removed: [], kept: [] });
    const cityTasks = await read(city, (doc) => doc.battleMap!.tasks.map((t) => t.name));
    expect(await read(district, (doc) => doc.battleMap?.tasks.map((t) => t.name))).toEqual(cityTasks);

    // Both edit: the 旗区 its letter title, a task and the 旗区级 要点; the city the frequencies, the same 要点, the regions.
    const [firstTask] = await change(district, (doc) => {
      doc.profile.letter.title = '致东胜区包保干部的一封信';
      doc.profile.checklistByLevel.county = ['东胜区自定的检查要点'];
      const task = doc.battleMap!.tasks[0]!;
      task.owner = '东胜区局长';
      task.progress = 40;
      task.status = '进行中';
      return [task.id];
    });
    const regions = await change(city, (doc) => {
      doc.profile.visitRules.perYearByGrade.A = 24;
      doc.profile.checklistByLevel.county = ['市局统一的检查要点一', '市局统一的检查要点二'];
      const dongsheng = doc.regions.find((r) => r.code === '150602')!;
      const townships = doc.regions.filter((r) => r.parentId === dongsheng.id);
      const renamed = townships[0]!;
      const oldName = renamed.name;
      renamed.name = `${oldName}（更名）`;
      // A new village, and two the city no longer lists: one empty, one with 主体 registered (in the 旗区's library).
      doc.regions.push({ id: 'R-new-village', name: '新设村', level: 'village', parentId: renamed.id, code: '', kind: '村' });
      const villages = doc.regions.filter((r) => r.level === 'village' && townships.some((t) => t.id === r.parentId));
      const empty = villages.find((v) => v.id === 'R-empty-village')!;
      const busy = villages.find((v) => doc.entities.some((e) => e.regionId === v.id))!;
      const busyTownship = busy.parentId!;
      // The city moves what it has there to the 乡镇 (its own copy of the records); the 旗区 still has them in the village.
      for (const e of doc.entities) if (e.regionId === busy.id) e.regionId = busyTownship;
      for (const c of doc.cadres) if (c.regionId === busy.id) c.regionId = busyTownship;
      for (const g of doc.regulators) g.regionIds = g.regionIds.map((id) => (id === busy.id ? busyTownship : id));
      doc.regions = doc.regions.filter((r) => r.id !== empty.id && r.id !== busy.id);
      return { oldName, renamedId: renamed.id, empty, busy };
    });
    const second = await exportDown(city, path.join(out, 'second.xlsx'));
    const beforeDryRun = await libraryHash(district);

    const preview = JSON.parse(await ok('import', 'package', second, '--dry-run', '--json', '--data', district)) as DownPreview;
    expect(await libraryHash(district)).toBe(beforeDryRun);
    const action = (key: string) => preview.items.find((i) => i.key === key)?.action;
    expect(action('visitRules.perYearByGrade')).toBe('take');
    expect(action('letter.title')).toBe('keep');
    expect(action(`task:${firstTask}`)).toBe('keep');
    expect(action('checklistByLevel.county')).toBe('conflict');
    expect(preview.items.filter((i) => i.action === 'conflict')).toHaveLength(1);
    expect(preview.regions.renamed).toEqual([expect.stringContaining(`更名为“${regions.oldName}（更名）”`)]);
    expect(preview.regions.added).toEqual(['新设村']);
    expect(preview.regions.removed).toEqual([expect.stringContaining(regions.empty.name)]);
    expect(preview.regions.kept).toEqual([expect.stringMatching(new RegExp(`^${regions.busy.name}.*仍有 \\d+ 户主体`))]);

    // Taken in: the conflict keeps this library's value and is listed; backup first; logged in Chinese.
    const backups = await backupsIn(district);
    const text = await ok('import', 'package', second, '--data', district);
    expect(text).toContain('双方都改过：督导检查要点（旗区级干部）');
    expect(text).toContain('保留本地（见上，加 --take-upper 采用上级）');
    expect(await backupsIn(district)).toBe(backups + 1);
    const after = await read(district, (doc) => ({
      title: doc.profile.letter.title,
      county: doc.profile.checklistByLevel.county,
      perYearA: doc.profile.visitRules.perYearByGrade.A,
      task: doc.battleMap!.tasks.find((t) => t.id === firstTask)!,
      regions: doc.regions,
      log: doc.log.at(-1)!,
    }));
    expect(after.title).toBe('致东胜区包保干部的一封信');
    expect(after.county).toEqual(['东胜区自定的检查要点']);
    expect(after.perYearA).toBe(24);
    expect(after.task).toMatchObject({ owner: '东胜区局长', progress: 40, status: '进行中' });
    expect(after.regions.find((r) => r.id === regions.renamedId)?.name).toBe(`${regions.oldName}（更名）`);
    expect(after.regions.some((r) => r.name === '新设村' && r.parentId === regions.renamedId)).toBe(true);
    expect(after.regions.some((r) => r.id === regions.empty.id)).toBe(false);
    expect(after.regions.some((r) => r.id === regions.busy.id)).toBe(true);
    expect(after.log.action).toBe('package:importDown');
    expect(after.log.summary).toMatch(/^接收下发包：鄂尔多斯市市场监督管理局.*双方都改过 1 项：采用上级 0、保留本地 1/);
    expect((await cli('check', '--data', district)).code).toBe(0);

    // The same 下发包 again: nothing written, not even a backup.
    const settled = await libraryHash(district);
    expect(await ok('import', 'package', second, '--data', district)).toContain('数据未改动');
    expect(await libraryHash(district)).toBe(settled);
    expect(await backupsIn(district)).toBe(backups + 1);
  }, 180_000);

  it('--take-upper takes the city’s value where both changed an item', async () => {
    const city = await cityLibrary();
    const district = await copyOf(districtDemo);
    const out = await newDir();
    await ok('import', 'package', await exportDown(city, path.join(out, 'first.xlsx')), '--data', district);
    await change(district, (doc) => void (doc.profile.visitRules.weeklyCapPerCadre = 3));
    await change(city, (doc) => void (doc.profile.visitRules.weeklyCapPerCadre = 8));
    const text = await ok('import', 'package', await exportDown(city, path.join(out, 'second.xlsx')), '--take-upper', '--data', district);
    expect(text).toContain('双方都改过的 1 项已采用上级');
    expect(await read(district, (doc) => doc.profile.visitRules.weeklyCapPerCadre)).toBe(8);
  });

  it('refuses a hand-edited 下发包, the wrong kind of package and the city’s own, the data file unchanged', async () => {
    const city = await cityLibrary();
    const district = await copyOf(districtDemo);
    const out = await newDir();
    const file = await exportDown(city, path.join(out, 'down.xlsx'));
    const before = await libraryHash(district);

    // Edited: the settings changed without the checksum, as a person editing the file would.
    const zip = await JSZip.loadAsync(await readFile(file));
    const content = JSON.parse(await zip.file('shian/content.json')!.async('string')) as {
      settings: { visitRules: { weeklyCapPerCadre: number } };
    };
    content.settings.visitRules.weeklyCapPerCadre = 99;
    zip.file('shian/content.json', JSON.stringify(content));
    const edited = path.join(out, 'edited.xlsx');
    await writeFile(edited, await zip.generateAsync({ type: 'nodebuffer' }));
    const run = await cli('import', 'package', edited, '--data', district);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('下发包已被修改');
    expect(await libraryHash(district)).toBe(before);

    // A library without regions has no area to send down.
    const empty = await newDir();
    await ok('init', '--data', empty);
    const none = await cli('export', 'package', '--down', '--out', path.join(out, 'none.xlsx'), '--data', empty);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('无法生成下发包');

    // --region and --year do not apply to a 下发包: refused rather than silently ignored.
    for (const flag of [
      ['--region', '150602'],
      ['--year', '2027'],
    ]) {
      const scoped = await cli('export', 'package', '--down', ...flag, '--out', path.join(out, 'scoped.xlsx'), '--data', city);
      expect(scoped.code).toBe(1);
      expect(scoped.stderr).toContain(`不分区域和年度，请去掉 ${flag[0]}`);
      await expect(readFile(path.join(out, 'scoped.xlsx'))).rejects.toThrow();
    }

    // The city taking its own 下发包.
    const own = await cli('import', 'package', file, '--data', city);
    expect(own.code).toBe(1);
    expect(own.stderr).toContain('本库就是该单位');

    // A 上报包 given where a 下发包 is expected, and the reverse (the page's two screens).
    const { handlers, store } = await openServices(district);
    try {
      const upward = await handlers['package:export']({ regionId: '' });
      const asDown = { file: { fileName: '东胜区上报包.xlsx', contentBase64: upward.contentBase64 }, choices: {}, takeUpper: false };
      await expect(handlers['package:previewDown'](asDown)).rejects.toThrow('是旗区报送的上报包，不是下发包');
      await expect(handlers['package:importDown'](asDown)).rejects.toThrow('是旗区报送的上报包，不是下发包');
      const downward = { fileName: '下发包.xlsx', contentBase64: (await readFile(file)).toString('base64') };
      await expect(handlers['package:import']({ files: [downward], force: false })).rejects.toThrow('是上级下发的下发包，不是上报包');
    } finally {
      await store.close();
    }
    expect(await libraryHash(district)).toBe(before);
  });
});

describe('上报包 carries the 督查 records', () => {
  it('the year’s 督查 of the area’s cadres are taken in and replaced with their slice', async () => {
    const district = await copyOf(districtDemo);
    const city = await newDir();
    await ok('init', '--unit', '鄂尔多斯市市场监督管理局', '--data', city);
    const exportUp = async (): Promise<string> => {
      const { handlers, store } = await openServices(district);
      try {
        return (await handlers['package:export']({ regionId: '' })).contentBase64;
      } finally {
        await store.close();
      }
    };
    const inspect = async (note: string): Promise<string> => {
      const { handlers, store } = await openServices(district);
      try {
        const year = store.read()!.profile.planYear;
        const cadre = store.read()!.cadres.find((c) => c.level === 'township')!;
        const items = [{ item: '督查事项一', result: '未落实' as const, note }];
        const saved = await handlers['inspections:save']({
          cadreId: cadre.id,
          date: `${year}-04-01`,
          inspectorLevel: 'county',
          team: '东胜区督查组',
          inspectors: '张三',
          items,
          result: '基本合格',
          notes: '',
        });
        return saved.id;
      } finally {
        await store.close();
      }
    };
    const takeIn = async (contentBase64: string) => {
      const { handlers, store } = await openServices(city);
      try {
        return await handlers['package:import']({ files: [{ fileName: '东胜区.xlsx', contentBase64 }], force: false });
      } finally {
        await store.close();
      }
    };
    const yearly = (doc: DataDoc) =>
      doc.inspections
        .filter((i) => i.date.startsWith(`${doc.profile.planYear}-`))
        .map((i) => i.id)
        .sort();

    const first = await inspect('第一次');
    const taken = await takeIn(await exportUp());
    expect(taken.packages[0]!.kinds.find((k) => k.kind === 'inspections')).toMatchObject({ label: '督查记录（本年度）', removed: 0 });
    expect(await read(city, (doc) => doc.inspections.map((i) => i.id))).toContain(first);
    expect(await read(city, yearly)).toEqual(await read(district, yearly));

    // The 旗区 deletes the first and records another: the newer package replaces its slice.
    const { handlers, store } = await openServices(district);
    await handlers['inspections:delete']({ id: first });
    await store.close();
    const second = await inspect('第二次');
    const again = await takeIn(await exportUp());
    expect(again.packages[0]!.kinds.find((k) => k.kind === 'inspections')).toMatchObject({ added: 1, removed: 1 });
    const held = await read(city, (doc) => doc.inspections.map((i) => i.id));
    expect(held).toContain(second);
    expect(held).not.toContain(first);
  });
});
