import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { ApiError } from '@shared/api/result';
import { RegionIndex } from '@shared/domain/regions';
import { buildWorkbook, type TableSheet } from '../../main/server/export/xlsx';
import { openServices } from '../../main/server/services';
import { WorkbookPool, workbookPoolSize } from '../../main/server/workers/workbook-pool';
import { finished } from './job-poll';
import { useTempDirs } from './temp-dir';

const seen = vi.hoisted(() => ({ crash: null as 'at-start' | 'on-build' | null, written: [] as string[] }));

// Fault injection: while `crash` is set, new workers exit as they start or when given a workbook.
vi.mock(import('../../main/server/workers/off-thread'), async (importOriginal) => {
  const actual = await importOriginal();
  const { Worker } = await import('node:worker_threads');
  const crashing = {
    'at-start': 'process.exit(3);',
    'on-build': `const { parentPort } = require('node:worker_threads');
      parentPort.once('message', () => process.exit(7));
      parentPort.postMessage({ kind: 'ready' });`,
  };
  return {
    ...actual,
    startWorker: (script, data) => (seen.crash ? new Worker(crashing[seen.crash], { eval: true }) : actual.startWorker(script, data)),
  };
});
// The files as written, in order (the store's own writes included; the test picks the workbooks).
vi.mock(import('../../main/server/storage/atomic-file'), async (importOriginal) => {
  const actual = await importOriginal();
  return {
    ...actual,
    writeFileAtomic: async (file, data) => {
      seen.written.push(file);
      await actual.writeFileAtomic(file, data);
    },
  };
});

const newDir = useTempDirs();

afterEach(() => {
  seen.crash = null;
  seen.written.length = 0;
  vi.restoreAllMocks();
});

/** Every feature of a TableSheet: dates, numbers in text columns, fills, legend, 合计, page breaks. */
const SHEETS: TableSheet[] = [
  {
    sheetName: '督导计划',
    title: '2027年度督导计划',
    subtitle: '制表单位：东胜区市场监督管理局　　制表日期：2027-03-01',
    columns: [
      { label: '主体名称', width: 30, format: 'text' },
      { label: '统一社会信用代码', width: 22, format: 'text' },
      { label: '计划日期', width: 12, format: 'date' },
      { label: '次数', width: 8, format: 'number' },
      { label: '完成率', width: 10, format: 'percent' },
      { label: '备注（隐藏）', width: 10, format: 'text', hidden: true },
    ],
    rows: [
      // eslint-disable-next-line no-loss-of-precision -- a long number cell, as Excel stores one
      ['东胜区昭君第1号商店，一个很长很长的名字需要换行显示在单元格里面', 911506021234567890, { date: '2027-03-15' }, 4, 0.975, null],
      ['达拉特旗和胜村小卖部', '91150602MA0N1234X', { date: 'not a date' }, '无', 1, true],
      ['（无）', null, null, null, null, false],
    ],
    totalRow: ['合计', null, null, 4, 0.9875, null],
    fills: [[null, null, 'FFFFC7CE', null, null, null], [], [null, 'FF5B9BD5', null, null, null, null]],
    legend: [
      { label: '逾期', argb: 'FFFFC7CE' },
      { label: '已完成', argb: 'FF5B9BD5' },
    ],
    pageBreaksAfter: [0],
  },
  {
    sheetName: "封面: O'Brien/其他*?",
    title: '封面',
    columns: [{ label: '内容', width: 50, format: 'text' }],
    rows: [['包保干部'], ['第二行\n第三行']],
    paper: 'A3',
  },
];

/** What exceljs reads back of a workbook: names, values, merges, page setup, row heights and styles. */
async function readBack(bytes: Buffer): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push({ value: cell.value, style: cell.style }));
      rows.push({ n, height: row.height, cells });
    });
    return {
      name: ws.name,
      merges: ws.model.merges,
      pageSetup: ws.pageSetup,
      footer: ws.headerFooter,
      columns: ws.columns.map((c) => [c.width, c.hidden]),
      rows,
    };
  });
}

describe('workbooks built in a pool of worker threads', () => {
  it('makes the same workbook as buildWorkbook in the main thread, several at once', async () => {
    const expected = await readBack(await buildWorkbook(SHEETS));
    const pool = await WorkbookPool.open(2);
    try {
      const built = await Promise.all([pool.build(SHEETS), pool.build(SHEETS), pool.build(SHEETS.slice(1))]);
      expect(await readBack(built[0]!)).toEqual(expected);
      expect(await readBack(built[1]!)).toEqual(expected);
      expect(await readBack(built[2]!)).toEqual(expected.slice(1));
    } finally {
      await pool.close();
    }
  });

  it('rejects a failed build with a Chinese ApiError that says what to do, and goes on after a worker dies', async () => {
    const pool = await WorkbookPool.open(2);
    try {
      const failed = pool.build([{ sheetName: '空表', title: '空表', columns: [], rows: [] }]);
      await expect(failed).rejects.toBeInstanceOf(ApiError);
      await expect(failed).rejects.toMatchObject({
        code: 'internal',
        message: '生成 Excel 文件时出错（表格“空表”没有任何列，无法导出），请重试；仍不行请重新启动本程序后再导出',
      });
    } finally {
      await pool.close();
    }

    // A worker that dies mid-build fails that workbook only; the next one gets a new worker.
    seen.crash = 'on-build';
    const crashing = await WorkbookPool.open(1);
    try {
      await expect(crashing.build(SHEETS)).rejects.toMatchObject({
        code: 'internal',
        message: '生成 Excel 文件的后台任务意外退出（代码 7），请关闭其他程序后重试',
      });
      seen.crash = null;
      expect(await readBack(await crashing.build(SHEETS))).toEqual(await readBack(await buildWorkbook(SHEETS)));
    } finally {
      await crashing.close();
    }
    await expect(crashing.build(SHEETS)).rejects.toMatchObject({ message: '生成 Excel 文件的后台任务已结束，请重新导出' });

    seen.crash = 'at-start';
    await expect(WorkbookPool.open(2)).rejects.toMatchObject({
      code: 'internal',
      message: '生成 Excel 文件的后台任务未能启动（代码 3），请重新启动本程序后再导出',
    });
  });
});

/** A district library with its visit plan (as in jobs.test.ts). */
async function district(): Promise<{ handlers: ApiHandlers; townshipId: string; expectedNames: string[] }> {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date(2026, 4, 20, 9, 5) });
  await handlers['app:loadDemo']({ scale: 'district', seed: 2 });
  await handlers['visits:plan']({ year: 2026 });
  const doc = store.read()!;
  const regions = new RegionIndex(doc.regions);
  const townshipId = doc.regions.find((r) => r.name === '铜川镇')!.id;
  // The export's order: 旗区 · 乡镇 · 村 path, then name.
  const expectedNames = doc.cadres
    .filter((c) => c.active && regions.contains(townshipId, c.regionId))
    .sort((a, b) => regions.path(a.regionId).localeCompare(regions.path(b.regionId), 'zh') || a.name.localeCompare(b.name, 'zh'))
    .map((c) => c.name);
  return { handlers, townshipId, expectedNames };
}

describe('bulk handbook export through the pool', () => {
  it('with two workers, writes each cadre’s handbook under its own name, in the cadres’ order', async () => {
    // Two workers whatever this machine's cores.
    vi.spyOn(os, 'availableParallelism').mockReturnValue(8);
    expect(workbookPoolSize()).toBe(2);
    const { handlers, townshipId, expectedNames } = await district();
    const out = await newDir();
    const last = await finished(
      handlers,
      await handlers['handbook:exportAll']({ regionId: townshipId, outDir: out, subfolder: false, combined: false }),
    );
    expect(last).toMatchObject({ state: 'done', files: expectedNames.length });

    const files = seen.written.filter((f) => f.endsWith('.xlsx'));
    // Filed as an office files them, a folder per 旗区 and 乡镇; a namesake told apart by 单位 or 职务.
    expect(files.map((f) => path.dirname(f))).toEqual(expectedNames.map(() => path.join(out, '东胜区', '铜川镇')));
    for (const [i, file] of files.entries()) {
      expect(path.basename(file)).toMatch(new RegExp(`^东胜区-铜川镇-${expectedNames[i]}(（[^）]+）)?-包保干部工作手册-2026\\.xlsx$`));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(file);
      const coverValues = book.getWorksheet('封面')?.getColumn(2).values.map(String) ?? [];
      expect(coverValues.some((value) => value.startsWith(expectedNames[i] ?? '-'))).toBe(true);
    }
  });

  it('fails the job with the worker’s message when a worker dies, instead of hanging', async () => {
    const { handlers, townshipId } = await district();
    const out = await newDir();
    seen.crash = 'on-build';
    const last = await finished(
      handlers,
      await handlers['handbook:exportAll']({ regionId: townshipId, outDir: out, subfolder: false, combined: false }),
    );
    expect(last).toMatchObject({ state: 'failed', files: 0, error: '生成 Excel 文件的后台任务意外退出（代码 7），请关闭其他程序后重试' });
    expect(last.message).toBe(
      `导出中断：生成 Excel 文件的后台任务意外退出（代码 7），请关闭其他程序后重试。已完成的 0 个文件保留在 ${out}，请处理后重新导出`,
    );
  });
});
