import { expect, test } from '@playwright/test';
import { ListIndex } from '../../shared/query/lists';
import { countText } from '../../shared/util/format';
import { screenshot, startHarness, type Harness } from './harness';

let harness: Harness;
test.beforeEach(async () => {
  // Finding a cadre and their 主体 is the same at any size: the district demo loads quicker than the city.
  harness = await startHarness({ library: 'district' });
});
test.afterEach(async () => {
  await harness.stop();
});

test('查找包保干部并打开详情，看到其当前包保主体', async ({ page }) => {
  const doc = await harness.readDoc();
  await page.goto(`${harness.url}#/cadres`);
  await expect(page.getByText(`共 ${countText(doc.cadres.length)} 名`)).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  await screenshot(page, 'cadres-list');

  const loads = new Map<string, number>();
  for (const a of doc.assignments) if (a.end === '') loads.set(a.cadreId, (loads.get(a.cadreId) ?? 0) + 1);
  const cadre = doc.cadres.find((c) => c.level === 'township' && (loads.get(c.id) ?? 0) > 0);
  if (!cadre) throw new Error('示例数据中找不到有包保主体的乡镇级干部');
  const expected = new ListIndex(doc).cadres({ text: cadre.name, regionId: '', levels: [], active: 'any' }).length;

  await page.getByPlaceholder('姓名 / 拼音首字母 / 电话').fill(cadre.name);
  await expect(page.getByText(`共 ${countText(expected)} 名`)).toBeVisible();
  await page
    .locator('.ant-table-row', { hasText: cadre.phone || cadre.name })
    .first()
    .click();

  const drawer = page.getByRole('dialog', { name: `${cadre.name}（乡镇级）` });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(`当前包保主体（${loads.get(cadre.id)} 户）`)).toBeVisible();
  const firstEntityId = doc.assignments.find((a) => a.cadreId === cadre.id && a.end === '')?.entityId;
  const firstEntity = doc.entities.find((e) => e.id === firstEntityId);
  await expect(drawer.getByText(firstEntity?.name ?? '（缺少主体）')).toBeVisible();
  await screenshot(page, 'cadre-detail');

  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});
