import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileContent } from '@shared/api/contract';
import { openServices } from '../../main/server/services';
import { printWithLibreOffice } from './pdf-pages';
import { recordVisitsBefore } from './visit-fixtures';

/**
 * The long 上报 reports at city scale as LibreOffice prints them (docs/domain.md#表格与打印的规则: A4 landscape fitted to
 * width, header repeated, page footer): every page is A4 landscape and carries the whole header
 * row, first column to last, so no column spilled onto pages of its own. Needs LibreOffice and
 * poppler (Debian: libreoffice-calc, poppler-utils).
 */
interface Word {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

/** The words of `pdftotext -bbox` with their boxes in points. */
function wordsOf(html: string): Word[] {
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5] ?? '',
  }));
}

/** A Han character is one em wide: a word of them, its width over its length, is the type size. */
function smallestHanSize(words: readonly Word[]): number {
  const sizes = words.filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w.text)).map((w) => (w.xMax - w.xMin) / w.text.length);
  expect(sizes.length).toBeGreaterThan(20);
  return sizes.reduce((least, size) => Math.min(least, size), Infinity);
}

/** Nothing printed within 5 mm of the paper's edge, where a printer cannot print (one check for all words: there are tens of thousands). */
function expectInsideMargins(words: readonly Word[], width: number, height: number): void {
  const edge = (5 / 25.4) * 72;
  const outside = words.filter((w) => Math.min(w.xMin, w.yMin) < edge || w.xMax > width - edge || w.yMax > height - edge);
  expect(outside.map((w) => w.text)).toEqual([]);
}

/** The exported workbooks the tests read, each printed to `${name}.pdf`. */
const REPORTS = ['summary', 'summary-dongsheng', 'battlemap', 'entities-chosen', 'entities-all', 'visits', 'problems'] as const;
type PrintedReport = (typeof REPORTS)[number];

describe('上报 reports printed by LibreOffice at city scale', () => {
  let dir = '';
  // Every workbook is exported first and printed in one LibreOffice run: its start takes seconds each time.
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'baobao-print-'));
    const services = await openServices(path.join(dir, 'data'), { now: () => new Date('2026-07-01T08:00:00Z') });
    const { handlers } = services;
    await handlers['app:loadDemo']({ scale: 'city', seed: 1 });
    await handlers['visits:plan']({ year: 2026 });
    await recordVisitsBefore(services.store, '2026-07-01');
    await handlers['battlemap:create']({ planStart: '2026-03-02', finalDeadline: '2026-12-18', mode: 'backward', dispatchWeekday: 5 });
    const dongsheng = (await handlers['regions:list']({})).find((r) => r.name === '东胜区')!.id;
    const entityQuery = {
      text: '',
      regionId: '',
      grades: ['A' as const],
      types: [],
      statuses: [],
      assigned: 'any' as const,
      regulatorId: '',
    };
    const chosenColumns = [
      'name',
      'uscc',
      'type',
      'grade',
      'county',
      'township',
      'village',
      'address',
      'legalRep',
      'legalRepPhone',
      'regulator',
      'status',
      'cadre',
    ];
    const exports: Record<PrintedReport, () => Promise<FileContent>> = {
      summary: () => handlers['report:export']({ report: 'summary', regionId: '' }),
      'summary-dongsheng': () => handlers['report:export']({ report: 'summary', regionId: dongsheng }),
      battlemap: () => handlers['battlemap:export']({}),
      'entities-chosen': () => handlers['export:list']({ kind: 'entities', columns: chosenColumns, entityQuery, maskPhones: false }),
      'entities-all': () => handlers['export:list']({ kind: 'entities', entityQuery, maskPhones: false }),
      // One 旗区's: the whole city's 督导记录汇总 runs to some 1,600 pages, its 问题整改台账 to hundreds, and every check is per page.
      visits: () => handlers['report:export']({ report: 'visits', regionId: dongsheng }),
      problems: () => handlers['report:export']({ report: 'problems', regionId: dongsheng }),
    };
    const files: string[] = [];
    for (const name of REPORTS) {
      files.push(path.join(dir, `${name}.xlsx`));
      await writeFile(files.at(-1)!, Buffer.from((await exports[name]()).contentBase64, 'base64'));
    }
    await services.store.close();
    printWithLibreOffice(dir, files, 900_000);
  }, 1_200_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A report as printed: each page's text, the page count and every word's box. */
  function printed(name: PrintedReport): { pages: string[]; info: string; words: Word[] } {
    const pdf = path.join(dir, `${name}.pdf`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { pages: text.split('\f').filter((page) => page.trim() !== ''), info, words: wordsOf(boxes) };
  }

  it.each([
    ['the city', 'summary', '鄂尔多斯市本级'],
    ['a 旗区', 'summary-dongsheng', '东胜区本级'],
  ] as const)('统计表 of %s: one A3 page at 8 pt or more inside the margins, its rows adding up to 合计', (_name, report, ownRow) => {
    const { pages, info, words } = printed(report);
    expect(pages).toHaveLength(1);
    // A3 landscape: 1191 × 842 points.
    expect(info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)/);
    expect(smallestHanSize(words)).toBeGreaterThanOrEqual(8);
    expectInsideMargins(words, 1190.55, 841.89);
    const page = pages[0] ?? '';
    expect(page).toContain('填报人：');
    expect(page).toContain('统计日期：2026年7月1日');
    // Each region's line (the 本级 row last) and the 合计: a name, then one value per column.
    const lines = page.split('\n').map((line) => line.trim().split(/\s+/));
    const total = lines.find((cells) => cells[0] === '合计') ?? [];
    const rows = lines.filter((cells) => cells.length === total.length && cells[0] !== '合计' && /^[\u4e00-\u9fff]+$/.test(cells[0] ?? ''));
    expect(rows.at(-1)?.[0]).toBe(ownRow);
    expect(rows.length).toBeGreaterThan(5);
    let summed = 0;
    total.forEach((cell, i) => {
      if (!/^\d+$/.test(cell)) return;
      expect(
        rows.reduce((sum, row) => sum + Number(row[i]), 0),
        `第 ${i + 1} 列`,
      ).toBe(Number(cell));
      summed++;
    });
    expect(summed).toBeGreaterThan(25);
  });

  function expectEveryPageWhole(
    pages: readonly string[],
    info: string,
    first: string,
    last: string,
    words: readonly Word[],
    paper: 'A4' | 'A3' = 'A4',
  ): void {
    // Fitted to the page's width, the type still prints at 8 pt or more, inside the margins.
    expect(smallestHanSize(words)).toBeGreaterThanOrEqual(8);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages.length);
    // Landscape: A4 842 × 595 points, A3 1191 × 842.
    if (paper === 'A4') {
      expectInsideMargins(words, 841.89, 595.28);
      expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    } else {
      expectInsideMargins(words, 1190.55, 841.89);
      expect(info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)/);
    }
    pages.forEach((page, i) => {
      expect(page, `第 ${i + 1} 页缺少表头“${first}”`).toContain(first);
      expect(page, `第 ${i + 1} 页缺少表头“${last}”`).toContain(last);
      expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
  }

  it('作战图: A3 pages, a quarter of weeks each, at 7 pt or more inside the margins; no ◆ on the weeks', () => {
    const { pages, info, words } = printed('battlemap');
    expect(info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)/);
    // The plan runs March to December: four quarters, then the 进展表 (A4 in the same file, printed on its own pages).
    const quarters = pages.filter((page) => /作战图（2026年第.季度）/.test(page));
    expect(quarters.map((page) => /第(.)季度/.exec(page)?.[1])).toEqual(['一', '二', '三', '四']);
    const chartWords = words.filter((w) => w.yMax < 841.89);
    expect(smallestHanSize(chartWords)).toBeGreaterThanOrEqual(7);
    expectInsideMargins(chartWords, 1190.55, 841.89);
    expect(pages.join('')).not.toContain('◆');
    expect(pages.join('')).not.toContain('。；');
  });

  it('主体名单: chosen columns print on A3 landscape at 8 pt or more; the whole list says to choose columns', () => {
    const chosen = printed('entities-chosen');
    expect(chosen.info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)/);
    expect(smallestHanSize(chosen.words)).toBeGreaterThanOrEqual(8);
    expectInsideMargins(chosen.words, 1190.55, 841.89);
    expect(chosen.pages.join('')).not.toContain('只选需要的列');
    const whole = printed('entities-all');
    expect(whole.pages[0]).toContain('打印前请在“导出模板”中只选需要的列');
  });

  it('督导记录汇总: every page A4 landscape with the full header and its page number', () => {
    const { pages, info, words } = printed('visits');
    expect(pages.length).toBeGreaterThan(100);
    expectEveryPageWhole(pages, info, '主体名称', '已整改', words);
    expect(pages[pages.length - 1]).toContain('合计');
  });

  it('问题整改台账: every page A3 landscape with the full header of every step and its page number', () => {
    const { pages, info, words } = printed('problems');
    expect(pages.length).toBeGreaterThan(10);
    expectEveryPageWhole(pages, info, '问题描述', '逾期情况', words, 'A3');
    for (const label of ['交办对象', '整改情况', '复核情况', '销号日期', '当前环节']) expect(pages[0]).toContain(label);
    expect(pages.join('')).toContain('退回');
  });
});
