import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueFileName } from '../../main/server/export/unique-name';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { finished } from './job-poll';
import { cli } from './run-cli';
import { smallDoc } from './small-doc';
import { filesUnder, useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const YEAR = smallDoc().profile.planYear;
const ZHANG_HANDBOOK = `达拉特旗-昭君镇-张伟-包保干部工作手册-${YEAR}.xlsx`;
const LI_HANDBOOK = `达拉特旗-昭君街道-李娜-包保干部工作手册-${YEAR}.xlsx`;
/** Where a bulk export files them: 旗区/乡镇 folders, their names cleaned as the files' are. */
const ZHANG_FOLDER = path.join('达拉特旗', '昭君镇');
const LI_FOLDER = path.join('达拉特旗', '昭君街道');
const ZHANG_LETTER = `达拉特旗-昭君镇-张伟-致包保领导的一封信-${YEAR}.html`;
const LI_LETTER = `达拉特旗-昭君街道-李娜-致包保领导的一封信-${YEAR}.html`;

/** A library written by an older version: names with an ESC colour code, NUL and a bidi override. */
async function olderLibrary(): Promise<string> {
  const dir = await newDir();
  const doc = smallDoc();
  doc.regions = doc.regions.map((r) => (r.id === 'zjz' ? { ...r, name: '昭君\u202e镇' } : r));
  doc.cadres = doc.cadres.map((c) => (c.id === 'c1' ? { ...c, name: '\u001b[1m张\u0000伟\u2066' } : c));
  // The letters name whom to call: without a contact they are not exported.
  doc.profile.letter = { ...doc.profile.letter, contactName: '赵敏', contactPhone: '0477-8581234' };
  await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify(doc));
  return dir;
}

/**
 * Makes the write of `name` into `dir` fail: writeFileAtomic first opens `.<name>.<pid>.tmp`, and a
 * folder of that name cannot be opened as a file. Every other file of the export can be written.
 */
async function blockWrite(dir: string, name: string, pid: number): Promise<void> {
  await mkdir(path.join(dir, `.${name}.${pid}.tmp`), { recursive: true });
}

describe('export file names', () => {
  it('strip control, bidi and invisible characters and what Windows refuses, and avoid device names and trailing dots', () => {
    const dir = path.resolve('/tmp/exports');
    expect(safeFileName(dir, '张\u0000伟\u001b[0m\u202e\u200b\ufeff-手册.xlsx')).toBe('张伟-手册.xlsx');
    expect(safeFileName(dir, 'a<b>c:d"e/f\\g|h?i*j.html')).toBe('abcdefghij.html');
    expect(safeFileName(dir, 'CON')).toBe('CON_');
    expect(safeFileName(dir, 'nul.html')).toBe('nul_.html');
    expect(safeFileName(dir, 'COM1.tar.gz')).toBe('COM1_.tar.gz');
    expect(safeFileName(dir, 'LPT9.xlsx')).toBe('LPT9_.xlsx');
    expect(safeFileName(dir, 'CONSOLE.xlsx')).toBe('CONSOLE.xlsx');
    expect(safeFileName(dir, '手册. . .')).toBe('手册');
    expect(safeFileName(dir, '手册 ..xlsx')).toBe('手册.xlsx');
    expect(safeFileName(dir, '\u0007.xlsx')).toBe('未命名.xlsx');
    // A name proposed by a page cannot point to another folder.
    expect(safeFileName(dir, '..\\..\\Windows/evil.json')).toBe('Windowsevil.json');
    expect(safeFileName(dir, '..')).toBe('未命名');
  });

  it('keep the whole path under 260 characters and the name under 255 bytes, the extension kept', () => {
    const deep = path.resolve('/tmp', 'x'.repeat(150));
    const long = `${'达拉特旗'.repeat(40)}-包保干部工作手册-2027.xlsx`;
    const name = safeFileName(deep, long);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(path.join(deep, name).length).toBeLessThan(260 - 4);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255 - 4);
    const short = safeFileName('/tmp', long);
    expect(Buffer.byteLength(short)).toBeLessThanOrEqual(255 - 4);
    expect(short.startsWith('达拉特旗达拉特旗')).toBe(true);
    // Room is left for the -2 of a namesake.
    const used = new Set<string>();
    expect(uniqueFileName(deep, long, used)).toBe(name);
    expect(uniqueFileName(deep, long, used)).toBe(name.replace(/\.xlsx$/, '-2.xlsx'));
  });
});

describe('bulk exports of a library stored by an older version', () => {
  it('write every handbook with the names cleaned', async () => {
    const dir = await olderLibrary();
    const { handlers } = await openServices(dir);
    expect((await handlers['handbook:export']({ cadreId: 'c1' })).fileName).toBe(ZHANG_HANDBOOK);
    const out = await newDir();
    const ended = await finished(
      handlers,
      await handlers['handbook:exportAll']({ regionId: '', outDir: out, subfolder: false, combined: false }),
    );
    expect(ended).toMatchObject({ state: 'done', files: 2, skipped: [] });
    expect(await filesUnder(out, 'xlsx')).toEqual([path.join(LI_FOLDER, LI_HANDBOOK), path.join(ZHANG_FOLDER, ZHANG_HANDBOOK)].sort());
  });

  it('a handbook that cannot be written is skipped and reported in Chinese; the others are written', async () => {
    const dir = await olderLibrary();
    const { handlers } = await openServices(dir);
    const out = await newDir();
    await blockWrite(path.join(out, ZHANG_FOLDER), ZHANG_HANDBOOK, process.pid);
    const ended = await finished(
      handlers,
      await handlers['handbook:exportAll']({ regionId: '', outDir: out, subfolder: false, combined: false }),
    );
    // The file is named with its folder in the export, so the clerk can find it.
    const blocked = path.join(ZHANG_FOLDER, ZHANG_HANDBOOK);
    expect(ended).toMatchObject({
      state: 'done',
      files: 1,
      error: '',
      skipped: [{ fileName: blocked, reason: expect.stringContaining('是一个文件夹') }],
    });
    expect(ended.message).toMatch(
      new RegExp(`^已导出 1 本工作手册到 .*；1 个文件未能写入：“${blocked}”（.*是一个文件夹.*）。请处理后重新导出这些文件$`),
    );
    expect(await filesUnder(out, 'xlsx')).toEqual([path.join(LI_FOLDER, LI_HANDBOOK)]);
  });
});

describe('a 合订本 that cannot be written', () => {
  it('ends the job with the reason in Chinese, not a failure in English', async () => {
    const dir = await olderLibrary();
    const { handlers } = await openServices(dir);
    const out = await newDir();
    // One 乡镇, so one 合订本, filed in its 旗区's folder.
    const name = `达拉特旗-昭君镇-包保干部工作手册合订本-${YEAR}.xlsx`;
    await blockWrite(path.join(out, '达拉特旗'), name, process.pid);
    const ended = await finished(
      handlers,
      await handlers['handbook:exportAll']({ regionId: 'zjz', outDir: out, subfolder: false, combined: true }),
    );
    const blocked = path.join('达拉特旗', name);
    expect(ended).toMatchObject({
      state: 'done',
      files: 0,
      error: '',
      skipped: [{ fileName: blocked, reason: expect.stringContaining('是一个文件夹') }],
    });
    expect(ended.message).toMatch(new RegExp(`^未能写入合订本：“${blocked}”（.*是一个文件夹.*）。请处理后重新导出$`));
    expect(await filesUnder(out, 'xlsx')).toEqual([]);
  });
});

describe('CLI export letters', () => {
  it('writes the letters of stored names with control characters, and skips and reports a file it cannot write, exit code 1', async () => {
    const dir = await olderLibrary();
    const out = await newDir();
    const clean = await cli('export', 'letters', '--out', out, '--data', dir);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([LI_LETTER, ZHANG_LETTER, '致包保领导的一封信-合订本-2封.html'].sort());
    expect(await readFile(path.join(out, ZHANG_LETTER), 'utf8')).toContain('尊敬的');

    const blocked = await newDir();
    // In process, so writeFileAtomic's temp names carry this process's pid.
    await blockWrite(blocked, ZHANG_LETTER, process.pid);
    const run = await cli('export', 'letters', '--out', blocked, '--data', dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`已导出 1 封致包保领导的一封信到 ${blocked}（另有合订本一份）`);
    expect(run.stderr).toContain(`未能写入“${ZHANG_LETTER}”：`);
    expect(run.stderr).toContain('错误：1 个文件未能写入（见上），其余文件已导出 / Error: 1 file(s) could not be written');
    expect((await readdir(blocked)).filter((name) => !name.startsWith('.')).sort()).toEqual(
      [LI_LETTER, '致包保领导的一封信-合订本-2封.html'].sort(),
    );
  });

  it('lists stored names with control characters without their escape codes', async () => {
    const dir = await olderLibrary();
    const listed = await cli('list', 'cadres', '--data', dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('张伟');
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(listed.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});
