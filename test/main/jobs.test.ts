import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import type { Cadre } from '@shared/domain/schemas';
import { ANY_FOLDER, dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { follow } from './job-poll';
import { filesUnder, useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** A district library with its visit plan; the clock is fixed so folder names are known. */
async function district(): Promise<{ handlers: ApiHandlers; townshipId: string; activeInTownship: number; townshipCadres: Cadre[] }> {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date(2026, 4, 20, 9, 5) });
  await handlers['app:loadDemo']({ scale: 'district', seed: 2 });
  await handlers['visits:plan']({ year: 2026 });
  const doc = store.read()!;
  const township = doc.regions.find((r) => r.name === '铜川镇')!;
  const regions = await handlers['regions:list']({});
  const inTownship = (regionId: string): boolean => {
    for (let r = regions.find((x) => x.id === regionId); r; r = regions.find((x) => x.id === r?.parentId))
      if (r.id === township.id) return true;
    return false;
  };
  const townshipCadres = doc.cadres.filter((c) => c.active && inTownship(c.regionId));
  return { handlers, townshipId: township.id, activeInTownship: townshipCadres.length, townshipCadres };
}

/** The workbooks of a run, wherever it filed them (旗区/乡镇 folders), as relative paths. */
const xlsxIn = (dir: string): Promise<string[]> => filesUnder(dir, 'xlsx');
/** Where a 铜川镇 cadre's handbook is filed. */
const TOWNSHIP_FOLDER = path.join('东胜区', '铜川镇');
/** The sheets of one cadre's handbook, in order. */
const HANDBOOK_SHEETS = [
  '封面',
  '工作职责',
  '责任清单',
  '任务清单',
  '督查清单',
  '督导检查要点',
  '督导计划',
  '督导记录表',
  '承诺书',
  '联系方式',
];

describe('bulk handbook export as a background job', () => {
  it('writes one handbook per active cadre of a 乡镇 into a new dated subfolder, with rising progress, and never overwrites', async () => {
    const { handlers, townshipId, activeInTownship } = await district();
    const out = await newDir();
    const started = await handlers['handbook:exportAll']({ regionId: townshipId, outDir: out, subfolder: true, combined: false });
    expect(started).toMatchObject({
      state: 'running',
      kind: 'handbooks',
      outDir: path.join(out, '包保干部工作手册-2026年度-20260520-0905'),
    });
    const seen = await follow(handlers, started);
    const last = seen[seen.length - 1]!;
    expect(last).toMatchObject({ state: 'done', done: activeInTownship, total: activeInTownship, files: activeInTownship, error: '' });
    expect(last.message).toBe(`已导出 ${activeInTownship} 本工作手册到 ${started.outDir}`);
    const done = seen.map((s) => s.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(done).size).toBeGreaterThan(2);

    const files = await xlsxIn(started.outDir);
    expect(files).toHaveLength(activeInTownship);
    for (const file of files) {
      expect(path.dirname(file)).toBe(TOWNSHIP_FOLDER);
      // A namesake in the 乡镇 is told apart by 单位 or 职务 in its name, not by -2.
      expect(path.basename(file)).toMatch(/^东胜区-铜川镇-[^-]+-包保干部工作手册-2026\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path.join(started.outDir, file));
      expect(book.worksheets).toHaveLength(HANDBOOK_SHEETS.length);
      const duty = book.getWorksheet('责任清单')!;
      expect(duty.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
      expect(duty.headerFooter.oddFooter).toBe('&C第 &P 页 共 &N 页');
    }

    // The same folder again (as the CLI's --out does): the new files get -2, nothing is replaced.
    const again = await handlers['handbook:exportAll']({ regionId: townshipId, outDir: started.outDir, subfolder: false, combined: false });
    expect(again.outDir).toBe(started.outDir);
    await follow(handlers, again);
    const both = await xlsxIn(started.outDir);
    expect(both).toHaveLength(2 * activeInTownship);
    expect(both.filter((f) => f.endsWith('-2026-2.xlsx')).length).toBe(activeInTownship);
    expect(both.every((f) => path.dirname(f) === TOWNSHIP_FOLDER)).toBe(true);
  });

  it('refuses a second job, answers other calls while it runs, and on cancel stops early keeping the finished files', async () => {
    const { handlers } = await district();
    const out = await newDir();
    const started = await handlers['handbook:exportAll']({ regionId: '', outDir: out, subfolder: false, combined: false });
    expect(started.total === 0 || started.total > 100).toBe(true);

    // A transport that does not say which folders its caller may use gets none.
    const unvouched = await dispatch(handlers, 'handbook:exportAll', { outDir: out });
    expect(unvouched).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const refused = await dispatch(handlers, 'handbook:exportAll', { outDir: out }, ANY_FOLDER);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('请等它完成或取消后再开始新的导出') },
    });

    // Another request is answered between two handbooks, while the job is still going.
    const answered = await dispatch(handlers, 'stats:get', {});
    expect(answered.ok).toBe(true);
    expect((await handlers['jobs:current']({}))?.state).toBe('running');

    await follow(handlers, started, (s) => s.done >= 3);
    const cancelling = await handlers['jobs:cancel']({ jobId: started.jobId });
    expect(cancelling.message).toContain('正在取消');
    const seen = await follow(handlers, started);
    const last = seen[seen.length - 1]!;
    expect(last.state).toBe('cancelled');
    expect(last.total).toBeGreaterThan(250);
    expect(last.files).toBeLessThan(last.total);
    const files = await xlsxIn(out);
    expect(files).toHaveLength(last.files);
    expect(last.message).toBe(`已取消：已导出 ${last.files} 本工作手册（共 ${last.total} 本），保存在 ${out}`);
    // Each file left behind is whole: written atomically, it opens.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, files[0]!));
    expect(book.worksheets).toHaveLength(HANDBOOK_SHEETS.length);

    // Once it has ended, a new job may start; the old one is gone.
    const next = await handlers['handbook:exportAll']({ regionId: '', level: 'city', outDir: out, subfolder: false, combined: false });
    await follow(handlers, next);
    expect(await dispatch(handlers, 'jobs:get', { jobId: started.jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('shows the library as it was when the run started: an edit made while it runs is in no handbook', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date(2026, 4, 20, 9, 5) });
    await handlers['app:loadDemo']({ scale: 'district', seed: 2 });
    const township = store.read()!.regions.find((r) => r.name === '铜川镇')!;
    const orgName = store.read()!.profile.orgName;
    const out = await newDir();
    const started = await handlers['handbook:exportAll']({ regionId: township.id, outDir: out, subfolder: false, combined: false });
    // Saved before the first handbook is built: one edit replaces the profile, one changes 主体 in place.
    await store.update((doc) => {
      doc.profile = { ...doc.profile, orgName: '改名后的市场监督管理局' };
      for (const entity of doc.entities) entity.name = `${entity.name}（改）`;
    });
    expect((await follow(handlers, started)).pop()).toMatchObject({ state: 'done' });
    const files = await xlsxIn(out);
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const zip = await JSZip.loadAsync(await readFile(path.join(out, file)));
      const parts = await Promise.all(
        Object.values(zip.files)
          .filter((f) => f.name.endsWith('.xml'))
          .map((f) => f.async('string')),
      );
      const text = parts.join('');
      expect(text, file).toContain(orgName);
      expect(text, file).not.toContain('改名后的');
      expect(text, file).not.toContain('（改）');
    }
  });

  it("makes one 合订本 per 乡镇 in its 旗区 folder: each cadre's handbook in turn, its sheets and page headers naming the cadre", async () => {
    const { handlers, townshipId, townshipCadres } = await district();
    const out = await newDir();
    const started = await handlers['handbook:exportAll']({ regionId: townshipId, outDir: out, subfolder: false, combined: true });
    const last = (await follow(handlers, started)).pop()!;
    const file = path.join('东胜区', '东胜区-铜川镇-包保干部工作手册合订本-2026.xlsx');
    expect(last).toMatchObject({ state: 'done', files: 1, error: '' });
    expect(last.message).toBe(`已生成合订本“${file}”（${townshipCadres.length} 名干部），保存在 ${out}`);
    expect(await xlsxIn(out)).toEqual([file]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, file));
    // Cadre by cadre, all the sheets of one's handbook together and in its order, named 3.张伟·责任清单.
    expect(book.worksheets).toHaveLength(HANDBOOK_SHEETS.length * townshipCadres.length);
    const names: string[] = [];
    for (let i = 0; i < townshipCadres.length; i++) {
      const sheets = book.worksheets.slice(i * HANDBOOK_SHEETS.length, (i + 1) * HANDBOOK_SHEETS.length);
      const name = /^\d+\.(.+)·封面$/.exec(sheets[0]!.name)?.[1] ?? '';
      names.push(name);
      expect(sheets.map((s) => s.name)).toEqual(HANDBOOK_SHEETS.map((section) => `${i + 1}.${name}·${section}`));
      // The cover names its cadre in its text; every table page is headed with whose handbook it is.
      const cover: string[] = [];
      sheets[0]!.eachRow((row) => row.eachCell((cell) => cover.push(String(cell.value))));
      expect(cover.join('\n')).toContain(name);
      for (const sheet of sheets.filter((s) => !/·(封面|承诺书)$/.test(s.name))) {
        expect(sheet.headerFooter.oddHeader, sheet.name).toMatch(new RegExp(`^&L${name}(（[^）]+）)?　包保干部工作手册&R`));
        expect(sheet.pageSetup, sheet.name).toMatchObject({ paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
      }
    }
    expect(names.sort()).toEqual(townshipCadres.map((c) => c.name).sort());

    // 市级 cadres have no 旗区: theirs is one 合订本 in a 市级 folder.
    const city = await handlers['handbook:exportAll']({ regionId: '', level: 'city', outDir: out, subfolder: false, combined: true });
    expect((await follow(handlers, city)).pop()).toMatchObject({ state: 'done', files: 1 });
    expect(await xlsxIn(out)).toEqual([file, path.join('市级', '市级-包保干部工作手册合订本-2026.xlsx')].sort());
  });

  it('says what to do when the scope has no active cadre, and leaves no folder behind', async () => {
    const { handlers } = await district();
    const out = await newDir();
    const empty = await dispatch(
      handlers,
      'handbook:exportAll',
      { level: 'city', outDir: out, regionId: (await handlers['regions:list']({})).find((r) => r.name === '铜川镇')!.id },
      ANY_FOLDER,
    );
    expect(empty).toMatchObject({ ok: false, error: { message: '所选范围和层级内没有在岗的包保干部，请换一个范围或层级' } });
    expect(await readdir(out)).toEqual([]);

    // A folder that cannot be made (here a file is in the way) is refused before any work starts.
    const blocker = path.join(out, '不是文件夹');
    await writeFile(blocker, 'x');
    const unwritable = await dispatch(handlers, 'handbook:exportAll', { outDir: blocker }, ANY_FOLDER);
    expect(unwritable).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining(`无法在“${blocker}”中建立导出文件夹`) },
    });
    expect(await handlers['jobs:current']({})).toBeNull();
  });

  it('exports the handbooks of another year when asked (file names and 督导计划 of that year)', async () => {
    const { handlers, townshipId, activeInTownship } = await district();
    const out = await newDir();
    const started = await handlers['handbook:exportAll']({
      regionId: townshipId,
      level: 'village',
      year: 2025,
      outDir: out,
      subfolder: false,
      combined: false,
    });
    const last = (await follow(handlers, started)).pop()!;
    const files = await xlsxIn(out);
    expect(files.length).toBe(last.files);
    expect(files.length).toBeLessThan(activeInTownship);
    for (const file of files) {
      expect(path.dirname(file)).toBe(TOWNSHIP_FOLDER);
      expect(path.basename(file)).toMatch(/^东胜区-铜川镇-[^-]+-包保干部工作手册-2025\.xlsx$/);
    }
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, files[0]!));
    // The 2026 plan has no visits in 2025: the 督导计划 of that year is empty.
    expect(String(book.getWorksheet('督导计划')?.getCell('A1').value)).toBe('2025年度督导计划');
    expect(book.getWorksheet('督导计划')?.rowCount).toBe(3);
  });
});
