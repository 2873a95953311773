import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import dayjs from 'dayjs';
import ExcelJS from 'exceljs';
import type { WorkCalendar } from '../../shared/calendar/calendar';
import type { DataDoc } from '../../shared/storage/types';
import { binFile, copyLibrary, expectNoPageOverflow, type Harness, screenshot, startHarness } from './harness';

/**
 * 作战图 (docs/domain.md#作战图与周调度的规则) on a folder the CLI filled: new from the template with 倒排工期, the Gantt
 * ends on the deadline and follows a new one, a 周调度 completes a task, and the A3 export opens
 * in exceljs.
 */

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-battlemap-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The last working day on or before each date, by the app's own calendar. Its bundle from
 * global-setup.ts: the calendar's holiday data is JSON that Playwright's module loader cannot import.
 */
async function workingDaysOnOrBefore(calendar: DataDoc['calendar'], dates: readonly string[]): Promise<string[]> {
  const bundle = (await import(pathToFileURL(binFile('calendar.mjs')).href)) as { WorkCalendar: typeof WorkCalendar };
  const workCalendar = new bundle.WorkCalendar(calendar);
  return dates.map((date) => workCalendar.workingDayOnOrBefore(date));
}

const readDoc = async (): Promise<DataDoc> => JSON.parse(await readFile(path.join(dataDir, 'data.json'), 'utf8')) as DataDoc;

/** Types a date into an antd DatePicker and leaves the field, which commits a valid date. */
async function typeDate(field: Locator, date: string): Promise<void> {
  await field.click();
  await field.fill(date);
  await field.press('Tab');
  await expect(field).toHaveValue(date);
  await expect(field.page().locator('.ant-picker-dropdown:visible')).toHaveCount(0);
}

const row = (page: Page, seq: number): Locator => page.locator(`[data-testid=gantt-row][data-seq="${seq}"]`);
const cell = (page: Page, seq: number, col: string): Locator => row(page, seq).locator(`[data-col=${col}]`);

test('作战图：从模板新建并倒排工期，改截止日期重排，周调度完成任务，导出 A3', async ({ page }) => {
  await copyLibrary('district', dataDir);
  server = await startHarness({ dataDir });

  const planStart = dayjs().add(2, 'day').format('YYYY-MM-DD');
  const deadline = dayjs(planStart).add(8, 'month').format('YYYY-MM-DD');
  const laterDeadline = dayjs(deadline).add(2, 'month').format('YYYY-MM-DD');
  const [deadlineFinish, laterFinish] = await workingDaysOnOrBefore((await readDoc()).calendar, [deadline, laterDeadline]);

  await page.goto(`${server.url}#/battle-map`);
  await test.step('还没有作战图：说明和新建表单', async () => {
    await expect(page.getByText('还没有作战图')).toBeVisible();
    await expect(page.getByText(/倒排工期即从总截止日期/)).toBeVisible();
    await typeDate(page.getByRole('textbox', { name: /总截止日期$/ }), deadline);
    await typeDate(page.getByRole('textbox', { name: /计划开始日期$/ }), planStart);
    await expect(page.getByRole('radio', { name: /倒排工期/ })).toBeChecked();
    await expectNoPageOverflow(page);
    await screenshot(page, 'battlemap-empty');
    await page.getByRole('button', { name: '从模板新建作战图' }).click();
  });

  let lastCritical = 0;
  let firstFinish = '';
  await test.step('甘特图：12 项任务，最后的关键任务在总截止日期完成', async () => {
    await expect(page.getByTestId('gantt-row')).toHaveCount(12);
    await expect(page.getByTestId('gantt-bar')).toHaveCount(12);
    await expect(page.getByTestId('battlemap-plan')).toContainText(`计划 ${planStart} 至 ${deadline}`);
    const critical = page.locator('[data-testid=gantt-row]:has([data-testid=gantt-bar][data-critical=true])');
    expect(await critical.count()).toBeGreaterThan(0);
    lastCritical = Number(await critical.last().getAttribute('data-seq'));
    expect(lastCritical).toBe(12);
    firstFinish = await cell(page, lastCritical, 'finish').innerText();
    expect(firstFinish).toBe(deadlineFinish);
    await expect(page.getByTestId('gantt-dispatch').first()).toBeAttached();
    await expect(page.getByTestId('battlemap-problems')).toHaveCount(0);
    await expectNoPageOverflow(page);
    await screenshot(page, 'battlemap-gantt');
  });

  await test.step('任务抽屉：点击横道打开，Esc 关闭', async () => {
    await row(page, 5).getByTestId('gantt-bar').click();
    const drawer = page.getByRole('dialog', { name: /编辑任务：5\. 确定包保关系并公示/ });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByLabel('工作任务')).toHaveValue('确定包保关系并公示');
    await expect(drawer.getByText('开展风险分级')).toBeVisible();
    // The drawer has finished sliding in when its footer is wholly on screen.
    await expect(drawer.getByRole('button', { name: /^保\s?存$/ })).toBeInViewport({ ratio: 1 });
    // Two-character buttons read as words (antd spaces them out by default: 「保 存」).
    await expect(drawer.getByRole('button', { name: /^(取\s?消|保\s?存)$/ })).toHaveText(['取消', '保存']);
    await expectNoPageOverflow(page);
    await screenshot(page, 'battlemap-task-drawer');
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
  });

  await test.step('任务抽屉：改工期后回车保存，重新排期', async () => {
    const beforeStart = await cell(page, 7, 'start').innerText();
    await row(page, 7).locator('[data-col=name] button').click();
    const drawer = page.getByRole('dialog', { name: /编辑任务：7\./ });
    const duration = drawer.getByLabel('工期（工作日）');
    await duration.fill('10');
    await duration.press('Enter');
    await expect(drawer).toBeHidden();
    await expect(cell(page, 7, 'duration')).toHaveText('10 天');
    // 倒排: a longer task on the critical path starts earlier.
    await expect(cell(page, 7, 'start')).not.toHaveText(beforeStart);
    const doc = await readDoc();
    expect(doc.battleMap?.tasks.find((t) => t.seq === 7)?.durationDays).toBe(10);
  });

  await test.step('新增任务（回车保存）后删除（二次确认）', async () => {
    await page.getByRole('button', { name: '新增任务' }).click();
    const drawer = page.getByRole('dialog', { name: '新增任务' });
    await expect(drawer.getByLabel('序号')).toHaveValue('13');
    const name = drawer.getByLabel('工作任务');
    await expect(name).toBeFocused();
    await name.fill('节前专项检查');
    await name.press('Enter');
    await expect(drawer).toBeHidden();
    await expect(page.getByTestId('gantt-row')).toHaveCount(13);
    await expect(cell(page, 13, 'name')).toHaveText('节前专项检查');

    await cell(page, 13, 'name').locator('button').click();
    const editor = page.getByRole('dialog', { name: /编辑任务：13\. 节前专项检查/ });
    await editor.getByRole('button', { name: /删\s?除/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s?除/ })
      .click();
    await expect(editor).toBeHidden();
    await expect(page.getByTestId('gantt-row')).toHaveCount(12);
  });

  await test.step('排期设置：总截止日期推后两个月，完成日期随之移动', async () => {
    await page.getByRole('button', { name: '排期设置…' }).click();
    const dialog = page.getByRole('dialog', { name: '排期设置' });
    await typeDate(dialog.getByRole('textbox', { name: /总截止日期$/ }), laterDeadline);
    await screenshot(page, 'battlemap-settings');
    await dialog.getByRole('button', { name: '保存并重新排期' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('.ant-message')).toContainText('已保存，工期已重新计算');
    await expect(page.getByTestId('battlemap-plan')).toContainText(`计划 ${planStart} 至 ${laterDeadline}`);
    await expect(cell(page, lastCritical, 'finish')).toHaveText(laterFinish ?? '');
    expect(await cell(page, lastCritical, 'finish').innerText()).not.toBe(firstFinish);
    expect((await readDoc()).battleMap?.finalDeadline).toBe(laterDeadline);
  });

  await test.step('记录周调度：任务 1 进度 100% → 已完成', async () => {
    await expect(cell(page, 1, 'status')).toHaveText('未开始');
    await page.getByRole('button', { name: '记录周调度…' }).click();
    const dialog = page.getByRole('dialog', { name: '记录周调度' });
    await expect(dialog).toBeVisible();
    const date = await dialog.getByLabel('调度日期').inputValue();
    expect(date >= planStart).toBe(true);
    const progress = dialog.getByRole('spinbutton', { name: /^1\. .*本次进度$/ });
    await progress.fill('100');
    await dialog.getByRole('textbox', { name: /^1\. .*调度情况$/ }).fill('实施方案已印发');
    await expectNoPageOverflow(page);
    await screenshot(page, 'battlemap-dispatch');
    await progress.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(cell(page, 1, 'status')).toHaveText('已完成');
    await expect(cell(page, 1, 'progress')).toHaveText('100%');
    const doc = await readDoc();
    const record = doc.battleMap?.dispatches.find((d) => d.date === date);
    expect(record?.entries.find((e) => e.taskId === doc.battleMap?.tasks.find((t) => t.seq === 1)?.id)).toMatchObject({
      progress: 100,
      note: '实施方案已印发',
    });
    await screenshot(page, 'battlemap-after-dispatch');
  });

  await test.step('导出作战图：A3 横向的作战图和周调度进展表', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出作战图（Excel）' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await file.path());
    // A sheet per quarter of the plan (年第一季度 …), then the 进展表.
    const charts = workbook.worksheets.filter((s) => /^作战图\d{4}年第.季度$/.test(s.name));
    expect(charts.length).toBeGreaterThan(0);
    expect(workbook.worksheets.map((s) => s.name)).toContain('周调度进展表');
    for (const chart of charts) {
      expect(chart.pageSetup.paperSize).toBe(8); // A3
      expect(chart.pageSetup.orientation).toBe('landscape');
      const texts = chart.getSheetValues().flat().map(String);
      expect(texts.some((t) => t.includes('总结评估，上报工作情况'))).toBe(true);
    }
    expect(workbook.getWorksheet('周调度进展表')?.pageSetup.orientation).toBe('landscape');
  });

  await test.step('截止日期过紧：错误提示点名任务，相应行标红', async () => {
    const tooSoon = dayjs(planStart).add(1, 'month').format('YYYY-MM-DD');
    await page.getByRole('button', { name: '排期设置…' }).click();
    const dialog = page.getByRole('dialog', { name: '排期设置' });
    await typeDate(dialog.getByRole('textbox', { name: /总截止日期$/ }), tooSoon);
    await dialog.getByRole('button', { name: '保存并重新排期' }).click();
    await expect(dialog).toBeHidden();
    const alert = page.getByTestId('battlemap-problems');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('任务“全面摸底，建立包保主体台账”');
    await expect(alert).toContainText('早于计划开始日期');
    await expect(row(page, 2)).toHaveClass(/bm-row-problem/);
    await expectNoPageOverflow(page);
    await screenshot(page, 'battlemap-problems');
  });
});
