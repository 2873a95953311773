import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { DataDoc } from '../../shared/storage/types';
import { countText } from '../../shared/util/format';
import { copyLibrary, expectNoPageOverflow, type Harness, motionEnded, readLibraryOf, screenshot, startHarness } from './harness';

/**
 * docs/architecture.md#data-files in the UI: a damaged data file is moved aside and the welcome screen offers the newest
 * good backup; the 备份与恢复 screen makes, lists and restores backups with a preview.
 */

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-backup-'));
  await copyLibrary('district', dataDir);
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

const dataFile = () => path.join(dataDir, 'data.json');
const readDoc = (): Promise<DataDoc> => readLibraryOf(dataDir);

/** Waits for dialogs to finish sliding in, so screenshots show them in place. */
async function shot(page: Page, name: string): Promise<void> {
  await motionEnded(page);
  await screenshot(page, name);
}

async function call<T>(harness: Harness, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${harness.url}api/${method}`, { method: 'POST', headers: harness.apiHeaders, body: JSON.stringify(input) });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} 失败：${result.error?.message}`);
  return result.value as T;
}

/** One row of the restore preview: 数据类别, 当前, 备份中. */
function previewRow(page: Page, label: string) {
  return page.getByRole('dialog').locator('.ant-table-row', { has: page.getByRole('cell', { name: label, exact: true }) });
}

test('数据文件损坏：欢迎页说明情况，从最新备份恢复后主体数与损坏前相同，损坏的文件保留', async ({ page }) => {
  const original = await readDoc();
  const count = original.entities.length;
  expect(count).toBeGreaterThan(1000);

  await test.step('启动一次（做“启动时”备份），停止后把 data.json 截掉一半', async () => {
    server = await startHarness({ dataDir });
    await server.stop();
    server = null;
    const backups = await readdir(path.join(dataDir, 'backups'));
    expect(backups.some((name) => name.endsWith('-start'))).toBe(true);
    const text = await readFile(dataFile(), 'utf8');
    await writeFile(dataFile(), text.slice(0, Math.floor(text.length / 2)));
  });

  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/entities`);

  const restoreButton = page.getByRole('button', { name: /从最新备份恢复（\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}，启动时）$/ });
  await test.step('欢迎页：错误提示、损坏文件的去处、从最新备份恢复', async () => {
    await expect(page.getByText('未能打开数据文件')).toBeVisible();
    await expect(page.getByText(/数据文件无法读取：.*原文件已原样移到 data\.damaged-.*\.json 保存/)).toBeVisible();
    await expect(restoreButton).toBeVisible();
    await expect(page.getByRole('button', { name: '从其他备份文件恢复…' })).toBeVisible();
    await expect(page.getByRole('button', { name: '新建空白库' })).toBeVisible();
    await expect(page.getByRole('button', { name: '载入示例数据' })).toBeVisible();
    await expectNoPageOverflow(page);
    await shot(page, 'welcome-recovery');
  });

  await test.step('预览：当前为空，备份中有全部主体；确认后恢复并进入软件', async () => {
    await restoreButton.click();
    const dialog = page.getByRole('dialog', { name: /^从备份恢复：.*（启动时）$/ });
    await expect(dialog).toBeVisible();
    await expect(previewRow(page, '包保主体').locator('td').nth(1)).toHaveText('0');
    await expect(previewRow(page, '包保主体').locator('td').nth(2)).toHaveText(count.toLocaleString('zh-CN'));
    await expect(dialog.getByText('当前没有可用的数据，恢复后将使用备份中的数据。')).toBeVisible();
    await shot(page, 'welcome-recovery-preview');
    await dialog.getByRole('button', { name: '恢复此备份…' }).click();
    const confirm = page.getByRole('dialog', { name: '确定用这个备份替换当前数据？' });
    await confirm.getByRole('button', { name: /^恢\s?复$/ }).click();
    await expect(page.getByText(/已从备份“backup-.*-start”恢复数据/)).toBeVisible();
    await expect(page.getByText(`共 ${countText(count)} 户`)).toBeVisible();
    await expect(page.getByTestId('header-counts')).toContainText(`主体 ${count.toLocaleString('zh-CN')} 户`);
  });

  const names = await readdir(dataDir);
  expect(names.some((name) => /^data\.damaged-.*\.json$/.test(name))).toBe(true);
  const restored = await readDoc();
  expect(restored.entities.length).toBe(count);
  expect(restored.log.at(-1)?.action).toBe('backup:restore');
});

test('备份与恢复：立即备份，删除一户主体后从列表预览并恢复，主体数回来', async ({ page }) => {
  const original = await readDoc();
  const count = original.entities.length;
  server = await startHarness({ dataDir });
  const url = server.url;
  await page.goto(`${url}#/backup`);

  const rows = page.locator('.ant-table-row');
  await test.step('备份列表：数据文件夹、启动时的备份', async () => {
    await expect(page.getByText(dataDir, { exact: true })).toBeVisible();
    await expect(rows.filter({ hasText: '启动时' })).toHaveCount(1);
    await expect(rows.first()).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await expect(rows.first()).toContainText(/\d+\.\d{2} MB/);
  });

  await test.step('立即备份：多出一行“手动备份”，在最上面', async () => {
    const before = await rows.count();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(/^已备份（\d+\.\d{2} MB）/)).toBeVisible();
    await expect(rows).toHaveCount(before + 1);
    await expect(rows.first()).toContainText('手动备份');
    expect((await readdir(path.join(dataDir, 'backups'))).some((name) => name.endsWith('-manual'))).toBe(true);
  });

  await test.step('下载备份：得到可读回的 .json', async () => {
    const download = page.waitForEvent('download');
    await rows.first().getByRole('button', { name: /下载/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-manual\.json$/);
    const doc = JSON.parse(await readFile(await file.path(), 'utf8')) as DataDoc;
    expect(doc.entities.length).toBe(count);
  });

  const victim = original.entities[0];
  if (!victim) throw new Error('示例数据中没有主体');
  await call(server, 'entities:delete', { id: victim.id });
  expect((await readDoc()).entities.length).toBe(count - 1);

  await test.step('从“手动备份”恢复：预览显示 包保主体 当前 N-1 → 备份中 N，确认后恢复', async () => {
    await rows.filter({ hasText: '手动备份' }).getByRole('button', { name: /恢复/ }).click();
    const dialog = page.getByRole('dialog', { name: /^从备份恢复：.*（手动备份）$/ });
    await expect(dialog).toBeVisible();
    const row = previewRow(page, '包保主体');
    await expect(row.locator('td').nth(1)).toHaveText((count - 1).toLocaleString('zh-CN'));
    await expect(row.locator('td').nth(2)).toHaveText(count.toLocaleString('zh-CN'));
    await expect(row.locator('td').nth(3)).toHaveText('恢复 1');
    await expect(row).toHaveClass(/restore-row-changed/);
    await expect(previewRow(page, '包保干部')).not.toHaveClass(/restore-row-changed/);
    await expectNoPageOverflow(page);
    await shot(page, 'backup-restore-preview');

    await dialog.getByRole('button', { name: '恢复此备份…' }).click();
    const confirm = page.getByRole('dialog', { name: '确定用这个备份替换当前数据？' });
    await expect(confirm).toContainText('先自动备份当前数据');
    await shot(page, 'backup-restore-confirm');
    // Enter confirms (the OK button has the focus).
    await page.keyboard.press('Enter');
    await expect(page.getByText(/已从备份“backup-.*-manual”恢复数据/)).toBeVisible();
    await expect(dialog).toBeHidden();
  });

  await test.step('恢复后：列表多出“恢复前”备份，标题栏和主体列表的户数回来', async () => {
    await expect(rows.filter({ hasText: '恢复前' })).toHaveCount(1);
    await expect(page.getByTestId('header-counts')).toContainText(`主体 ${count.toLocaleString('zh-CN')} 户`);
    await expectNoPageOverflow(page);
    await shot(page, 'backup-page');
    const doc = await readDoc();
    expect(doc.entities.length).toBe(count);
    expect(doc.entities.some((e) => e.id === victim.id)).toBe(true);
    await page.getByRole('menuitem', { name: '包保主体' }).click();
    await expect(page.getByText(`共 ${countText(count)} 户`)).toBeVisible();
  });

  await test.step('从文件恢复：选一个不是备份的文件，给出中文说明，数据不变', async () => {
    await page.getByRole('menuitem', { name: '备份与恢复' }).click();
    const bad = path.join(dataDir, '不是备份.json');
    await writeFile(bad, '{"hello": 1}');
    await page.locator('input[type=file]').setInputFiles(bad);
    const error = page.getByRole('dialog', { name: '无法读取这个备份' });
    await expect(error).toBeVisible();
    await expect(error).toContainText('不是备份.json');
    await error.getByRole('button', { name: '知道了' }).click();
    expect((await readDoc()).entities.length).toBe(count);
  });
});

test('数据文件损坏且没有备份：提示从备份文件恢复或新建空白库，选择另存的库文件后恢复', async ({ page }) => {
  const kept = path.join(test.info().outputDir, '另存的备份.json');
  await mkdir(path.dirname(kept), { recursive: true });
  // The library as one file, as 下载 in 备份与恢复 gives it (data.json alone holds no history).
  await writeFile(kept, JSON.stringify(await readDoc()));
  const count = (await readDoc()).entities.length;
  await writeFile(dataFile(), '{"schemaVersion": 1, "entities": [');

  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/entities`);
  await expect(page.getByText('未能打开数据文件')).toBeVisible();
  await expect(page.getByText(/数据文件夹中没有可用的备份/)).toBeVisible();
  await expect(page.getByRole('button', { name: /从最新备份恢复/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '载入示例数据' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '新建空白库' })).toBeVisible();
  await expect(page.getByRole('button', { name: '从备份文件恢复…' })).toBeVisible();
  await expectNoPageOverflow(page);
  await shot(page, 'welcome-recovery-no-backup');

  await page.locator('input[type=file]').setInputFiles(kept);
  const dialog = page.getByRole('dialog', { name: '从备份文件恢复' });
  await expect(dialog).toContainText('另存的备份.json');
  await expect(previewRow(page, '包保主体').locator('td').nth(2)).toHaveText(count.toLocaleString('zh-CN'));
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: '确定用这个备份替换当前数据？' })
    .getByRole('button', { name: /^恢\s?复$/ })
    .click();
  await expect(page.getByText(`共 ${countText(count)} 户`)).toBeVisible();
  expect((await readDoc()).entities.length).toBe(count);
});

test('新电脑上第一次打开：欢迎页可直接从带来的备份文件恢复', async ({ page }) => {
  const brought = path.join(test.info().outputDir, 'U盘上的备份.json');
  await mkdir(path.dirname(brought), { recursive: true });
  await writeFile(brought, JSON.stringify(await readDoc()));
  const count = (await readDoc()).entities.length;
  await rm(dataFile());

  server = await startHarness({ dataDir });
  await page.goto(server.url);
  await expect(page.getByText('欢迎使用食安包保工作台')).toBeVisible();
  await expect(page.getByRole('button', { name: '载入示例数据' })).toBeVisible();
  await expect(page.getByRole('button', { name: '从备份文件恢复…' })).toBeVisible();
  await expectNoPageOverflow(page);
  await shot(page, 'welcome-first-run');

  await page.locator('input[type=file]').setInputFiles(brought);
  await expect(page.getByRole('dialog', { name: '从备份文件恢复' })).toContainText('U盘上的备份.json');
  await expect(previewRow(page, '包保主体').locator('td').nth(2)).toHaveText(count.toLocaleString('zh-CN'));
  await page.keyboard.press('Enter');
  await page
    .getByRole('dialog', { name: '确定用这个备份替换当前数据？' })
    .getByRole('button', { name: /^恢\s?复$/ })
    .click();
  await expect(page.getByRole('dialog', { name: '确定用这个备份替换当前数据？' })).toHaveCount(0);
  await page.goto(`${server.url}#/entities`);
  await expect(page.getByText(`共 ${countText(count)} 户`)).toBeVisible();
  expect((await readDoc()).entities.length).toBe(count);
});
