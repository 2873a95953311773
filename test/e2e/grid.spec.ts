import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { countText } from '../../shared/util/format';
import { copyLibrary, expectNoPageOverflow, screenshot, startHarness, type Harness } from './harness';

let harness: Harness;
let dataDir: string;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-grid-'));
  await copyLibrary('district', dataDir);
  harness = await startHarness({ dataDir });
});
test.afterEach(async () => {
  await harness.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('网格监管：人员与其主体、查看主体、新增、删除时移交、按网格补全', async ({ page }) => {
  const doc = await harness.readDoc();
  const operating = doc.entities.filter((e) => e.status !== '注销');
  const countOf = (id: string) => operating.filter((e) => e.regulatorId === id).length;
  const first = doc.regulators[0];
  const second = doc.regulators[1];
  if (!first || !second) throw new Error('示例数据中网格监管人员不足两人');

  await page.goto(harness.url);
  await page.getByRole('menuitem', { name: '网格监管' }).click();
  await expect(page).toHaveURL(/#\/grid$/);
  await expect(page.getByText(`共 ${doc.regulators.length} 人`)).toBeVisible();
  await expectNoPageOverflow(page);
  await screenshot(page, 'grid');

  await test.step('点主体数打开该人员的主体列表，筛选可清除', async () => {
    await page.getByPlaceholder('姓名 / 单位 / 电话 / 网格').fill(first.phone || first.name);
    const row = page.locator('.ant-table-row', { hasText: first.name }).first();
    await row.getByRole('button', { name: `${countOf(first.id)} 户` }).click();
    await expect(page).toHaveURL(new RegExp(`#/entities\\?regulatorId=${first.id}$`));
    await expect(page.getByTestId('drilldown-filter')).toHaveText(`网格监管人员：${first.name}`);
    await expect(page.getByText(`共 ${countText(countOf(first.id))} 户`)).toBeVisible();
    await page.getByLabel('清除筛选').click();
    await expect(page.getByText(`共 ${countText(doc.entities.length)} 户`)).toBeVisible();
    // Cleared in the address too: a reload keeps the whole list.
    await expect(page).toHaveURL(/#\/entities$/);
    await page.reload();
    await expect(page.getByText(`共 ${countText(doc.entities.length)} 户`)).toBeVisible();
    await page.getByRole('menuitem', { name: '网格监管' }).click();
    // The screen is kept in the address: a reload stays on it.
    await page.reload();
    await expect(page.getByRole('menuitem', { name: '网格监管' })).toHaveClass(/ant-menu-item-selected/);
    await expect(page.getByText(`共 ${doc.regulators.length} 人`)).toBeVisible();
  });

  await test.step('新增：漏填时就地提示，填好后出现在名单里', async () => {
    await page.getByRole('button', { name: '新增网格监管人员' }).click();
    const dialog = page.getByRole('dialog', { name: '新增网格监管人员' });
    // A clerk who types before the dialog has finished opening keeps the caret where they type.
    await dialog.getByLabel('联系电话').fill('139');
    await expect(page.locator('.ant-modal.ant-zoom-appear')).toHaveCount(0);
    await expect(dialog.getByLabel('联系电话')).toBeFocused();
    await dialog.getByRole('button', { name: /^保 ?存$/ }).click();
    await expect(dialog.getByText('请填写姓名')).toBeVisible();
    await expect(dialog.getByText('请选择负责的网格（至少一个区划）')).toBeVisible();
    await dialog.getByLabel('姓名').fill('马新民');
    await dialog.getByLabel('联系电话').fill('13904779988');
    const township = doc.regions.find((r) => r.level === 'township');
    if (!township) throw new Error('示例数据中没有乡镇');
    await dialog.getByLabel('负责网格（可选多个旗区、乡镇或村）').fill(township.name);
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: township.name }).first().click();
    await page.keyboard.press('Escape');
    const overviewReads: string[] = [];
    page.on('request', (request) => {
      if (decodeURIComponent(request.url()).endsWith('/api/regulators:overview')) overviewReads.push(request.postData() ?? '');
    });
    await dialog.getByRole('button', { name: /^保 ?存$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`共 ${doc.regulators.length + 1} 人`)).toBeVisible();
    // The save reads the list again once, not twice.
    await page.waitForLoadState('networkidle');
    expect(overviewReads).toHaveLength(1);
    const saved = (await harness.readDoc()).regulators.find((r) => r.name === '马新民');
    expect(saved?.regionIds).toEqual([township.id]);
  });

  await test.step('删除仍有主体的人员：先选接手人；暂不指定后可按网格补全', async () => {
    await page.getByPlaceholder('姓名 / 单位 / 电话 / 网格').fill(first.phone || first.name);
    await page
      .getByRole('button', { name: `删除 ${first.name}` })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: `删除网格监管人员：${first.name}` });
    await expect(dialog.getByText(`${countOf(first.id)}`, { exact: true })).toBeVisible();
    await expect(dialog.getByRole('button', { name: /^删 ?除$/ })).toBeDisabled();
    await dialog.getByLabel('接手的网格监管人员').click();
    await page.getByTitle('暂不指定（之后可用「按网格补全」或在主体中指定）').click();
    await dialog.getByRole('button', { name: /^删 ?除$/ }).click();
    await expect(dialog).toBeHidden();

    const alert = page.getByRole('alert').filter({ hasText: '未指定网格监管人员' });
    await expect(alert).toContainText(`${countOf(first.id)} 户主体未指定网格监管人员，其中 ${countOf(first.id)} 户可按所在区划自动补全`);
    await screenshot(page, 'grid-fill');
    await alert.getByRole('button', { name: '按网格补全' }).click();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /^补 ?全$/ })
      .click();
    await expect(alert).toBeHidden();
    const after = await harness.readDoc();
    expect(after.regulators.some((r) => r.id === first.id)).toBe(false);
    expect(after.entities.filter((e) => e.status !== '注销' && !after.regulators.some((r) => r.id === e.regulatorId))).toEqual([]);
  });
});

test('行政区划：在设置中查找、新增下级、不能删除仍被使用的区划', async ({ page }) => {
  const doc = await harness.readDoc();
  const township = doc.regions.find((r) => r.level === 'township' && doc.regions.some((v) => v.parentId === r.id));
  if (!township) throw new Error('示例数据中没有带村的乡镇');
  const villages = doc.regions.filter((r) => r.parentId === township.id).length;

  await page.goto(`${harness.url}#/settings`);
  await page.getByRole('button', { name: '行政区划…' }).click();
  const drawer = page.getByRole('dialog', { name: '行政区划' });
  await drawer.getByLabel('查找区划').fill(township.name);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: township.name }).first().click();
  await expect(drawer.getByText(`乡镇（街道、苏木）：${township.name}`)).toBeVisible();

  const adding = drawer.locator('.ant-card', { hasText: `在“${township.name}”下新增村（社区、嘎查）` });
  await adding.getByLabel('名称').fill('新建示范村');
  await adding.getByLabel('统计用区划代码').fill('12345');
  await adding.getByRole('button', { name: /新\s?增/ }).click();
  await expect(adding.getByText('区划代码应为6位或12位数字，不知道可留空')).toBeVisible();
  await adding.getByLabel('统计用区划代码').fill('');
  await adding.getByRole('button', { name: /新\s?增/ }).click();
  await expect(drawer.getByText('村（社区、嘎查）：新建示范村')).toBeVisible();
  await screenshot(page, 'regions-editor');
  const added = (await harness.readDoc()).regions.find((r) => r.name === '新建示范村');
  expect(added).toMatchObject({ parentId: township.id, level: 'village' });

  await drawer.getByLabel('查找区划').fill(township.name);
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: township.name }).first().click();
  await drawer.getByRole('button', { name: /删\s?除/ }).click();
  await page
    .getByRole('dialog', { name: `删除区划“${township.name}”？` })
    .getByRole('button', { name: /删\s?除/ })
    .click();
  await expect(page.getByText(`“${township.name}”下还有 ${villages + 1} 个下级区划`, { exact: false })).toBeVisible();
  expect((await harness.readDoc()).regions.some((r) => r.id === township.id)).toBe(true);
});
