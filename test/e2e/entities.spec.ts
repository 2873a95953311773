import { expect, test } from '@playwright/test';
import { ListIndex } from '../../shared/query/lists';
import { pinyinInitials } from '../../shared/query/search';
import { USCC_ALPHABET } from '../../shared/domain/uscc';
import { countText } from '../../shared/util/format';
import type { DataDoc } from '../../shared/storage/types';
import { expectNoPageOverflow, type Harness, screenshot, startHarness } from './harness';

let harness: Harness;
test.beforeEach(async () => {
  harness = await startHarness();
});
test.afterEach(async () => {
  await harness.stop();
});

/** Neither the page nor its body may scroll sideways at 1366×768 (the table scrolls inside). */

/** A 主体 with a USCC whose pinyin initials no other 主体 shares, so a search finds it alone by name. */
function pickEntity(doc: DataDoc): DataDoc['entities'][number] {
  const counts = new Map<string, number>();
  for (const e of doc.entities) counts.set(pinyinInitials(e.name), (counts.get(pinyinInitials(e.name)) ?? 0) + 1);
  const entity = doc.entities.find((e) => e.uscc !== '' && pinyinInitials(e.name).length >= 5 && counts.get(pinyinInitials(e.name)) === 1);
  if (!entity) throw new Error('示例数据中找不到合适的主体');
  return entity;
}

test('首次运行载入示例数据，按拼音首字母查找主体，错误的信用代码不能保存，改正后保存并持久化', async ({ page }) => {
  await page.goto(`${harness.url}#/entities`);
  await expect(page.getByRole('heading', { name: '欢迎使用食安包保工作台' })).toBeVisible();
  await expect(page.getByText(harness.dataDir)).toBeVisible();
  await screenshot(page, 'welcome');

  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText('正在生成示例数据…', { exact: false })).toBeVisible();
  await expect(page.getByText('共 21,893 户')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await expectNoPageOverflow(page);
  await screenshot(page, 'entities-list');

  const doc = await harness.readDoc();
  const entity = pickEntity(doc);
  const initials = pinyinInitials(entity.name);
  // The count the service must report for this search, from the same list index it uses.
  const expected = new ListIndex(doc).entities({
    text: initials,
    regionId: '',
    grades: [],
    types: [],
    statuses: [],
    assigned: 'any',
    regulatorId: '',
  }).length;

  await test.step('拼音首字母搜索', async () => {
    await page.getByRole('textbox', { name: '搜索主体' }).fill(initials);
    await expect(page.getByText(`共 ${countText(expected)} 户`)).toBeVisible();
    expect(expected).toBeLessThan(21893);
    await expect(page.locator('.ant-table-row', { hasText: entity.name })).toBeVisible();
  });

  await page.locator('.ant-table-row', { hasText: entity.name }).click();
  const drawer = page.getByRole('dialog', { name: entity.name });
  await expect(drawer).toBeVisible();
  await drawer.getByRole('button', { name: /编\s*辑/ }).click();
  const modal = page.getByRole('dialog', { name: `编辑主体：${entity.name}` });
  await expect(modal).toBeVisible();
  const usccInput = modal.getByLabel('统一社会信用代码');
  await expect(usccInput).toHaveValue(entity.uscc);

  await test.step('错误的统一社会信用代码：就地提示，拒绝保存，磁盘上不变', async () => {
    const saves: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/entities:save')) saves.push(request.url());
    });
    const last = entity.uscc.slice(-1);
    const wrong = entity.uscc.slice(0, 17) + (USCC_ALPHABET.split('').find((c) => c !== last) ?? '0');
    await usccInput.fill(wrong);
    await usccInput.press('Enter');
    const usccItem = modal.locator('.ant-form-item', { has: page.getByLabel('统一社会信用代码') });
    await expect(usccItem.locator('.ant-form-item-explain-error')).toContainText('统一社会信用代码校验位错误');
    await expect(modal).toBeVisible();
    await screenshot(page, 'entity-form-error');
    expect(saves).toEqual([]);
    const onDisk = (await harness.readDoc()).entities.find((e) => e.id === entity.id);
    expect(onDisk).toEqual(entity);
  });

  const newName = `${entity.name}（已核实）`;
  await test.step('改正后保存：写入磁盘，刷新后仍在', async () => {
    await usccInput.fill(entity.uscc);
    const nameInput = modal.getByLabel('主体名称');
    await nameInput.fill(newName);
    // A saved form closes at once: it never plays its zoom-out (a canceled one does).
    await page.evaluate(() => {
      const seen = { zoomOut: false };
      Object.assign(window, { formClose: seen });
      new MutationObserver(() => {
        seen.zoomOut ||= document.querySelector('.ant-zoom-leave') !== null;
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['class'] });
    });
    await nameInput.press('Enter');
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(modal).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { formClose: { zoomOut: boolean } }).formClose.zoomOut)).toBe(false);
    const onDisk = (await harness.readDoc()).entities.find((e) => e.id === entity.id);
    expect(onDisk).toEqual({ ...entity, name: newName });
    await expect(page.getByRole('dialog', { name: newName })).toBeVisible();

    await page.reload();
    await expect(page).toHaveURL(/#\/entities$/);
    await page.getByRole('textbox', { name: '搜索主体' }).fill('已核实');
    await expect(page.getByText('共 1 户')).toBeVisible();
    await expect(page.locator('.ant-table-row', { hasText: newName })).toBeVisible();
  });
});

test('新建空白库后主体列表为空并提示如何添加', async ({ page }) => {
  await page.goto(`${harness.url}#/entities`);
  await page.getByRole('button', { name: '新建空白库' }).click();
  await expect(page.getByText('共 0 户')).toBeVisible();
  // A blank library has no 行政区划 yet: the list says to build or import them first.
  await expect(page.getByText('还没有行政区划')).toBeVisible();
  expect((await harness.readDoc()).entities).toEqual([]);
});

// The next two are about a form, not a library's size: the district demo, as loaded quicker than the city.
test('新增主体时服务端发现的问题显示在对应字段旁，且不保存', async ({ page }) => {
  await harness.stop();
  harness = await startHarness({ library: 'district' });
  const doc = await harness.readDoc();
  const existing = doc.entities.find((e) => e.uscc !== '');
  const village = doc.regions.find((r) => r.level === 'village');
  if (!existing || !village) throw new Error('示例数据中缺少主体或村级区划');

  await page.goto(`${harness.url}#/entities`);
  await expect(page.getByText(`共 ${countText(doc.entities.length)} 户`)).toBeVisible();
  await page.getByRole('button', { name: '新增主体' }).click();
  const modal = page.getByRole('dialog', { name: '新增主体' });
  await expect(modal.getByLabel('主体名称')).toBeFocused();
  await modal.getByLabel('主体名称').fill('测试重复代码食品店');
  await modal.getByLabel('主体类型').click();
  await page.locator('.ant-select-item-option', { hasText: '个体工商户' }).click();
  await modal.getByLabel('包保等级').click();
  await page.locator('.ant-select-item-option', { hasText: 'D级' }).click();
  await modal.getByLabel('所属区划（乡镇或村）').fill(village.name);
  await page.locator('.ant-select-tree-title', { hasText: village.name }).first().click();
  // Valid by its check character, so only the service can tell it is taken.
  await modal.getByLabel('统一社会信用代码').fill(existing.uscc);
  await modal.getByLabel('统一社会信用代码').press('Enter');

  const usccItem = modal.locator('.ant-form-item', { has: page.getByLabel('统一社会信用代码') });
  await expect(usccItem.locator('.ant-form-item-explain-error')).toContainText(`已登记为“${existing.name}”`);
  await expect(page.locator('.ant-message')).toContainText('输入有误');
  await expect(modal).toBeVisible();
  expect((await harness.readDoc()).entities).toHaveLength(doc.entities.length);
});

test('编辑了一个主体之后打开另一个主体的表单，显示的是后者自己的内容', async ({ page }) => {
  await harness.stop();
  harness = await startHarness({ library: 'district' });
  await page.goto(`${harness.url}#/entities`);
  const links = page.locator('.ant-table-row .row-link');
  await expect(links.nth(1)).toBeVisible();
  const [first, second] = [(await links.nth(0).textContent()) ?? '', (await links.nth(1).textContent()) ?? ''];
  // Each form opened, looked at and left with 取消: the next one must show its own 主体.
  for (const name of [first, second, first]) {
    await links.filter({ hasText: new RegExp(`^${name}$`) }).click();
    await page
      .getByRole('dialog', { name })
      .getByRole('button', { name: /编\s*辑/ })
      .click();
    const form = page.getByRole('dialog', { name: `编辑主体：${name}` });
    await expect(form.getByLabel('主体名称')).toHaveValue(name);
    await form.getByRole('button', { name: '取消' }).click();
    await expect(form).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(page.locator('.ant-drawer-mask')).toHaveCount(0);
  }
});
