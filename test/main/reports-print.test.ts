import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers, FileContent } from '@shared/api/contract';
import { openServices } from '../../main/server/services';
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

/** Nothing printed within 5 mm of the paper's edge, where a printer cannot print. */
function expectInsideMargins(words: readonly Word[], width: number, height: number): void {
  const edge = (5 / 25.4) * 72;
  for (const w of words) {
    expect(Math.min(w.xMin, w.yMin), w.text).toBeGreaterThanOrEqual(edge);
    expect(w.xMax, w.text).toBeLessThanOrEqual(width - edge);
    expect(w.yMax, w.text).toBeLessThanOrEqual(height - edge);
  }
}

describe('上报 reports printed by LibreOffice at city scale', () => {
  let dir = '';
  let handlers: ApiHandlers;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'baobao-print-'));
    const services = await openServices(path.join(dir, 'data'), { now: () => new Date('2026-07-01T08:00:00Z') });
    handlers = services.handlers;
    await handlers['app:loadDemo']({ scale: 'city', seed: 1 });
    await handlers['visits:plan']({ year: 2026 });
    await recordVisitsBefore(services.store, '2026-07-01');
    await handlers['battlemap:create']({ planStart: '2026-03-02', finalDeadline: '2026-12-18', mode: 'backward', dispatchWeekday: 5 });
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Exports the report, prints it to PDF and returns each page's text, the page count and every word's box. */
  async function printed(
    report: 'summary' | 'visits' | 'problems' | 'battlemap',
    regionId = '',
  ): Promise<{ pages: string[]; info: string; words: Word[] }> {
    const file = report === 'battlemap' ? await handlers['battlemap:export']({}) : await handlers['report:export']({ report, regionId });
    return printedFile(`${report}${regionId}`, file);
  }

  async function printedFile(name: string, file: FileContent): Promise<{ pages: string[]; info: string; words: Word[] }> {
    const xlsx = path.join(dir, `${name}.xlsx`);
    await writeFile(xlsx, Buffer.from(file.contentBase64, 'base64'));
    execFileSync(
      'soffice',
      ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx],
      { timeout: 450_000, stdio: 'ignore' },
    );
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const boxes = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { pages: text.split('\f').filter((page) => page.trim() !== ''), info, words: wordsOf(boxes) };
  }

  it.each([
    ['the city', () => Promise.resolve(''), '鄂尔多斯市本级'],
    ['a 旗区', async () => (await handlers['regions:list']({})).find((r) => r.name === '东胜区')!.id, '东胜区本级'],
  ])(
    '统计表 of %s: one A3 page at 8 pt or more inside the margins, its rows adding up to 合计',
    async (_name, region, ownRow) => {
      const { pages, info, words } = await printed('summary', await region());
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
      const rows = lines.filter(
        (cells) => cells.length === total.length && cells[0] !== '合计' && /^[\u4e00-\u9fff]+$/.test(cells[0] ?? ''),
      );
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
    },
    480_000,
  );

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

  it('作战图: A3 pages, a quarter of weeks each, at 7 pt or more inside the margins; no ◆ on the weeks', async () => {
    const { pages, info, words } = await printed('battlemap');
    expect(info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)/);
    // The plan runs March to December: four quarters, then the 进展表 (A4 in the same file, printed on its own pages).
    const quarters = pages.filter((page) => /作战图（2026年第.季度）/.test(page));
    expect(quarters.map((page) => /第(.)季度/.exec(page)?.[1])).toEqual(['一', '二', '三', '四']);
    const chartWords = words.filter((w) => w.yMax < 841.89);
    expect(smallestHanSize(chartWords)).toBeGreaterThanOrEqual(7);
    expectInsideMargins(chartWords, 1190.55, 841.89);
    expect(pages.join('')).not.toContain('◆');
    expect(pages.join('')).not.toContain('。；');
  }, 480_000);

  it('主体名单: chosen columns print on A3 landscape at 8 pt or more; the whole list says to choose columns', async () => {
    const entityQuery = {
      text: '',
      regionId: '',
      grades: ['A' as const],
      types: [],
      statuses: [],
      assigned: 'any' as const,
      regulatorId: '',
    };
    const columns = [
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
    const chosen = await printedFile(
      'entities-chosen',
      await handlers['export:list']({ kind: 'entities', columns, entityQuery, maskPhones: false }),
    );
    expect(chosen.info).toMatch(/Page size:\s+1190\.\d+ x 841\.\d+ pts \(A3\)/);
    expect(smallestHanSize(chosen.words)).toBeGreaterThanOrEqual(8);
    expectInsideMargins(chosen.words, 1190.55, 841.89);
    expect(chosen.pages.join('')).not.toContain('只选需要的列');
    const whole = await printedFile('entities-all', await handlers['export:list']({ kind: 'entities', entityQuery, maskPhones: false }));
    expect(whole.pages[0]).toContain('打印前请在“导出模板”中只选需要的列');
  }, 480_000);

  it('督导记录汇总: every page A4 landscape with the full header and its page number', async () => {
    const { pages, info, words } = await printed('visits');
    expect(pages.length).toBeGreaterThan(100);
    expectEveryPageWhole(pages, info, '主体名称', '已整改', words);
    expect(pages[pages.length - 1]).toContain('合计');
  }, 480_000);

  it('问题整改台账: every page A3 landscape with the full header of every step and its page number', async () => {
    const { pages, info, words } = await printed('problems');
    expect(pages.length).toBeGreaterThan(10);
    expectEveryPageWhole(pages, info, '问题描述', '逾期情况', words, 'A3');
    for (const label of ['交办对象', '整改情况', '复核情况', '销号日期', '当前环节']) expect(pages[0]).toContain(label);
    expect(pages.join('')).toContain('退回');
  }, 480_000);
});
