import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openServices } from '../../main/server/services';
import { expectInsidePaper, pdfPages, printWithLibreOffice, typeSize, wordOn } from './pdf-pages';

/**
 * The 督查情况表 as LibreOffice prints it (docs/domain.md#表格与打印的规则: A4 landscape fitted to width, header repeated,
 * page footer): a district's 督查 of a year, some with several 未落实 items and notes, so rows
 * wrap and the table runs over pages. Needs LibreOffice and poppler. The pages are also kept as
 * PNG under /tmp/inspections to look at.
 */
describe('督查情况表 printed by LibreOffice', () => {
  let dir = '';
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints on A4 landscape, every page with the whole header row, nothing off the paper, type 8 pt or more', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'baobao-inspections-print-'));
    const { handlers, store } = await openServices(path.join(dir, 'data'), { now: () => new Date('2026-11-20T08:00:00Z') });
    await handlers['app:loadDemo']({ scale: 'district', seed: 1 });
    const { profile } = await handlers['profile:get']({});
    const cadres = (store.read()?.cadres ?? []).filter((c) => c.active).slice(0, 60);
    const levels = ['province', 'city', 'county', 'township'] as const;
    // Deterministic: the n-th cadre has n % 4 items 未落实, each with a note.
    for (const [n, cadre] of cadres.entries()) {
      const unmet = n % 4;
      await handlers['inspections:save']({
        cadreId: cadre.id,
        date: `2026-${String(3 + (n % 8)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`,
        inspectorLevel: levels[n % 4] ?? 'city',
        team: `第${(n % 5) + 1}督查组`,
        inspectors: '赵刚、钱丽',
        items: profile.inspectionItems.map((item, i) => ({
          item,
          result: i < unmet ? '未落实' : '落实',
          note: i < unmet ? '台账不全，已要求限期补齐' : '',
        })),
        result: unmet === 0 ? '合格' : unmet < 3 ? '基本合格' : '不合格',
        notes: '',
      });
    }
    const file = await handlers['report:export']({ report: 'inspections', regionId: '', year: 2026 });
    const xlsx = path.join(dir, 'inspections.xlsx');
    await writeFile(xlsx, Buffer.from(file.contentBase64, 'base64'));
    printWithLibreOffice(dir, [xlsx], 300_000);
    const pdf = path.join(dir, 'inspections.pdf');
    const pages = pdfPages(pdf);

    // Kept to look at.
    const shots = '/tmp/inspections';
    await mkdir(shots, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(shots, 'inspection-report')]);

    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]?.text).toContain('2026年度包保干部督查情况表');
    for (const [i, page] of pages.entries()) {
      const where = `第 ${i + 1} 页`;
      expect([Math.round(page.width), Math.round(page.height)], where).toEqual([842, 595]);
      for (const header of ['序号', '包保干部', '督查日期', '未落实事项及说明', '总体评价']) wordOn(page, header);
      expectInsidePaper(page, where);
      expect(typeSize(wordOn(page, '督查日期')), where).toBeGreaterThanOrEqual(8);
      expect(page.text, where).toContain(`第${i + 1}页共${pages.length}页`);
    }
    expect(pages.at(-1)?.text).toContain('合计');
  }, 600_000);
});
