import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { dispatch } from '../../main/server/api/dispatch';
import { readSheets } from '../../main/server/import/read-sheets';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { readSheetsOffThread, SheetsFromWorker } from '../../main/server/workers/off-thread';
import { timed } from './cpu-time';
import { GOOD_ROWS, goodRows, hostileXlsx, rowsXml, STRAY_CELL } from './hostile-xlsx';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** Each hostile file is answered within this much CPU time (the reading thread's start included). */
const PROMPTLY_CPU_SECONDS = 10;

async function library(): Promise<{ handlers: ApiHandlers; dataFile: string }> {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-03-15T09:00:00Z') });
  await store.replace(smallDoc());
  return { handlers, dataFile: path.join(dir, DATA_FILE_NAME) };
}

const upload = (bytes: Buffer) => ({
  kind: 'entities' as const,
  fileName: '主体.xlsx',
  contentBase64: bytes.toString('base64'),
  mapping: {},
});

/** The preview is refused with one Chinese message containing `chinese`, promptly, and the data file is untouched. */
async function expectRefused(file: Buffer, chinese: string): Promise<void> {
  const { handlers, dataFile } = await library();
  const before = await readFile(dataFile);
  const { value: result, cpuSeconds } = await timed(() => dispatch(handlers, 'import:preview', upload(file)));
  expect(cpuSeconds).toBeLessThan(PROMPTLY_CPU_SECONDS);
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining(chinese) } });
  expect(await readFile(dataFile)).toEqual(before);
}

describe('hostile spreadsheet files', () => {
  it('reads a stray cell on row 1,048,576 as one row: the 1,500 rows above are all imported', async () => {
    const file = hostileXlsx({ sheetData: rowsXml(goodRows()) + STRAY_CELL });
    // The rows the file leaves out are not filled in, on either thread.
    for (const sheets of [await readSheets('主体.xlsx', file), await readSheetsOffThread('主体.xlsx', file)]) {
      expect(sheets[0]?.rows.length).toBe(1_048_576);
      expect(sheets[0]?.rows.filter(() => true).length).toBe(GOOD_ROWS + 2);
      expect(sheets[0]?.rows[1_048_575]).toEqual(['最下方的备注']);
    }

    const { handlers, dataFile } = await library();
    const { value: preview, cpuSeconds } = await timed(() => handlers['import:preview'](upload(file)));
    expect(cpuSeconds).toBeLessThan(PROMPTLY_CPU_SECONDS);
    expect(preview.counts).toMatchObject({ add: GOOD_ROWS, reject: 1 });
    expect(preview.rows.find((r) => r.outcome === 'reject')).toMatchObject({ row: 1_048_576 });
    expect(await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false })).toMatchObject({ added: GOOD_ROWS });
    const doc = JSON.parse(await readFile(dataFile, 'utf8')) as { entities: { name: string }[] };
    expect(doc.entities.filter((e) => e.name.startsWith('昭君第'))).toHaveLength(GOOD_ROWS);
  });

  it('refuses a row beyond Excel’s last row at once', async () => {
    const far = '<row r="200000000"><c r="A200000000" t="inlineStr"><is><t>甲</t></is></c></row>';
    await expectRefused(hostileXlsx({ sheetData: rowsXml(goodRows()) + far }), '有第 200000000 行，超出 Excel 的最大行数');
  });

  it('reads a sheet whose dimension claims 200,000,000 rows as the rows it has', async () => {
    const { handlers } = await library();
    const preview = await handlers['import:preview'](upload(hostileXlsx({ sheetData: rowsXml(goodRows()), dimension: 'A1:Z200000000' })));
    expect(preview.counts).toMatchObject({ add: GOOD_ROWS, reject: 0 });
  });

  it('refuses five million shared strings in seconds', async () => {
    const count = 5_000_000;
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">${'<si><t>a</t></si>'.repeat(count)}</sst>`;
    await expectRefused(hostileXlsx({ sheetData: rowsXml(goodRows()), sharedStrings: strings }), '文字超过 200 万条');
  });

  it('refuses a zip whose entries claim gigabytes before inflating them', async () => {
    const bomb = { name: 'xl/media/image1.png', data: Buffer.alloc(1024), claimedSize: 0xfffffff0 };
    await expectRefused(hostileXlsx({ sheetData: rowsXml(goodRows()), extra: [bomb] }), '解压后超过 300 MB 的导入上限');
  });

  it('stops a sheet that inflates to more than the zip claims', async () => {
    const padding = ' '.repeat(8 * 1024 * 1024);
    await expectRefused(hostileXlsx({ sheetData: rowsXml(goodRows()) + padding, sheetClaimedSize: 4096 }), '文件可能已损坏');
  });

  it('refuses more cells than the limit (a value on column XFD in every row)', async () => {
    const wide = Array.from({ length: 700 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`).join('');
    await expectRefused(hostileXlsx({ sheetData: rowsXml(goodRows().slice(0, 1)) + wide }), '超过 1000 万个单元格');
  });

  it('refuses the whole preview when the file breaks off after some rows, and commits nothing', async () => {
    const broken = `${rowsXml(goodRows())}<row r="1502"><c r="A1502" t="inlineStr"><is><t>断`;
    await expectRefused(hostileXlsx({ sheetData: broken }), '文件可能已损坏');
  });
});

describe('returned handbooks (handbook:import) from hostile files', () => {
  /** A 督导记录表 as WPS saves it: title on row 1, the blank row 2 left out, the header on row 3. */
  const records = (below: string): Buffer =>
    hostileXlsx({
      sheetName: '督导记录表',
      sheetData:
        rowsXml([['督导记录表']]) +
        rowsXml(
          [
            ['记录编号', '主体名称', '督导日期', '检查结果'],
            ['V-1', '昭君羊肉馆', '2027-03-01', '符合'],
          ],
          3,
        ) +
        below,
    });

  it('reads the rows around rows the file leaves out', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const result = await handlers['handbook:import']({ fileName: '手册.xlsx', contentBase64: records(STRAY_CELL).toString('base64') });
    expect(result).toMatchObject({
      recorded: 0,
      pending: 1,
      rejected: [{ row: 4, entityName: '昭君羊肉馆', reason: expect.stringContaining('记录编号“V-1”不在本系统的督导计划中') }],
    });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('refuses a row beyond Excel’s last row with one Chinese message', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const far = '<row r="200000000"><c r="A200000000" t="inlineStr"><is><t>甲</t></is></c></row>';
    const result = await dispatch(handlers, 'handbook:import', { fileName: '手册.xlsx', contentBase64: records(far).toString('base64') });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('超出 Excel 的最大行数') },
    });
    expect(await readFile(dataFile)).toEqual(before);
  });
});

describe('the reading thread', () => {
  const reading = (code: string, maxOldGenerationSizeMb?: number): SheetsFromWorker =>
    new SheetsFromWorker(
      new Worker(code, { eval: true, ...(maxOldGenerationSizeMb ? { resourceLimits: { maxOldGenerationSizeMb } } : {}) }),
      '主体.xlsx',
    );

  it('that runs out of memory ends the reading with one Chinese message', async () => {
    const sheets = reading('const kept = []; for (;;) kept.push(new Array(1e5).fill(Math.random()));', 32);
    await expect(sheets.arrival()).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('文件“主体.xlsx”内容过多，读取时超出了内存上限'),
    });
  });

  it('that ends without finishing voids the reading (never a part of the file)', async () => {
    const sheets = reading(
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ kind: 'sheet', name: '主体' });
       parentPort.postMessage({ kind: 'rows', at: 0, rows: [['主体名称'], ['甲']] });
       setTimeout(() => process.exit(0), 50);`,
    );
    expect(await failureOf(sheets)).toMatchObject({ message: expect.stringContaining('读取文件的后台任务意外退出') });
  });

  it('whose rows cannot be taken over voids the reading, even when it then says done', async () => {
    const sheets = reading(
      `const { parentPort } = require('node:worker_threads');
       parentPort.postMessage({ kind: 'sheet', name: '主体' });
       parentPort.postMessage({ kind: 'rows', at: 0, rows: null });
       parentPort.postMessage({ kind: 'done' });`,
    );
    expect(await failureOf(sheets)).toMatchObject({ message: expect.stringContaining('读取文件“主体.xlsx”时出错') });
  });
});

/** Waits until the reading ends; its error (it must not complete). */
async function failureOf(sheets: SheetsFromWorker): Promise<unknown> {
  let error: unknown;
  while (!error && !sheets.complete) await sheets.arrival().catch((e: unknown) => (error = e));
  expect(sheets.complete).toBe(false);
  return error;
}
