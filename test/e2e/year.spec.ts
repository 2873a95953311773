import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cli, copyLibrary, expectNoPageOverflow, type Harness, ROOT, screenshot, startHarness } from './harness';

/**
 * The year (issue #18 item 7) at 1366×768: the dashboard follows a chosen year, the 2027 holiday
 * notice is pasted into 设置 in one step, and 年度切换 opens the new year.
 */

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-year-'));
  await copyLibrary('district', dataDir);
  server = await startHarness({ dataDir });
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

interface StatsJson {
  readonly visits: { readonly planned: number; readonly done: number };
}
const stats = (year: number): StatsJson => JSON.parse(cli(['stats', '--year', String(year), '--json', '--data', dataDir])) as StatsJson;
const count = (n: number): string => n.toLocaleString('zh-CN');

test('首页概览按所选年度统计；设置中录入放假通知并年度切换', async ({ page }) => {
  // Planning the next year with the CLI takes part of the time.
  test.setTimeout(240_000);
  const planYear = (JSON.parse(await readFile(path.join(dataDir, 'data.json'), 'utf8')) as { profile: { planYear: number } }).profile
    .planYear;
  const next = planYear + 1;
  // The next year planned ahead (as a clerk does in December), while the plan year, not planned, is still the old one.
  await server?.stop();
  cli(['plan', '--year', String(next), '--data', dataDir], 120_000);
  server = await startHarness({ dataDir });
  const [old, ahead] = [stats(planYear), stats(next)];
  expect(ahead.visits.planned).toBeGreaterThan(0);
  expect(old.visits.planned).toBe(0);

  await test.step('首页概览：默认计划年度，选下一年度即显示该年的督导', async () => {
    await page.goto(`${server!.url}#/dashboard`);
    const status = page.getByTestId('dashboard-status');
    await expect(status).toContainText(`${planYear} 年度`);
    await expect(page.getByTestId('kpi-visits-year')).toHaveText(`${count(old.visits.done)} / ${count(old.visits.planned)}`);
    await page.getByRole('combobox', { name: '统计年度' }).click();
    await page.getByTitle(`${next} 年`, { exact: true }).click();
    await expect(status).toContainText(`${next} 年度`);
    await expect(page.getByTestId('kpi-visits-year')).toHaveText(`0 / ${count(ahead.visits.planned)}`);
    // The weekly charts cover that year, and the address keeps the choice.
    await expect(page.getByRole('textbox', { name: '督导周统计日期范围' }).first()).toHaveValue(`${next}-01-01`);
    expect(page.url()).toContain(`year=${next}`);
    await expectNoPageOverflow(page);
    await screenshot(page, 'dashboard-next-year');
  });

  await test.step('设置：粘贴放假通知，核对读到的日期后替换该年日历', async () => {
    await page.goto(`${server!.url}#/settings`);
    const card = page.getByTestId('calendar-card');
    await card.getByRole('button', { name: '录入放假通知…' }).click();
    const dialog = page.getByRole('dialog', { name: '录入国务院办公厅放假通知' });
    // The real 2026 notice, dated forward, stands in for a notice of the next year.
    const text = (await readFile(path.join(ROOT, 'test', 'fixtures', 'holiday-notices', '2026.txt'), 'utf8')).replaceAll(
      '2026年',
      `${next}年`,
    );
    await dialog.getByRole('textbox', { name: '放假通知全文' }).fill(text);
    await dialog.getByRole('button', { name: '读取通知' }).click();
    const preview = dialog.getByTestId('notice-preview');
    await expect(preview).toContainText(`读到 ${next} 年：放假 33 天，调休上班 6 天`);
    await expect(preview).toContainText('春节：2月15日至2月23日放假，共 9 天；2月14日、2月28日上班');
    await expect(preview).toContainText('保存后替换暂按法定节假日推算、未含调休的日历');
    await screenshot(page, 'settings-notice-preview');
    await dialog.getByRole('button', { name: `保存，替换 ${next} 年日历` }).click();
    await expect(dialog).toHaveCount(0);
    await expect(card.getByTestId('calendar-notices')).toContainText(`${next} 年通知已录入（放假 33 天，调休上班 6 天）`);
    await expectNoPageOverflow(page);
  });

  await test.step('设置：年度切换开启下一年度，首页默认显示新年度', async () => {
    await page.getByRole('button', { name: '年度切换…' }).click();
    const confirm = page.locator('.ant-modal-confirm').filter({ hasText: `开启 ${next} 年度？` });
    await expect(confirm).toContainText(`${planYear} 年度及以前的督导记录改为只读`);
    await screenshot(page, 'settings-year-switch');
    await confirm.getByRole('button', { name: `开启 ${next} 年度` }).click();
    await expect(page.getByText(/已开启 \d+ 年度：计划督导/)).toBeVisible();
    await expect(page.getByRole('spinbutton', { name: '计划年度' })).toHaveValue(String(next));
    const planned = stats(next).visits.planned;
    await page.goto(`${server!.url}#/dashboard`);
    await expect(page.getByTestId('dashboard-status')).toContainText(`${next} 年度`);
    await expect(page.getByTestId('kpi-visits-year')).toHaveText(`0 / ${count(planned)}`);
    await screenshot(page, 'dashboard-after-switch');
  });
});

test('包保关系：主体变动期限列出待报告、待调整的主体，记录报告', async ({ page }) => {
  const doc = JSON.parse(await readFile(path.join(dataDir, 'data.json'), 'utf8')) as {
    entities: { id: string; name: string; status: string }[];
  };
  const entity = doc.entities.find((e) => e.status === '在营');
  if (!entity) throw new Error('no 主体 在营');
  await page.goto(`${server!.url}#/assignments`);
  // The 主体 closes, saved as the form saves it.
  const answer = await page.evaluate(
    async ([id, headers]) => {
      const post = async (method: string, body: unknown) =>
        (await fetch(`./api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) })).json() as Promise<{
          ok: boolean;
          value: { entity: Record<string, unknown> };
        }>;
      const got = await post('entities:get', { id });
      return post('entities:save', { ...got.value.entity, status: '停业' });
    },
    [entity.id, server!.apiHeaders] as const,
  );
  expect(answer.ok).toBe(true);
  await page.reload();
  const button = page.getByTestId('entity-changes-button');
  await expect(button).toContainText('主体变动期限（待办 1）');
  await expectNoPageOverflow(page);
  await screenshot(page, 'assignments-toolbar');
  await button.click();
  const table = page.getByTestId('entity-changes');
  const row = table.locator('.ant-table-row').filter({ hasText: entity.name });
  await expect(row).toContainText('停业 在营→停业');
  await expect(row).toContainText('前');
  // The drawer has slid in fully (its own animation) before the screenshot.
  await expect(page.locator('.ant-drawer-content-wrapper')).toHaveCSS('transform', 'none');
  await screenshot(page, 'entity-changes');
  await row.getByLabel(`${entity.name}的报告日期`).click();
  await page.locator('.ant-picker-cell-today').click();
  await expect(row).toContainText('已报告');
});
