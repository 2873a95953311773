import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import { cleanedAfterEach, cli, expectNoPageOverflow, screenshot, startHarness } from './harness';

/**
 * 上报包 (issue #19) in the browser: 导出与打印 → 上报包 downloads the 旗区's package; the 汇总上报包
 * screen of a library made with `init` previews it per kind, takes it in, lists the 旗区 as 已报,
 * shows the same package again as 已汇总过, and refuses a hand-edited one with the data unchanged.
 */

const { folder, servers } = cleanedAfterEach('baobao-e2e-packages-');

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

test('上报包：旗区导出，市局新建空白库后汇总、再次汇总不变、改过的包被拒绝', async ({ page }) => {
  test.setTimeout(240_000);
  const work = await folder();
  const district = await startHarness({ library: 'district' });
  servers.push(district);
  const packageFile = path.join(work, '东胜区上报包.xlsx');

  await test.step('导出与打印 → 上报包：本单位辖区（东胜区）', async () => {
    await page.goto(`${district.url}#/export`);
    const card = page.getByTestId('export-package');
    await expect(card).toBeVisible();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await card.getByRole('button', { name: /导出上报包/ }).click();
    await expect(card.getByText('正在生成上报包')).toBeVisible();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^上报包-东胜区-\d{4}年度-.*\.xlsx$/);
    await file.saveAs(packageFile);
    await expect(card.getByTestId('package-made')).toContainText('东胜区');
    await expect(page.getByText(/已开始下载/)).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await expectNoPageOverflow(page);
    await screenshot(page, 'packages-export');
  });

  const cityDir = await folder();
  cli(['init', '--unit', '鄂尔多斯市市场监督管理局', '--data', cityDir]);
  const city = await startHarness({ dataDir: cityDir });
  servers.push(city);
  const dataFile = path.join(cityDir, 'data.json');

  await test.step('汇总上报包：预览各类记录，导入，东胜区为已报', async () => {
    await page.goto(`${city.url}#/consolidate`);
    const received = page.getByTestId('consolidate-received');
    // A library started empty has no 旗区 yet.
    await expect(received).toContainText('已报 0');
    const importCard = page.getByTestId('consolidate-import');
    await importCard.locator('input[type=file]').setInputFiles(packageFile);
    const preview = importCard.getByTestId('package-preview');
    await expect(preview).toContainText('东胜区');
    await expect(preview).toContainText('首次报送');
    await expect(preview.getByRole('row', { name: /包保主体/ })).toBeVisible();
    await expectNoPageOverflow(page);
    await screenshot(page, 'packages-preview');
    await importCard.getByRole('button', { name: '汇总导入' }).click();
    await expect(page.getByText(/已汇总 1 个上报包/)).toBeVisible({ timeout: 60_000 });
    await expect(received.getByRole('row', { name: /东胜区/ })).toContainText('已报');
    expect((await city.readDoc()).receivedPackages).toHaveLength(1);
    await screenshot(page, 'packages-received');
  });

  await test.step('同一个包再选一次：已汇总过，导入不改数据', async () => {
    const before = await sha256(dataFile);
    const importCard = page.getByTestId('consolidate-import');
    await importCard.locator('input[type=file]').setInputFiles([]);
    await importCard.locator('input[type=file]').setInputFiles(packageFile);
    await expect(importCard.getByTestId('package-preview')).toContainText('已汇总过');
    await expect(importCard).toContainText('导入不会改动数据');
    await importCard.getByRole('button', { name: '汇总导入' }).click();
    await expect(page.getByText('这些上报包都已汇总过，数据未改动')).toBeVisible();
    expect(await sha256(dataFile)).toBe(before);
  });

  await test.step('数据部分被改过的包：一句中文说明，数据不变', async () => {
    const zip = await JSZip.loadAsync(await readFile(packageFile));
    const text = await zip.file('shian/content.json')!.async('string');
    zip.file('shian/content.json', text.replace('东胜区', '东胜区改'));
    const edited = path.join(work, '改过的上报包.xlsx');
    await writeFile(edited, await zip.generateAsync({ type: 'nodebuffer' }));
    const before = await sha256(dataFile);
    const importCard = page.getByTestId('consolidate-import');
    await importCard.locator('input[type=file]').setInputFiles([]);
    await importCard.locator('input[type=file]').setInputFiles(edited);
    await expect(importCard.getByTestId('consolidate-error')).toContainText('上报包已被修改');
    await expect(importCard.getByTestId('package-preview')).toHaveCount(0);
    expect(await sha256(dataFile)).toBe(before);
    await screenshot(page, 'packages-edited');
  });
});
