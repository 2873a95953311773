import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { openServices } from '../../main/services';
import { recordVisitsBefore } from './visit-fixtures';

/**
 * The long 上报 reports at city scale as LibreOffice prints them (SPEC §5: A4 landscape fitted to
 * width, header repeated, page footer): every page is A4 landscape and carries the whole header
 * row, first column to last, so no column spilled onto pages of its own. Needs LibreOffice and
 * poppler (Debian: libreoffice-calc, poppler-utils).
 */
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
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** Exports the report, prints it to PDF and returns each page's text and the page count. */
  async function printed(report: 'visits' | 'problems'): Promise<{ pages: string[]; info: string }> {
    const file = await handlers['report:export']({ report, regionId: '' });
    const xlsx = path.join(dir, `${report}.xlsx`);
    await writeFile(xlsx, Buffer.from(file.contentBase64, 'base64'));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 450_000, stdio: 'ignore' });
    const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    return { pages: text.split('\f').filter((page) => page.trim() !== ''), info };
  }

  function expectEveryPageWhole(pages: readonly string[], info: string, first: string, last: string): void {
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(pages.length);
    // A4 landscape: 842 × 595 points.
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    pages.forEach((page, i) => {
      expect(page, `第 ${i + 1} 页缺少表头“${first}”`).toContain(first);
      expect(page, `第 ${i + 1} 页缺少表头“${last}”`).toContain(last);
      expect(page).toContain(`第 ${i + 1} 页 共 ${pages.length} 页`);
    });
  }

  it('督导记录汇总: every page A4 landscape with the full header and its page number', async () => {
    const { pages, info } = await printed('visits');
    expect(pages.length).toBeGreaterThan(100);
    expectEveryPageWhole(pages, info, '主体名称', '已整改');
    expect(pages[pages.length - 1]).toContain('合计');
  }, 480_000);

  it('问题整改台账: every page A4 landscape with the full header and its page number', async () => {
    const { pages, info } = await printed('problems');
    expect(pages.length).toBeGreaterThan(20);
    expectEveryPageWhole(pages, info, '问题描述', '是否逾期');
  }, 480_000);
});
