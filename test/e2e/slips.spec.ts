import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import dayjs from 'dayjs';
import type { DataDoc } from '../../shared/storage/types';
import { copyLibrary, expectNoPageOverflow, type Harness, motionEnded, readLibraryOf, screenshot, startHarness } from './harness';

/**
 * Nothing lost by a slip (issue #22), at 1366×768 on the demo: Esc, 取消 and the side menu ask
 * 「放弃修改？」 before throwing edits away; the restore preview names every kind it changes;
 * bulk changes are backed up first; out-of-range progress is refused; Enter does what it says.
 */

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-slips-'));
  await copyLibrary('district', dataDir);
  server = await startHarness({ dataDir });
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

const readDoc = (): Promise<DataDoc> => readLibraryOf(dataDir);

async function call<T>(method: string, input: unknown): Promise<T> {
  if (!server) throw new Error('harness not started');
  const response = await fetch(`${server.url}api/${method}`, { method: 'POST', headers: server.apiHeaders, body: JSON.stringify(input) });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} 失败：${result.error?.message}`);
  return result.value as T;
}

/** After the dialogs' animations, so the picture shows what the clerk sees. */
async function shot(page: Page, name: string): Promise<void> {
  await motionEnded(page);
  await screenshot(page, name);
}

const discardDialog = (page: Page) => page.getByRole('dialog', { name: '放弃修改？' });

test('放弃修改？：表单改过后按 Esc、点取消，先问再丢弃', async ({ page }) => {
  await page.goto(`${server?.url}#/entities`);

  await test.step('新增主体：未改动时 Esc 直接关闭', async () => {
    await page.getByRole('button', { name: '新增主体' }).click();
    const form = page.getByRole('dialog', { name: '新增主体' });
    await expect(form).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(form).toBeHidden();
    await expect(discardDialog(page)).toHaveCount(0);
  });

  await test.step('新增主体：填了名称后 Esc 问「放弃修改？」，继续编辑保留所填；取消再问，放弃才关闭', async () => {
    await page.getByRole('button', { name: '新增主体' }).click();
    const form = page.getByRole('dialog', { name: '新增主体' });
    const name = form.getByRole('textbox', { name: /主体名称/ });
    await expect(name).toBeFocused();
    await page.keyboard.type('半路放下的饭店');
    await page.keyboard.press('Escape');
    const ask = discardDialog(page);
    await expect(ask).toBeVisible();
    await expect(ask.getByRole('button', { name: '继续编辑' })).toBeFocused();
    await expectNoPageOverflow(page);
    await shot(page, 'slips-discard-entity');
    // Enter on the focused 继续编辑 keeps the form.
    await page.keyboard.press('Enter');
    await expect(ask).toBeHidden();
    await expect(form).toBeVisible();
    await expect(name).toHaveValue('半路放下的饭店');
    await form.getByRole('button', { name: /^取\s?消$/ }).click();
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: /^放\s?弃$/ }).click();
    await expect(form).toBeHidden();
  });
});

test('放弃修改？：设置页改了没保存，点侧栏菜单先问；继续编辑留下，放弃才离开', async ({ page }) => {
  await page.goto(`${server?.url}#/entities`);
  await test.step('设置：改了单位名称后点侧栏“包保干部”，先问；继续编辑留在设置，放弃后才离开且未保存', async () => {
    const orgName = (await readDoc()).profile.orgName;
    await page.getByRole('menuitem', { name: '设置' }).click();
    const field = page.getByRole('textbox', { name: '单位名称' });
    await field.fill('改了没保存的单位');
    await expect(page.getByText('有未保存的修改')).toBeVisible();
    await page.getByRole('menuitem', { name: '包保干部' }).click();
    const ask = discardDialog(page);
    await expect(ask).toBeVisible();
    await expectNoPageOverflow(page);
    await shot(page, 'slips-discard-settings');
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await expect(ask).toBeHidden();
    expect(page.url()).toMatch(/#\/settings$/);
    await expect(field).toHaveValue('改了没保存的单位');
    await page.getByRole('menuitem', { name: '包保干部' }).click();
    await ask.getByRole('button', { name: /^放\s?弃$/ }).click();
    await expect(page).toHaveURL(/#\/cadres$/);
    // The clerk sees the 包保干部 list before clicking on.
    await expect(page.getByRole('textbox', { name: '搜索干部' })).toBeVisible();
    expect((await readDoc()).profile.orgName).toBe(orgName);
    // Nothing unsaved any more: the menu goes straight on.
    await page.getByRole('menuitem', { name: '设置' }).click();
    await expect(field).toHaveValue(orgName);
    await page.getByRole('menuitem', { name: '包保主体' }).click();
    await expect(page).toHaveURL(/#\/entities$/);
    await expect(discardDialog(page)).toHaveCount(0);
  });
  await test.step('浏览器后退：继续编辑后再后退仍回到上一屏（包保干部，不跳过它），放弃后到那里，前进回到设置', async () => {
    await page.getByRole('menuitem', { name: '包保干部' }).click();
    await expect(page.getByRole('textbox', { name: '搜索干部' })).toBeVisible();
    await page.getByRole('menuitem', { name: '设置' }).click();
    const field = page.getByRole('textbox', { name: '单位名称' });
    await field.fill('后退前没保存的单位');
    const ask = discardDialog(page);
    await page.goBack();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await expect(ask).toBeHidden();
    await expect(page).toHaveURL(/#\/settings$/);
    await expect(field).toHaveValue('后退前没保存的单位');
    await page.goBack();
    await ask.getByRole('button', { name: /^放\s?弃$/ }).click();
    await expect(page).toHaveURL(/#\/cadres$/);
    await expect(page.getByRole('textbox', { name: '搜索干部' })).toBeVisible();
    await page.goForward();
    await expect(page).toHaveURL(/#\/settings$/);
    await expect(field).not.toHaveValue('后退前没保存的单位');
    await expect(discardDialog(page)).toHaveCount(0);
  });
});

test('放弃修改？：记录督导时点了不符合，Esc 和取消先问，放弃后不记录', async ({ page }) => {
  const year = (await readDoc()).profile.planYear;
  await call('visits:plan', { year });
  await page.goto(`${server?.url}#/visits`);
  const link = page.locator('.ant-table-row').first().locator('.row-link');
  const entityName = await link.innerText();
  await link.click();
  const drawer = page.getByRole('dialog', { name: `记录督导：${entityName}` });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('listitem').first().getByText('不符合', { exact: true }).click();
  await page.keyboard.press('Escape');
  const ask = discardDialog(page);
  await expect(ask).toBeVisible();
  await shot(page, 'slips-discard-visit');
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(drawer.getByLabel('问题 1 描述')).toBeVisible();
  await drawer.getByRole('button', { name: /^取\s?消$/ }).click();
  await ask.getByRole('button', { name: /^放\s?弃$/ }).click();
  await expect(drawer).toBeHidden();
  expect((await readDoc()).visits.filter((v) => v.doneDate)).toEqual([]);
});

test('恢复预览列出督导、问题、作战图、周调度、设置；生成督导计划和干部变动前自动备份', async ({ page }) => {
  const year = (await readDoc()).profile.planYear;
  await call('backup:create', {});
  await call('visits:plan', { year });
  const start = dayjs().format('YYYY-MM-DD');
  const map = await call<{ map: { tasks: { id: string }[] } }>('battlemap:create', {
    planStart: start,
    finalDeadline: dayjs().add(6, 'month').format('YYYY-MM-DD'),
    mode: 'forward',
    dispatchWeekday: 5,
  });
  await call('battlemap:dispatch', { date: start, entries: [{ taskId: map.map.tasks[0]?.id, progress: 30, note: '' }] });
  const doc = await readDoc();
  const active = doc.cadres.filter((c) => c.active !== false);
  const leaving = active.find((c) => doc.assignments.some((a) => a.end === '' && a.cadreId === c.id));
  const successor = active.find((c) => c.id !== leaving?.id && c.level === leaving?.level);
  if (!leaving || !successor) throw new Error('示例数据中没有可交接的干部');
  await call('assign:replaceCadre', { fromCadreId: leaving.id, toCadreId: successor.id, deactivate: false });
  const reasons = (await readdir(path.join(dataDir, 'backups'))).map((name) => name.replace(/^backup-[\d-]+-([a-z]+)(\.json)?$/, '$1'));
  expect(reasons).toEqual(expect.arrayContaining(['plan', 'replace']));

  await page.goto(`${server?.url}#/backup`);
  const rows = page.locator('.ant-table-row');
  await expect(rows.filter({ hasText: '生成督导计划前' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '干部变动前' })).toHaveCount(1);
  await shot(page, 'slips-backup-list');

  await rows.filter({ hasText: '手动备份' }).getByRole('button', { name: /恢复/ }).click();
  const dialog = page.getByRole('dialog', { name: /^从备份恢复：.*（手动备份）$/ });
  await expect(dialog).toBeVisible();
  const kind = (label: string) => dialog.locator('.ant-table-row', { has: page.getByRole('cell', { name: label, exact: true }) });
  const visits = (await readDoc()).visits.length;
  await expect(kind('督导记录（含计划）').locator('td').nth(3)).toHaveText(`删除 ${visits.toLocaleString('zh-CN')}`);
  await expect(kind('作战图任务').locator('td').nth(3)).toHaveText(`删除 ${map.map.tasks.length}`);
  await expect(kind('作战图排期').locator('td').nth(3)).toHaveText('删除 1');
  await expect(kind('周调度记录').locator('td').nth(3)).toHaveText('删除 1');
  await expect(kind('包保关系（含历史）').locator('td').nth(3)).toContainText('删除');
  await expect(kind('包保关系（含历史）').locator('td').nth(3)).toContainText('改回');
  await expect(kind('设置（含节假日）').locator('td').nth(3)).toHaveText('不变');
  await expect(kind('督导发现的问题')).toBeVisible();
  await expect(kind('操作日志').locator('td').nth(3)).toHaveText('保留当前的，另记一条“恢复”');
  await expect(kind('作战图任务')).toHaveClass(/restore-row-changed/);
  await expect(kind('包保干部')).not.toHaveClass(/restore-row-changed/);
  await expectNoPageOverflow(page);
  await shot(page, 'slips-restore-preview');
});

test('作战图：计划开始日期里按回车不新建，先要总截止日期', async ({ page }) => {
  await test.step('作战图：计划开始日期里按回车，提示先选总截止日期，不新建', async () => {
    await page.goto(`${server?.url}#/battle-map`);
    const startField = page.getByRole('textbox', { name: /计划开始日期$/ });
    await expect(startField).toBeFocused();
    await startField.press('Enter');
    await expect(page.getByText('请选择总截止日期')).toBeVisible();
    await expect(page.getByText('还没有作战图')).toBeVisible();
    expect((await readDoc()).battleMap).toBeNull();
    await expectNoPageOverflow(page);
    await shot(page, 'slips-battlemap-create');
  });
});

test('周调度：本次进度超出 0–100 或不是整数时拒绝，不改成 100、不写入', async ({ page }) => {
  await call('battlemap:create', {
    planStart: dayjs().format('YYYY-MM-DD'),
    finalDeadline: dayjs().add(6, 'month').format('YYYY-MM-DD'),
    mode: 'backward',
    dispatchWeekday: 5,
  });
  await page.goto(`${server?.url}#/battle-map`);
  await test.step('周调度：本次进度 150 和 50.5 标红拒绝，数据不变；任务状态不变', async () => {
    await page.getByRole('button', { name: '记录周调度…' }).click();
    const dialog = page.getByRole('dialog', { name: '记录周调度' });
    const progress = dialog.getByRole('spinbutton', { name: /^1\. .*本次进度$/ });
    await progress.fill('150');
    await progress.press('Enter');
    await expect(dialog.getByText('进度不能超过 100%')).toBeVisible();
    await expect(progress).toHaveValue('150');
    await progress.fill('50.5');
    await progress.press('Enter');
    await expect(dialog.getByText('进度应为整数')).toBeVisible();
    await expectNoPageOverflow(page);
    await shot(page, 'slips-dispatch-refused');
    expect((await readDoc()).battleMap?.dispatches).toEqual([]);

    await test.step('周调度：改过后 Esc 先问「放弃修改？」', async () => {
      await page.keyboard.press('Escape');
      await discardDialog(page)
        .getByRole('button', { name: /^放\s?弃$/ })
        .click();
      await expect(dialog).toBeHidden();
      expect((await readDoc()).battleMap?.tasks.every((t) => t.status !== '已完成')).toBe(true);
    });
  });
});

test('自动分配：打开后直接按回车就是预览，对话框不关', async ({ page }) => {
  await page.goto(`${server?.url}#/assignments`);
  await test.step('自动分配：打开后直接按回车就是预览，对话框不关', async () => {
    await page.getByRole('button', { name: '自动分配…' }).click();
    const dialog = page.getByRole('dialog', { name: '自动分配包保干部' });
    await expect(dialog.getByRole('button', { name: /^预\s?览$/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('preview-unresolved')).toBeVisible({ timeout: 60_000 });
    await expect(dialog).toBeVisible();
    await expectNoPageOverflow(page);
    await shot(page, 'slips-auto-assign');
  });
});
