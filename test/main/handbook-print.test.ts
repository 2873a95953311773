import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers, JobStatus } from '@shared/api/contract';
import { RegionIndex } from '@shared/domain/regions';
import type { Cadre } from '@shared/domain/schemas';
import { cadreLabel, filingPlace } from '@shared/handbook/handbook';
import type { DataDoc } from '@shared/storage/types';
import { buildWorkbook, type TableSheet } from '../../main/server/export/xlsx';
import { openServices } from '../../main/server/services';
import { finished } from './job-poll';
import { expectInsidePaper, MM, pdfPages, printWithLibreOffice, typeSize, wordOn, type PdfPage } from './pdf-pages';

/**
 * 工作手册 as LibreOffice prints them, read back from the PDF: a real cover, the 承诺书 set as a
 * 公文 page (sizes measured: a Han character is one em wide), nothing off the paper, page numbers,
 * no table page with its last row alone; the 合订本 of a 乡镇 grouped by cadre and printed in
 * minutes. Needs LibreOffice and poppler (Debian: libreoffice-calc, poppler-utils).
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A table printed over several pages has on each at least two of its rows (rows counted by their
 * 计划日期): pages of one table follow each other, each under the table's header `header`.
 */
function expectNoLoneRows(pages: readonly PdfPage[], header: string, where: string): void {
  let run: PdfPage[] = [];
  const check = (): void => {
    if (run.length > 1)
      run.forEach((page) =>
        expect(page.words.filter((w) => ISO_DATE.test(w.text)).length, `${where}：“${header}”表某页只有一行`).toBeGreaterThanOrEqual(2),
      );
    run = [];
  };
  for (const page of pages) {
    if (page.words.some((w) => w.text === header)) run.push(page);
    else check();
  }
  check();
}

/** The checks every handbook's pages pass, alone or in a 合订本; `pages` are one cadre's. */
function expectHandbookPages(pages: readonly PdfPage[], cadre: Cadre, orgName: string, where: string): void {
  for (const [i, page] of pages.entries()) {
    expect([page.width, page.height].map(Math.round).sort(), `${where} 第 ${i + 1} 页不是 A4`).toEqual([595, 842]);
    expectInsidePaper(page, `${where} 第 ${i + 1} 页`);
  }

  // 封面: the title large on whole lines, then who, where, which year, who printed it when; one page.
  const cover = pages[0]!;
  for (const line of [orgName, '落实食品安全包保责任', '2026年度包保干部工作手册']) wordOn(cover, line);
  expect(typeSize(wordOn(cover, '落实食品安全包保责任'))).toBeCloseTo(26, 0);
  for (const text of [cadre.name, '工作单位：', '包保区域：', '2026年', '编印单位：', '2026年12月5日'])
    expect(cover.text, where).toContain(text);
  expect(cover.text).not.toMatch(/项目|内容/);
  expect(pages[1]?.text).toContain('包保干部工作职责');

  // 承诺书: 2号 title, 3号 text inside the GB/T 9704 margins, room to sign; one page.
  // By its title alone: the 督查清单 names the 承诺书 inside an item.
  const at = pages.findIndex((page) => page.words.some((w) => w.text === '食品安全责任与任务承诺书'));
  const letter = pages[at]!;
  expect(pages[at + 1]?.text).toContain('工作联系方式');
  expect(typeSize(wordOn(letter, '食品安全责任与任务承诺书'))).toBeCloseTo(22, 0);
  const text = letter.words;
  const signer = wordOn(letter, '承诺人（签字）：');
  const body = text.filter(
    (w) => /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]{8,}$/.test(w.text) && w.yMax < signer.yMin && w.text !== '食品安全责任与任务承诺书',
  );
  expect(body.length).toBeGreaterThan(8);
  for (const word of body) expect(typeSize(word), word.text).toBeCloseTo(16, 0);
  expect(Math.min(...text.map((w) => w.xMin))).toBeGreaterThanOrEqual(28 * MM - 1);
  expect(Math.max(...text.map((w) => w.xMax))).toBeLessThanOrEqual(letter.width - 26 * MM);
  expect(Math.min(...text.map((w) => w.yMin))).toBeGreaterThanOrEqual(37 * MM - 1);
  expect(Math.max(...text.map((w) => w.yMax))).toBeLessThanOrEqual(letter.height - 35 * MM);
  const date = letter.words.find((w) => w.yMin > signer.yMax && w.text.startsWith('日'));
  expect((date?.yMin ?? 0) - signer.yMax, '签字处留白').toBeGreaterThan(40);
  expect(signer.yMin - Math.max(...body.map((w) => w.yMax)), '签字处留白').toBeGreaterThan(40);

  // Tables: no page holding its last row alone.
  expectNoLoneRows(pages, '完成情况', where);
  expectNoLoneRows(pages, '督导人签字', where);
}

/** Row heights and counts that LibreOffice, left to itself, prints with one row on the last page. */
const PLANNED_CASES: [height: number, rows: number][] = [
  [30, 15],
  [45, 10],
  [45, 20],
  [58, 8],
  [58, 16],
  [70, 7],
];

/** A 督导记录表 with planned pages, `rows` rows `height` points high, named by its last column's label. */
function plannedSheet([height, rows]: [height: number, rows: number]): TableSheet {
  return {
    sheetName: `${height}pt×${rows}`,
    title: '督导记录表',
    subtitle: '督导后填写并签字',
    paper: 'A4',
    minRowHeight: height,
    planPages: true,
    columns: [
      { label: '主体名称', width: 26, format: 'text' },
      { label: '计划日期', width: 11, format: 'date' },
      { label: '发现的问题', width: 40, format: 'text' },
      { label: '整改期限', width: 11, format: 'date' },
      { label: '督导人签字', width: 10, format: 'text' },
      { label: `表${height}-${rows}`, width: 12, format: 'text' },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      `主体${i + 1}`,
      { date: `2026-03-${String(i + 1).padStart(2, '0')}` },
      null,
      null,
      null,
      null,
    ]),
  };
}

describe('工作手册 printed by LibreOffice', () => {
  let dir = '';
  let handlers: ApiHandlers;
  let doc: DataDoc;
  let regions: RegionIndex;
  let singles: Cadre[] = [];
  let townshipId = '';
  let townshipCadres: Cadre[] = [];
  let combinedStatus: JobStatus;
  let combinedFile = '';
  let printCpuSeconds = 0;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'baobao-handbook-print-'));
    const services = await openServices(path.join(dir, 'data'), { now: () => new Date('2026-12-05T08:00:00Z') });
    handlers = services.handlers;
    await handlers['app:loadDemo']({ scale: 'city', seed: 1 });
    await handlers['visits:plan']({ year: 2026 });
    doc = services.store.read()!;
    regions = new RegionIndex(doc.regions);

    // Every workbook is made first and all are printed in one LibreOffice run: its start takes seconds each time.
    const withVisits = (level: Cadre['level']): Cadre =>
      doc.cadres.find((c) => c.active && c.level === level && doc.visits.filter((v) => v.cadreId === c.id).length >= 8)!;
    singles = [withVisits('village'), withVisits('city')];
    const files: string[] = [];
    for (const cadre of singles) {
      files.push(path.join(dir, `${cadre.level}.xlsx`));
      await writeFile(files.at(-1)!, Buffer.from((await handlers['handbook:export']({ cadreId: cadre.id })).contentBase64, 'base64'));
    }
    files.push(path.join(dir, 'planned.xlsx'));
    await writeFile(files.at(-1)!, await buildWorkbook(PLANNED_CASES.map(plannedSheet)));

    // The smallest 乡镇 with namesakes among its cadres.
    const byTownship = new Map<string, Cadre[]>();
    for (const c of doc.cadres.filter((c) => c.active)) {
      const id = regions.atLevel(c.regionId, 'township')?.id ?? '';
      byTownship.set(id, [...(byTownship.get(id) ?? []), c]);
    }
    [townshipId, townshipCadres] = [...byTownship.entries()]
      .filter(([id, members]) => id && new Set(members.map((c) => c.name)).size < members.length)
      .sort((a, b) => a[1].length - b[1].length)[0]!;
    combinedStatus = await finished(
      handlers,
      await handlers['handbook:exportAll']({ regionId: townshipId, combined: true, outDir: path.join(dir, 'combined'), subfolder: false }),
    );
    const [county, township] = filingPlace(townshipCadres[0]!, regions);
    combinedFile = path.join(dir, 'combined', county!, `${county}-${township}-包保干部工作手册合订本-2026.xlsx`);
    // LibreOffice writes every PDF into one folder: the 合订本's goes beside the others.
    files.push(combinedFile);

    printCpuSeconds = printWithLibreOffice(dir, files, 900_000);
  }, 1_200_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a 村级 and a 市级 handbook: cover, 承诺书 as a 公文 page, sizes, margins, page numbers, no lone rows', () => {
    for (const cadre of singles) {
      const pages = pdfPages(path.join(dir, `${cadre.level}.pdf`));
      expectHandbookPages(pages, cadre, doc.profile.orgName, `${cadre.level} ${cadre.name}`);
      // Tables carry 第 N 页 共 M 页 (numbered through the printed file); cover and 承诺书 none.
      pages.forEach((page, n) => {
        const paper = n === 0 || page.words.some((w) => w.text === '食品安全责任与任务承诺书');
        if (paper) expect(page.text).not.toContain('页共');
        else expect(page.text).toContain(`第${n + 1}页共${pages.length}页`);
      });
    }
  });

  it('tables with planned pages never leave their last row alone on a page, at any row height', () => {
    const pages = pdfPages(path.join(dir, 'planned.pdf'));
    for (const [height, rows] of PLANNED_CASES) {
      const own = pages.filter((page) => page.words.some((w) => w.text === `表${height}-${rows}`));
      expect(own.length, `${height}pt×${rows}`).toBeGreaterThan(1);
      expect(own.reduce((sum, page) => sum + page.words.filter((w) => ISO_DATE.test(w.text)).length, 0)).toBe(rows);
      expectNoLoneRows(own, `表${height}-${rows}`, `${height}pt×${rows}`);
    }
  });

  it('the 合订本 of a 乡镇: each cadre’s handbook together and named on every page, namesakes by 单位, printed in minutes', async () => {
    const cadres = townshipCadres;
    expect(combinedStatus).toMatchObject({ state: 'done', files: 1 });
    const [county, township] = filingPlace(cadres[0]!, regions);
    const pages = pdfPages(path.join(dir, path.basename(combinedFile).replace(/\.xlsx$/, '.pdf')));
    // Printed in the same LibreOffice run as the other workbooks: the run's CPU time bounds the 合订本's.
    console.info(
      `合订本 ${township}：${cadres.length} 名干部，${pages.length} 页，LibreOffice（连同其他 3 个文件）CPU ${printCpuSeconds.toFixed(0)} 秒`,
    );
    expect(printCpuSeconds).toBeLessThan(400);

    // Every table page headed with its cadre; each cadre's pages together, starting with the cover.
    const labels = new Map(cadres.map((c) => [cadreLabel(doc.cadres, c, regions), c]));
    expect(labels.size).toBe(cadres.length);
    expect([...labels.keys()].filter((label) => label.includes('（'))).not.toHaveLength(0);
    const headed = pages.map((page) => {
      const top = page.words.filter((w) => w.yMax < 25 * MM).map((w) => w.text);
      return [...labels.keys()].find((label) => top.includes(label)) ?? '';
    });
    // The cover and the 承诺书 name the cadre in their text instead (a header would shrink the page): the next page's and the last page's cadre.
    pages.forEach((page, i) => {
      if (headed[i] !== '') return;
      const cover = page.text.includes('落实食品安全包保责任');
      expect(cover || page.words.some((w) => w.text === '食品安全责任与任务承诺书'), `合订本第 ${i + 1} 页没有页眉`).toBe(true);
      headed[i] = cover ? (headed.slice(i + 1).find((label) => label !== '') ?? '') : (headed[i - 1] ?? '');
    });
    const blocks = headed.filter((label, i) => label !== headed[i - 1]);
    expect(blocks).toHaveLength(cadres.length);
    expect(new Set(blocks).size).toBe(cadres.length);
    for (const label of blocks) {
      const own = pages.filter((_, i) => headed[i] === label);
      expectHandbookPages(own, labels.get(label)!, doc.profile.orgName, `合订本 ${label}`);
    }

    // One file each: namesakes told apart by 单位 or 职务, never by -2.
    const each = path.join(dir, 'each');
    await finished(
      handlers,
      await handlers['handbook:exportAll']({ regionId: townshipId, combined: false, outDir: each, subfolder: false }),
    );
    const names = await readdir(path.join(each, county!, township!));
    expect(names).toHaveLength(cadres.length);
    expect(names.filter((name) => /-2026-\d+\.xlsx$/.test(name))).toEqual([]);
    expect(names.filter((name) => name.includes('（'))).not.toHaveLength(0);
  }, 900_000);
});
