import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { copyLibrary, expectNoPageOverflow, type Harness, screenshot, startHarness } from './harness';

/**
 * 导出与打印 → 包保干部工作手册 → 批量导出, on a district the CLI filled and planned: a run over
 * the whole district shows progress, survives leaving the screen and is cancelled (the finished
 * files stay); a run over one 乡镇 completes and its files are on disk. Then a report preview.
 */

let dataDir = '';
/** The data folder's 导出 folder: the only one the page may export into (it has no folder dialog). */
let outDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-bulk-'));
  outDir = path.join(dataDir, '导出');
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

/** The workbooks in `dir` and its subfolders (a folder per 旗区 and 乡镇), as paths relative to it. */
const xlsxIn = async (dir: string): Promise<string[]> => (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.xlsx'));
/** The run's own subfolder (包保干部工作手册-年度-时间[-n]) named in the closing message. */
const folderIn = (message: string): string => /(?:保存在|到) (\S+)$/.exec(message)?.[1] ?? '';

test('批量导出工作手册：显示进度，离开再回来仍在进行，可取消（保留已完成的文件），再导出一个乡镇', async ({ page }) => {
  test.setTimeout(180_000);
  await copyLibrary('district-planned', dataDir);
  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/export`);
  const bulk = page.getByTestId('bulk-handbooks');
  let cancelledFolder = '';
  await expect(bulk.getByLabel('导出文件夹')).toHaveValue(outDir);
  // A folder is chosen in the desktop's dialog, never typed: the page cannot name where files go.
  await expect(bulk.getByLabel('导出文件夹')).not.toBeEditable();

  await test.step('全区导出：进度条显示 已完成/总数', async () => {
    await bulk.getByRole('button', { name: /开始导出/ }).click();
    const progress = bulk.getByTestId('bulk-progress');
    await expect(progress.locator('.ant-progress')).toBeVisible();
    await expect(progress).toContainText(/正在导出第 \d+\/\d+ 本/);
    await expect(bulk.getByRole('button', { name: /开始导出/ })).toBeHidden();
    await expectNoPageOverflow(page);
    await screenshot(page, 'bulk-export-running');
  });

  await test.step('离开导出页再回来，任务仍在进行', async () => {
    await page.goto(`${server!.url}#/dashboard`);
    await page.goto(`${server!.url}#/export`);
    await expect(bulk.getByTestId('bulk-progress')).toContainText(/正在导出第 \d+\/\d+ 本/);
    await expect(bulk.getByLabel('导出文件夹')).toHaveValue(outDir);
  });

  await test.step('取消：停在中途，已导出的文件保留', async () => {
    await bulk.getByRole('button', { name: /取消/ }).click();
    const outcome = bulk.getByTestId('bulk-progress').locator('.ant-alert');
    await expect(outcome).toContainText(/已取消：已导出 \d+ 本工作手册（共 \d+ 本）/, { timeout: 30_000 });
    const text = (await outcome.textContent()) ?? '';
    const [, written = '', total = ''] = /已导出 (\d+) 本工作手册（共 (\d+) 本）/.exec(text) ?? [];
    expect(Number(written)).toBeLessThan(Number(total));
    const folder = folderIn(text);
    cancelledFolder = folder;
    expect(path.dirname(folder)).toBe(outDir);
    expect(await xlsxIn(folder)).toHaveLength(Number(written));
    await expect(bulk.getByRole('button', { name: /开始导出/ })).toBeVisible();
  });

  await test.step('只导出铜川镇：完成后文件都在新的子文件夹里', async () => {
    await bulk.getByLabel('批量导出范围').click();
    await bulk.getByLabel('批量导出范围').fill('铜川镇');
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '铜川镇' }).first().click();
    await bulk.getByRole('button', { name: /开始导出/ }).click();
    const outcome = bulk.getByTestId('bulk-progress').locator('.ant-alert');
    await expect(outcome).toContainText(/已导出 \d+ 本工作手册到 /, { timeout: 60_000 });
    const text = (await outcome.textContent()) ?? '';
    const count = Number(/已导出 (\d+) 本/.exec(text)?.[1]);
    const folder = folderIn(text);
    const files = await xlsxIn(folder);
    expect(files).toHaveLength(count);
    expect(count).toBeGreaterThan(3);
    for (const file of files) expect(file).toMatch(/^东胜区[\\/]铜川镇[\\/]东胜区-铜川镇-.+-包保干部工作手册-2026\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(folder, files[0]!));
    expect(book.worksheets.map((s) => s.name)).toContain('督导记录表');
    // Two runs, two folders: the cancelled run's files are untouched.
    expect(await readdir(outDir)).toEqual([path.basename(cancelledFolder), path.basename(folder)].sort());
    await expectNoPageOverflow(page);
    await screenshot(page, 'bulk-export-done');
  });
});

test('上报报表：选择报表、范围和年度，预览前几行和合计，再导出', async ({ page }) => {
  await copyLibrary('district-planned', dataDir);
  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/export`);
  const card = page.getByTestId('export-report');
  await card.getByLabel('报表').click();
  await page.locator('.ant-select-item-option', { hasText: '督导记录汇总' }).click();
  await card.getByRole('button', { name: /预览/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('年度包保督导记录汇总');
  await expect(dialog.getByTestId('report-preview-summary')).toContainText(/共 \d+ 行，此处预览前 50 行，末行为合计/);
  await expect(dialog.locator('.ant-table-thead')).toContainText('计划次数');
  await expect(dialog.locator('tfoot.ant-table-summary')).toContainText('合计');
  await expectNoPageOverflow(page);
  await screenshot(page, 'report-preview');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /导出 Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^督导记录汇总-.*\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await file.path());
  expect(String(book.worksheets[0]?.getCell('A1').value)).toContain('督导记录汇总');

  await test.step('列模板：选择并排序列，保存为模板，预览只有这些列', async () => {
    await card.getByRole('button', { name: /列模板/ }).click();
    const editor = page.getByRole('dialog', { name: /导出督导记录汇总/ });
    await editor.getByRole('button', { name: '清空' }).click();
    await editor.getByRole('button', { name: '添加“完成次数”' }).click();
    await editor.getByRole('button', { name: '添加“主体名称”' }).click();
    await editor.getByLabel('模板名称').fill('季度报送');
    await editor.getByRole('button', { name: /保存为模板/ }).click();
    await expect(page.getByText('已保存模板“季度报送”')).toBeVisible();
    await screenshot(page, 'report-template');
    await editor.getByRole('button', { name: /^取 ?消$/ }).click();
    await card.getByLabel('列模板').click();
    await page.locator('.ant-select-item-option', { hasText: '季度报送（2 列）' }).click();
    await card.getByRole('button', { name: /预览/ }).click();
    const preview = page.getByRole('dialog').filter({ hasText: '年度包保督导记录汇总' });
    await expect(preview.locator('.ant-table-thead th:not(.ant-table-cell-scrollbar)')).toHaveText(['完成次数', '主体名称']);
  });
});
