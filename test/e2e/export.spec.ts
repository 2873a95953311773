import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { DataDoc } from '../../shared/storage/types';
import { copyLibrary, expectNoPageOverflow, type Harness, readLibraryOf, screenshot, startHarness } from './harness';

/**
 * 导出与打印 (docs/domain.md#表格与打印的规则) on a folder the CLI filled and planned: the 统计表 downloads, one cadre's
 * 工作手册 downloads, and its 督导记录表 filled in and handed back is recorded once (a second
 * upload of the same file adds nothing).
 */

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-export-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

const readDoc = (): Promise<DataDoc> => readLibraryOf(dataDir);

/** A cadre with a unique name and at least one planned visit still to do (rows in the 督导记录表). */
function cadreWithOpenVisits(doc: DataDoc): string {
  const counts = new Map<string, number>();
  for (const c of doc.cadres) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  const current = new Set(doc.assignments.filter((a) => a.end === '').map((a) => `${a.cadreId}|${a.entityId}`));
  const year = String(doc.profile.planYear);
  const cadre = doc.cadres.find(
    (c) =>
      counts.get(c.name) === 1 &&
      doc.visits.some((v) => v.cadreId === c.id && !v.doneDate && v.plannedDate.startsWith(year) && current.has(`${c.id}|${v.entityId}`)),
  );
  if (!cadre) throw new Error('示例数据中没有带待督导计划的干部');
  return cadre.name;
}

test('导出与打印：统计表、干部工作手册，录入交回的督导记录表（重复录入不重复记录）', async ({ page }) => {
  await copyLibrary('district-planned', dataDir);
  const cadreName = cadreWithOpenVisits(await readDoc());
  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/export`);
  await expect(page.getByText('上报报表')).toBeVisible();

  await test.step('上报报表：导出包保工作情况统计表', async () => {
    const card = page.getByTestId('export-report');
    await expect(card.getByText('包保工作情况统计表')).toBeVisible();
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: /导出报表/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    const texts = workbook.worksheets[0]?.getSheetValues().flat().map(String) ?? [];
    expect(texts.some((t) => t.includes('统计表'))).toBe(true);
  });

  const handbookPath = path.join(dataDir, 'returned-handbook.xlsx');
  await test.step('工作手册：搜索干部并导出，含督导记录表', async () => {
    const card = page.getByTestId('export-handbook');
    await expect(card.getByTestId('bulk-handbooks')).toBeVisible();
    const picker = card.getByRole('combobox', { name: '包保干部' });
    await picker.click();
    await picker.fill(cadreName);
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: cadreName }).first().click();
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: /导出手册/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    expect(workbook.worksheets.map((s) => s.name)).toContain('督导记录表');

    // The cadre fills in the first row's 督导日期 and hands the handbook back.
    const sheet = workbook.getWorksheet('督导记录表');
    let headerRow = 0;
    sheet?.eachRow((row, number) => {
      if (!headerRow && String(row.getCell(1).value) === '记录编号') headerRow = number;
    });
    expect(headerRow).toBeGreaterThan(0);
    expect(sheet?.getCell(headerRow, 4).value).toBe('督导日期');
    const first = sheet?.getRow(headerRow + 1);
    expect(String(first?.getCell(1).value ?? '')).not.toBe('');
    const today = dayjs();
    first!.getCell(4).value = new Date(Date.UTC(today.year(), today.month(), today.date()));
    await workbook.xlsx.writeFile(handbookPath);
  });

  await test.step('录入交回的督导记录表：新录入 1；再次录入为已录入过', async () => {
    const card = page.getByTestId('export-returned');
    await card.locator('input[type=file]').setInputFiles(handbookPath);
    const outcome = card.getByTestId('returned-outcome');
    await expect(outcome).toContainText('新录入 1');
    await expect(outcome).toContainText('已录入过 0');
    expect((await readDoc()).visits.filter((v) => v.doneDate === dayjs().format('YYYY-MM-DD')).length).toBeGreaterThanOrEqual(1);
    await expectNoPageOverflow(page);
    await screenshot(page, 'export-page');

    await card.locator('input[type=file]').setInputFiles([]);
    await card.locator('input[type=file]').setInputFiles(handbookPath);
    await expect(outcome).toContainText('已录入过 1');
    await expect(outcome).toContainText('新录入 0');
  });
});
