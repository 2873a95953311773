import { expect, test, type Locator, type Page, type Response } from '@playwright/test';
import { EntityQuerySchema } from '../../shared/api/contract';
import { ListIndex } from '../../shared/query/lists';
import { pinyinInitials } from '../../shared/query/search';
import type { DataDoc } from '../../shared/storage/types';
import { expectNoPageOverflow, screenshot, startHarness, type Harness } from './harness';

// The tests only read and leave changes unsaved: one harness on the city library serves all three.
let harness: Harness;
test.beforeAll(async () => {
  harness = await startHarness({ library: 'city' });
});
test.afterAll(async () => {
  await harness.stop();
});

const NO_ENTITY_FILTERS = EntityQuerySchema.parse({});

/** A 主体 whose first nine pinyin initials no other 主体 starts the same way: typed key by key, it alone matches. */
function entityWithLongInitials(doc: DataDoc): { name: string; keys: string } {
  const keysOf = (name: string) => pinyinInitials(name).slice(0, 9);
  const counts = new Map<string, number>();
  for (const e of doc.entities) counts.set(keysOf(e.name), (counts.get(keysOf(e.name)) ?? 0) + 1);
  const entity = doc.entities.find(
    (e) => keysOf(e.name).length === 9 && /^[a-z]+$/.test(keysOf(e.name)) && counts.get(keysOf(e.name)) === 1,
  );
  if (!entity) throw new Error('示例数据中找不到拼音首字母有 9 个的主体');
  return { name: entity.name, keys: keysOf(entity.name) };
}

/** Every list request the page makes from now on; `sizes()` gives the size of each answer. */
function listRequests(page: Page, method: string): { readonly sizes: () => Promise<number[]> } {
  const answers: Promise<number>[] = [];
  page.on('response', (response: Response) => {
    if (decodeURIComponent(response.url()).endsWith(`/api/${method}`)) answers.push(response.body().then((body) => body.length));
  });
  return { sizes: () => Promise.all(answers) };
}

/** Notes from now on when (page time, ms) each `input` event reaches the field; the call it returns reads them. */
async function timesOfInput(field: Locator): Promise<() => Promise<number[]>> {
  await field.evaluate((input) => {
    const times: number[] = [];
    input.addEventListener('input', () => times.push(performance.now()));
    Object.assign(input, { inputTimes: times });
  });
  return () => field.evaluate((input) => (input as unknown as { inputTimes: number[] }).inputTimes);
}

/** Whether the input shows its whole placeholder (no text cut off at 1366×768). */
async function placeholderFits(page: Page, label: string): Promise<boolean> {
  return page.getByRole('textbox', { name: label }).evaluate((input: HTMLInputElement) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(input).font;
    probe.style.whiteSpace = 'pre';
    probe.textContent = input.placeholder;
    document.body.append(probe);
    const fits = probe.offsetWidth <= input.clientWidth;
    probe.remove();
    return fits;
  });
}

test('包保主体：逐字键入 9 个拼音首字母，最多 3 次列表请求、每次不超过 1 MB，匹配的主体显示出来', async ({ page }) => {
  const doc = await harness.readDoc();
  const { name, keys } = entityWithLongInitials(doc);
  const all = listRequests(page, 'entities:query');
  await page.goto(`${harness.url}#/entities`);
  await expect(page.getByText(/共 21,?893 户/)).toBeVisible();
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  await expectNoPageOverflow(page);
  expect(await placeholderFits(page, '搜索主体')).toBe(true);
  await screenshot(page, 'entities-list');
  // Opening the screen fetched a window of rows, not the whole list.
  const opening = await all.sizes();
  expect(opening.length).toBeGreaterThan(0);
  expect(Math.max(...opening)).toBeLessThan(100_000);

  const typed = listRequests(page, 'entities:query');
  const search = page.getByRole('textbox', { name: '搜索主体' });
  const keyTimes = await timesOfInput(search);
  await search.focus();
  // A clerk's normal pace: about six keys a second.
  await page.keyboard.type(keys, { delay: 160 });
  await expect(page.locator('.ant-table-row', { hasText: name })).toBeVisible();
  const expected = new ListIndex(doc).entities({ ...NO_ENTITY_FILTERS, text: keys }).length;
  await expect(page.getByText(`共 ${expected} 户`)).toBeVisible();
  await screenshot(page, 'entities-search');
  const answers = await typed.sizes();
  expect(answers.length).toBeGreaterThanOrEqual(1);
  // The search waits for a pause in the typing (250 ms, ListScreen's SEARCH_DEBOUNCE_MS). A busy
  // machine can hold keys back longer than that, and each such pause may fetch once more.
  const times = await keyTimes();
  const gaps = times.slice(1).map((time, i) => time - times[i]!);
  expect(answers.length).toBeLessThanOrEqual(3 + gaps.filter((gap) => gap > 200).length);
  for (const size of answers) expect(size).toBeLessThanOrEqual(1_000_000);

  await test.step('键盘：Tab 到行上的名称按钮，Enter 打开详情', async () => {
    await page.locator('.ant-table-row', { hasText: name }).locator('.row-link').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name })).toBeHidden();
  });
});

test('包保主体：点列头在服务端排序，滚到底时最后一行也取到', async ({ page }) => {
  const doc = await harness.readDoc();
  await page.goto(`${harness.url}#/entities`);
  await expect(page.getByText(/共 21,?893 户/)).toBeVisible();

  const byName = new ListIndex(doc).entities({ ...NO_ENTITY_FILTERS, sort: { field: 'name', order: 'ascend' } });
  await page.locator('.ant-table-thead th', { hasText: '主体名称' }).click();
  await expect(page.locator('.ant-table-row').first().locator('.row-link')).toHaveText(byName[0]!.name);
  await page.locator('.ant-table-thead th', { hasText: '主体名称' }).click();
  await expect(page.locator('.ant-table-row').first().locator('.row-link')).toHaveText(byName.at(-1)!.name);
  await screenshot(page, 'entities-sorted');

  // Back to list order, then to the very end: the last block is fetched as it comes into view.
  await page.locator('.ant-table-thead th', { hasText: '主体名称' }).click();
  await expect(page.locator('.ant-table-row').first().locator('.row-link')).toHaveText(doc.entities[0]!.name);
  await page.locator('.ant-table-tbody').hover();
  for (let turn = 0; turn < 40; turn++) await page.mouse.wheel(0, 30_000);
  await expect(page.locator('.ant-table-row', { hasText: doc.entities.at(-1)!.name })).toBeVisible();
});

test('包保干部：详情里的主体可点开，干部变动从干部详情发起；改了一半按 Esc 或浏览器后退先问', async ({ page }) => {
  const doc = await harness.readDoc();
  const loads = new Map<string, number>();
  for (const a of doc.assignments) if (a.end === '') loads.set(a.cadreId, (loads.get(a.cadreId) ?? 0) + 1);
  const cadre = doc.cadres.find(
    (c) => c.level === 'township' && c.active && (loads.get(c.id) ?? 0) > 0 && doc.cadres.filter((o) => o.name === c.name).length === 1,
  );
  if (!cadre) throw new Error('示例数据中找不到有包保主体的乡镇级干部');
  // A second such cadre, with another number of 主体, for the 干部变动 opened next.
  const other = doc.cadres.find(
    (c) =>
      c.level === 'township' &&
      c.active &&
      (loads.get(c.id) ?? 0) > 0 &&
      loads.get(c.id) !== loads.get(cadre.id) &&
      doc.cadres.filter((o) => o.name === c.name).length === 1,
  );
  if (!other) throw new Error('示例数据中找不到第二名有包保主体的乡镇级干部');
  const entityId = doc.assignments.find((a) => a.cadreId === cadre.id && a.end === '')?.entityId;
  const entity = doc.entities.find((e) => e.id === entityId);
  if (!entity) throw new Error('缺少主体');

  await page.goto(`${harness.url}#/dashboard`);
  await page.getByRole('menuitem', { name: '包保干部' }).click();
  await expect(page.getByText(/共 2,?684 名/)).toBeVisible();
  expect(await placeholderFits(page, '搜索干部')).toBe(true);
  await page.getByRole('textbox', { name: '搜索干部' }).fill(cadre.name);
  await page.locator('.ant-table-row', { hasText: cadre.name }).first().locator('.row-link').click();
  const drawer = page.getByRole('dialog', { name: `${cadre.name}（乡镇级）` });
  await expect(drawer).toBeVisible();

  await test.step('主体名称是链接，打开该主体的详情', async () => {
    await drawer.getByRole('button', { name: entity.name }).click();
    const entityDrawer = page.getByRole('dialog', { name: entity.name });
    await expect(entityDrawer).toBeVisible();
    await screenshot(page, 'cadre-entity-link');
    await page.keyboard.press('Escape');
    await expect(entityDrawer).toBeHidden();
    await expect(drawer).toBeVisible();
  });

  await test.step('干部变动：离任干部已填好；选了接任干部后 Esc 先问「放弃修改？」', async () => {
    await drawer.getByRole('button', { name: /干部变动/ }).click();
    const modal = page.getByRole('dialog', { name: '干部变动（移交包保主体）' });
    await expect(modal).toBeVisible();
    await expect(modal.getByText(`当前包保 ${loads.get(cadre.id)} 户`)).toBeVisible();
    await expect(modal.getByRole('button', { name: `确认移交 ${loads.get(cadre.id)} 个主体` })).toBeVisible();
    await modal.getByRole('combobox', { name: /接任干部/ }).click();
    await page.locator('.ant-select-item-option').first().click();
    await screenshot(page, 'cadre-replace');
    await modal.getByRole('button', { name: /^取\s?消$/ }).click();
    const ask = page.getByRole('dialog', { name: '放弃修改？' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: /^放\s?弃$/ }).click();
    await expect(modal).toBeHidden();
    expect((await harness.readDoc()).assignments.filter((a) => a.cadreId === cadre.id && a.end === '')).toHaveLength(loads.get(cadre.id)!);
  });

  await test.step('另一名干部的干部变动：离任干部是这一名，不是上次打开时的那一名', async () => {
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await page.getByRole('textbox', { name: '搜索干部' }).fill(other.name);
    await page.locator('.ant-table-row', { hasText: other.name }).first().locator('.row-link').click();
    const otherDrawer = page.getByRole('dialog', { name: `${other.name}（乡镇级）` });
    await otherDrawer.getByRole('button', { name: /干部变动/ }).click();
    const modal = page.getByRole('dialog', { name: '干部变动（移交包保主体）' });
    await expect(modal).toContainText(new RegExp(`离任干部\\s*${other.name}`));
    await expect(modal.getByRole('button', { name: `确认移交 ${loads.get(other.id)} 个主体` })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(modal).toBeHidden();
  });

  await test.step('浏览器后退也先问，继续编辑则留在原处', async () => {
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: `${other.name}（乡镇级）` })).toBeHidden();
    await page.getByRole('button', { name: '新增干部' }).click();
    const form = page.getByRole('dialog', { name: '新增干部' });
    await form.getByLabel('姓名').fill('半路放下的干部');
    await page.goBack();
    const ask = page.getByRole('dialog', { name: '放弃修改？' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await expect(page).toHaveURL(/#\/cadres$/);
    await expect(form.getByLabel('姓名')).toHaveValue('半路放下的干部');
  });
});

test('antd 的样式来自静态样式表：页面运行时只设 CSS 变量，主题字体和中文界面照旧', async ({ page }) => {
  await page.goto(`${harness.url}#/entities`);
  await expect(page.locator('.ant-table-row').first()).toBeVisible();
  // Components that first render later build their styles then, if at all: the region tree and a form.
  await page.getByRole('combobox', { name: '所属区划' }).click();
  await expect(page.locator('.ant-select-tree-treenode:not([aria-hidden])').first()).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '新增主体' }).click();
  const form = page.getByRole('dialog', { name: '新增主体' });
  await expect(form.getByLabel('主体名称')).toBeVisible();

  // Every rule about antd's classes in the page's <style> elements (index.html's skeleton aside) only
  // sets CSS variables: the theme's tokens.
  const builtAtRunTime = await page.evaluate(() => {
    const selectors: string[] = [];
    const visit = (rules: CSSRuleList) => {
      for (const rule of rules) {
        const setsStyle = rule instanceof CSSStyleRule && [...rule.style].some((property) => !property.startsWith('--'));
        if (setsStyle && /\.(ant|css)-/.test(rule.selectorText)) selectors.push(rule.selectorText);
        if (rule instanceof CSSGroupingRule) visit(rule.cssRules);
      }
    };
    for (const sheet of document.styleSheets) if (sheet.ownerNode instanceof HTMLStyleElement) visit(sheet.cssRules);
    return selectors;
  });
  expect(builtAtRunTime.slice(0, 5)).toEqual([]);

  const save = form.getByRole('button', { name: '保存' });
  expect(await save.evaluate((button) => getComputedStyle(button).fontFamily)).toMatch(/^"Microsoft YaHei"/);
  expect(await save.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(22, 119, 255)');
  await expect(form.getByRole('button', { name: '取消' })).toBeVisible();
  await form.getByRole('button', { name: '取消' }).click();
  await expect(form).toBeHidden();
});

test('包保主体的区划筛选：鼠标点选旗区、键盘查找乡镇，列表和户数随之变化', async ({ page }) => {
  const doc = await harness.readDoc();
  const index = new ListIndex(doc);
  const county = doc.regions.find((r) => r.level === 'county');
  const township = doc.regions.find(
    (r) => r.level === 'township' && r.parentId === county?.id && doc.regions.filter((o) => o.name === r.name).length === 1,
  );
  if (!county || !township) throw new Error('示例数据中缺少旗区或乡镇');
  const count = (regionId: string) => index.entities({ ...NO_ENTITY_FILTERS, regionId }).length.toLocaleString('en-US');
  await page.goto(`${harness.url}#/entities`);
  await expect(page.getByText(/共 21,?893 户/)).toBeVisible();
  const filter = page.getByRole('combobox', { name: '所属区划' });

  await test.step('鼠标：点开，点旗区', async () => {
    await filter.click();
    await page.locator('.ant-select-tree-node-content-wrapper', { hasText: new RegExp(`^${county.name}$`) }).click();
    await expect(page.getByText(`共 ${count(county.id)} 户`)).toBeVisible();
    await expect(page.locator('.ant-select-content', { hasText: county.name })).toBeVisible();
  });

  await test.step('键盘：在框里键入乡镇名称，Enter 选中', async () => {
    await filter.focus();
    await page.keyboard.type(township.name);
    await expect(page.locator('.ant-select-tree-treenode:not([aria-hidden])', { hasText: township.name }).first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByText(`共 ${count(township.id)} 户`)).toBeVisible();
    await expect(page.locator('.ant-select-content', { hasText: `${county.name} / ${township.name}` })).toBeVisible();
  });
});
