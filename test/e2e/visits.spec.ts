import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { DataDoc } from '../../shared/storage/types';
import {
  callFromPage as call,
  cli,
  copyLibrary,
  expectNoPageOverflow,
  type Harness,
  readLibraryOf,
  screenshot,
  startHarness,
} from './harness';

/**
 * 督导 and 设置 against a folder prepared by the CLI (docs/domain.md#督导的规则, docs/domain.md#设置的规则, docs/cli.md#command-line): the plan the screen
 * generates must agree with `stats --json`, a recorded visit and its problem must show up in the
 * figures and the 问题整改台账 and leave it when rectified; 设置 must refuse a bad value beside
 * the field and save a good one.
 */

interface StatsJson {
  readonly visits: { readonly planned: number; readonly done: number };
  readonly problems: {
    readonly open: number;
    readonly closed: number;
    readonly openAllYears: number;
    readonly byStage: Record<string, number>;
  };
}

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-visits-'));
  await copyLibrary('district', dataDir);
  server = await startHarness({ dataDir });
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

const readDoc = (): Promise<DataDoc> => readLibraryOf(dataDir);
const stats = (): StatsJson => JSON.parse(cli(['stats', '--json', '--data', dataDir])) as StatsJson;

const kpi = (page: Page, name: string): Locator => page.getByTestId(`kpi-${name}`).locator('[data-role=value]');

test('督导：生成计划与 stats 一致，登记督导和问题，整改后闭环', async ({ page }) => {
  const planYear = (await readDoc()).profile.planYear;
  // The year's list is asked for with the plan year app:info brought at start, not after 设置 (profile:get) is read:
  // 设置's answer is held back until the list has been asked for, which a list waiting for it never would be.
  const listAsked = page.waitForRequest((request) => decodeURIComponent(request.url()).endsWith('/api/visits:query'), { timeout: 30_000 });
  await page.route(/\/api\/profile(%3A|:)get$/, async (route) => {
    await listAsked.catch(() => undefined);
    await route.continue();
  });
  await page.goto(`${server!.url}#/visits`);
  await listAsked;
  await page.unrouteAll({ behavior: 'wait' });
  await expect(page.getByRole('combobox', { name: '年度' })).toBeVisible();
  await expect(page.getByText(`${planYear} 年（计划年度）`)).toBeVisible();
  await expect(kpi(page, 'planned')).toHaveText('0');

  await test.step('生成督导计划（已完成的保留），计划数与 stats --json 一致', async () => {
    await page.getByRole('button', { name: '生成督导计划…' }).click();
    const confirm = page.locator('.ant-modal-confirm').filter({ hasText: `生成 ${planYear} 年督导计划？` });
    await expect(confirm).toContainText('已完成的督导记录全部保留');
    await confirm.getByRole('button', { name: '生成计划' }).click();
    const result = page.getByTestId('plan-result');
    await expect(result).toContainText('新安排督导');
    await page.getByRole('button', { name: '知道了' }).click();

    const planned = stats().visits.planned;
    expect(planned).toBeGreaterThan(0);
    await expect(result).toHaveCount(0);
    await expect(kpi(page, 'planned')).toHaveText(planned.toLocaleString('zh-CN'));
    await expect(result).toHaveCount(0);
    await expect(page.getByTestId('visit-count')).toHaveText(`共 ${planned.toLocaleString('zh-CN')} 次`);
    await expect(kpi(page, 'done')).toHaveText('0');
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await expectNoPageOverflow(page);
    await screenshot(page, 'visits');
  });

  await test.step('按周查看：点一天只列出当天的督导', async () => {
    await page.getByText('按周查看', { exact: true }).click();
    const week = page.getByTestId('visit-week-view');
    await expect(week).toBeVisible();
    await expect(page.locator('.ant-segmented-item-selected')).toHaveText('按周查看');
    const day = week.locator('button[title*="计划"]').first();
    await expect(day).toBeVisible();
    await expectNoPageOverflow(page);
    await screenshot(page, 'visits-weeks');
    const date = (await day.getAttribute('title'))!.slice(0, 10);
    await day.click();
    await expect(page.getByText(`计划日期 ${date}`)).toBeVisible();
    const rows = page.locator('.ant-table-row');
    await expect(rows.first()).toContainText(date);
    await page.getByText(`计划日期 ${date}`).locator('.ant-tag-close-icon').click();
  });

  const entityName = await page.locator('.ant-table-row').first().locator('.row-link').innerText();
  await test.step('记录督导：一项不符合，一个问题', async () => {
    await page.locator('.ant-table-row').first().locator('.row-link').click();
    const drawer = page.getByRole('dialog', { name: `记录督导：${entityName}` });
    await expect(drawer).toBeVisible();
    // The 督导检查要点 are the ones 设置 holds for the visiting cadre's level (the handbook prints the same).
    const doc0 = await readDoc();
    const entityId = doc0.entities.find((e) => e.name === entityName)?.id;
    const cadreId = doc0.visits.find((v) => v.entityId === entityId)?.cadreId;
    const level = doc0.cadres.find((c) => c.id === cadreId)?.level;
    if (!level) throw new Error(`找不到“${entityName}”的包保干部`);
    await expect(drawer.getByRole('listitem')).toHaveCount(doc0.profile.checklistByLevel[level].length);
    const peopleItem = drawer.getByRole('listitem').filter({ hasText: '三类人' });
    await peopleItem.getByText('不符合', { exact: true }).click();
    // 不符合 offers a problem to track; the clerk says what was wrong.
    const description = drawer.getByLabel('问题 1 描述');
    await expect(description).toHaveValue('三类人不符合要求');
    await expect(drawer.getByLabel('问题 2 描述')).toHaveCount(0);
    await description.fill('食品安全员未到岗');
    await expect(drawer).toBeVisible();
    await screenshot(page, 'visits-record');
    const listReads: string[] = [];
    page.on('request', (request) => {
      if (decodeURIComponent(request.url()).endsWith('/api/visits:query')) listReads.push(request.postData() ?? '');
    });
    await description.press('Enter');
    await expect(drawer).toBeHidden();

    await expect(kpi(page, 'done')).toHaveText('1');
    await expect(kpi(page, 'open')).toHaveText('1');
    // The record reads the list shown again once, not twice.
    await page.waitForLoadState('networkidle');
    expect(listReads).toHaveLength(1);
    const doc = await readDoc();
    const visit = doc.visits.find((v) => v.doneDate !== undefined)!;
    expect(visit.checklist.filter((c) => c.result === '不符合').map((c) => c.item)).toEqual([
      '三类人：主要负责人、食品安全总监、食品安全员在岗履职',
    ]);
    expect(visit.problems.map((p) => p.description)).toEqual(['食品安全员未到岗']);
    expect(stats().visits.done).toBe(1);
  });

  await test.step('已完成的督导：筛选“已完成”，打开后显示登记情况，Esc 关闭', async () => {
    await page.getByTestId('visit-filter-status').click();
    await page.locator('.ant-select-dropdown:visible').getByText('状态：已完成', { exact: true }).click();
    await expect(page.getByTestId('visit-count')).toHaveText('符合条件 1 次');
    // The chosen status shows whole at 1366×768, not cut to 「状态：已…」.
    const chosen = page.getByTestId('visit-filter-status').getByText('状态：已完成', { exact: true });
    expect(await chosen.evaluate((shown) => shown.scrollWidth <= shown.clientWidth)).toBe(true);
    const row = page.locator('.ant-table-row');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('1（未整改 1）');
    await row.locator('.row-link').click();
    const drawer = page.getByRole('dialog', { name: `督导记录：${entityName}` });
    await expect(drawer).toContainText('完成督导（现场）');
    await expect(drawer).toContainText('食品安全员未到岗');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('问题整改台账列出问题，登记整改后待复核，stats 记为已整改', async () => {
    await page.getByRole('tab', { name: /问题整改台账/ }).click();
    const ledger = page.getByTestId('problem-ledger');
    const row = ledger.locator('.ant-table-row').filter({ hasText: '食品安全员未到岗' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(entityName);
    await expectNoPageOverflow(page);
    await screenshot(page, 'visits-problems');

    await row.getByRole('button', { name: /^登记整改：/ }).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '整改完成日期' });
    await expect(modal).toContainText('食品安全员未到岗');
    await expect(modal.getByRole('button', { name: '登记整改' })).toBeFocused();
    await screenshot(page, 'visits-rectify');
    await page.keyboard.press('Enter');
    await expect(modal).toBeHidden();
    await expect(page.locator('.ant-message')).toContainText(`${entityName}：问题已登记整改`);
    // Still in the 台账 until 复核 and 销号 (the 闭环), no longer among the unrectified.
    await expect(row).toContainText('待复核');
    await expect(kpi(page, 'open')).toHaveText('0');
    const after = stats();
    expect(after.problems).toEqual({
      open: 0,
      closed: 1,
      openAllYears: 0,
      byStage: { toAssign: 0, toRectify: 0, toReview: 1, toClose: 0 },
    });
  });

  await test.step('首页概览的未整改问题与台账一致：往年发现、尚未整改的也算', async () => {
    await call(page, 'visits:plan', { year: planYear - 1 });
    const [old] = await call(page, 'visits:list', { year: planYear - 1, cadreId: '', entityId: '' });
    if (!old) throw new Error(`${planYear - 1} 年没有督导计划`);
    await call(page, 'visits:record', {
      id: old.id,
      doneDate: old.plannedDate,
      checklist: [],
      problems: [{ description: '往年问题未整改', deadline: old.plannedDate }],
      notes: '',
    });
    expect(stats().problems).toEqual({
      open: 0,
      closed: 1,
      openAllYears: 1,
      byStage: { toAssign: 1, toRectify: 0, toReview: 1, toClose: 0 },
    });

    await page.goto(`${server!.url}#/dashboard`);
    await expect(page.getByTestId('kpi-problems-open')).toHaveText('1');
    await expect(page.getByTestId('kpi-problems-closed')).toHaveText('1');
    await expect(page.getByTestId('kpi-problems-unclosed')).toHaveText('1');
    await expect(page.getByRole('group', { name: '主要指标' }).locator('[title*="问题整改台账"]')).toHaveAttribute(
      'title',
      new RegExp(`已整改为${planYear}年度的数`),
    );
    await screenshot(page, 'dashboard-problems');
    await page.getByRole('button', { name: '查看整改台账' }).click();
    await expect(page).toHaveURL(/#\/visits\?tab=problems/);
    // The 台账 lists every problem not yet 销号: last year's, awaiting 交办, and this year's, awaiting 复核.
    const ledger = page.getByTestId('problem-ledger');
    await expect(ledger.locator('.ant-table-row')).toHaveCount(2);
    await expect(ledger.locator('.ant-table-row').filter({ hasText: '往年问题未整改' })).toContainText('待交办');
    await expect(ledger.locator('.ant-table-row').filter({ hasText: '食品安全员未到岗' })).toContainText('待复核');
  });
});

test('设置：错误值在字段旁提示且不保存，正确值保存后页头显示新单位名称', async ({ page }) => {
  const before = await readDoc();
  await page.goto(`${server!.url}#/settings`);
  const cap = page.getByLabel('每周督导上限');
  await expect(cap).toHaveValue(String(before.profile.visitRules.weeklyCapPerCadre));
  await expectNoPageOverflow(page);
  await screenshot(page, 'settings');

  await test.step('每周督导上限填 0：字段旁显示中文提示，什么也不保存', async () => {
    await cap.fill('0');
    await cap.press('Enter');
    const error = page.locator('.ant-form-item').filter({ has: cap }).locator('.ant-form-item-explain-error');
    await expect(error).toHaveText('每周督导上限至少为 1 次');
    const doc = await readDoc();
    expect(doc.profile.visitRules.weeklyCapPerCadre).toBe(before.profile.visitRules.weeklyCapPerCadre);
    await screenshot(page, 'settings-error');
  });

  await test.step('改为正确值并修改单位名称：保存，页头显示新名称', async () => {
    await cap.fill('6');
    const orgName = page.getByLabel('单位名称');
    await orgName.fill('测试旗市场监督管理局');
    await orgName.press('Enter');
    await expect(page.getByText('设置已保存')).toBeVisible();
    await expect(page.locator('.ant-layout-header')).toContainText('测试旗市场监督管理局');
    const doc = await readDoc();
    expect(doc.profile.orgName).toBe('测试旗市场监督管理局');
    expect(doc.profile.visitRules).toEqual({ ...before.profile.visitRules, weeklyCapPerCadre: 6 });
    // Everything else is as it was, including what the importer and exporter keep in the profile.
    expect({ ...doc.profile, orgName: '', visitRules: null }).toEqual({ ...before.profile, orgName: '', visitRules: null });
    await page.getByRole('menuitem', { name: /包保主体/ }).click();
    await page.getByRole('menuitem', { name: /设置/ }).click();
    await expect(page.getByLabel('单位名称')).toHaveValue('测试旗市场监督管理局');
    await expect(page.locator('.ant-layout-header')).toContainText('测试旗市场监督管理局');
  });

  await test.step('督导频次标明“按本地最新通知核对”；兜底规则、节前督导和须现场督导的等级可改', async () => {
    const card = page.getByTestId('visit-rules');
    await expect(card.getByText('按本地最新通知核对')).toBeVisible();
    await page.getByRole('checkbox', { name: /由包保区域包含该主体的上一级干部包保/ }).uncheck();
    await card.locator('.ant-select').click();
    await page.locator('.ant-select-item-option', { hasText: '春节' }).click();
    await page.keyboard.press('Escape');
    await card.locator('.ant-form-item').filter({ hasText: '须现场督导的高风险等级' }).getByRole('checkbox', { name: 'B级' }).uncheck();
    await page.getByLabel('单位名称').press('Enter');
    await expect(page.getByText('设置已保存')).toBeVisible();
    const doc = await readDoc();
    expect(doc.profile.assignFallbacks).toEqual({ villageInTownship: true, levelAbove: false });
    expect(doc.profile.visitRules).toMatchObject({
      onSiteGrades: ['A'],
      holidayExtras: { holidays: ['春节'], grades: ['A', 'B'], workingDaysBefore: 10 },
    });
  });

  await test.step('本单位休息日：添加后立即保存，可移除', async () => {
    const card = page.getByTestId('calendar-card');
    const picker = card.getByLabel('添加本单位休息日');
    await picker.click();
    await picker.fill('2026-12-28');
    await picker.press('Enter');
    await expect(card.getByTestId('calendar-extraHolidays')).toContainText('2026-12-28');
    await expect.poll(async () => (await readDoc()).calendar.extraHolidays).toEqual(['2026-12-28']);
    await card.getByTestId('calendar-extraHolidays').locator('.ant-tag-close-icon').click();
    await expect.poll(async () => (await readDoc()).calendar.extraHolidays).toEqual([]);
  });

  await test.step('计划年度改为官方放假安排尚未内置的年份：页头更新，提示录入调休', async () => {
    const year = page.getByLabel('计划年度');
    await year.fill('2027');
    await year.press('Enter');
    await expect(page.locator('.ant-layout-header')).toContainText('2027 年度');
    await expect(page.getByTestId('calendar-card').locator('.ant-alert-warning')).toContainText('2027');
    expect((await readDoc()).profile.planYear).toBe(2027);
    await expectNoPageOverflow(page);
    await screenshot(page, 'settings-calendar');
  });
});
