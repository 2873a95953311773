import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { DataDoc } from '../../shared/storage/types';
import { countText } from '../../shared/util/format';
import { xlsxOf } from '../main/import-fixtures';
import { confirmImport, expectNoPageOverflow, importOutcome, type Harness, motionEnded, screenshot, startHarness } from './harness';

let harness: Harness;
test.beforeEach(async () => {
  // The district demo (~2,500 主体) is enough here and much faster than the city.
  harness = await startHarness({ library: 'district' });
});
test.afterEach(async () => {
  await harness.stop();
});

async function shot(page: Page, name: string): Promise<void> {
  await motionEnded(page);
  await screenshot(page, name);
}

/** Clicks the option with exactly this text in the open Select dropdown. */
async function pickOption(page: Page, text: string): Promise<void> {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${text}$`) }).click();
}

/** A village of the demo with its 乡镇 and 旗区, as a clerk would write them. */
function somePlace(doc: DataDoc): { county: string; township: string; village: string } {
  const byId = new Map(doc.regions.map((r) => [r.id, r]));
  for (const village of doc.regions.filter((r) => r.level === 'village')) {
    const township = village.parentId ? byId.get(village.parentId) : undefined;
    const county = township?.parentId ? byId.get(township.parentId) : undefined;
    // A name no other 乡镇 shares, so the row matches one region.
    if (township && county && doc.regions.filter((r) => r.name === township.name).length === 1) {
      return { county: county.name, township: township.name, village: village.name };
    }
  }
  throw new Error('示例数据中找不到村级区划');
}

const NAMES = { good: '鑫源测试羊肉馆', plain: '鑫源测试便利店', badCode: '鑫源测试错码商店' };

/**
 * A messy 主体 list: merged title and note rows above the header, full-width values, a blank and
 * a 合计 row, one invalid USCC, and the name column headed “店铺名称”, which the importer does
 * not know.
 */
async function messyFile(dir: string, doc: DataDoc): Promise<string> {
  const { county, township, village } = somePlace(doc);
  const rows = [
    [`${county}食品经营主体名单（2027年）`],
    [`填报单位：${county}市场监督管理局`],
    ['序号', '店铺名称', '社会信用代码', '主体类别', '包保等级', '所属旗区', '乡镇（街道）', '村（社区）', '负责人', '手机号'],
    /* 4 */ [
      1,
      NAMES.good,
      '９１４４０３００７０８４６１１３６Ｔ',
      '小餐饮',
      'Ｄ级',
      county,
      township,
      village,
      '刘 军',
      '１３９０４７７５６７８',
    ],
    /* 5 */ [2, NAMES.plain, '', '个体工商户', 'C', county, township, village, '王芳', '13904771234'],
    /* 6 */ [3, NAMES.badCode, '91350100M000100Y44', '个体工商户', 'D', county, township, village, '', ''],
    /* 7 */ [],
    /* 8 */ ['合计', '3 户'],
  ];
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, '东胜区主体名单.xlsx');
  await writeFile(file, await xlsxOf([{ name: '主体', rows, merges: ['A1:J1', 'A2:J2'] }]));
  return file;
}

test('导入：未识别的列改对应后重新预览，看到拒绝原因，确认导入后主体在列表和数据文件中', async ({ page }) => {
  const before = await harness.readDoc();
  const file = await messyFile(test.info().outputDir, before);

  await page.goto(`${harness.url}#/import`);
  await expect(page.getByText('1. 选择要导入的内容')).toBeVisible();
  await expect(page.getByRole('radio', { name: '包保主体' })).toBeChecked();
  await expectNoPageOverflow(page);
  await shot(page, 'import-1-choose');

  await test.step('选择文件：名称列“店铺名称”未识别，预览说明问题并进入列对应', async () => {
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByText(/表中没有识别出“主体名称”列/)).toBeVisible();
    await expect(page.getByRole('button', { name: '按此对应重新预览' })).toBeEnabled();
    const row = page.locator('.ant-table-row', { hasText: '店铺名称' });
    await expect(row.getByText('未识别')).toBeVisible();
    await expect(page.locator('.ant-table-row', { hasText: '社会信用代码' }).getByText('已对应')).toBeVisible();
    await expect(page.getByRole('button', { name: '下一步：逐行预览' })).toBeDisabled();
    await expectNoPageOverflow(page);
    await shot(page, 'import-2-mapping');
    // Nothing was written by the preview.
    expect((await harness.readDoc()).entities.length).toBe(before.entities.length);
  });

  await test.step('把“店铺名称”对应为“主体名称”，按此对应重新预览', async () => {
    await page.getByLabel('“店铺名称”对应的字段').click();
    await pickOption(page, '主体名称（必填）');
    const row = page.locator('.ant-table-row', { hasText: '店铺名称' });
    await expect(row.getByText('已对应')).toBeVisible();
    await expect(row.getByText('已修改')).toBeVisible();
    await page.getByLabel('保存此列对应，下次自动使用').check();
    await shot(page, 'import-2-mapping-fixed');
    await page.getByRole('button', { name: '按此对应重新预览' }).click();
  });

  await test.step('预览：准确的计数和中文拒绝原因', async () => {
    await expect(page.getByRole('button', { name: '确认导入 2 条' })).toBeEnabled();
    const stat = (title: string) =>
      page.locator('.ant-statistic', { has: page.getByText(title, { exact: true }) }).locator('.ant-statistic-content');
    await expect(stat('新增')).toHaveText('2');
    await expect(stat('更新')).toHaveText('0');
    await expect(stat('未变')).toHaveText('0');
    await expect(stat('拒绝')).toHaveText('1');
    await expect(stat('跳过空行/合计行')).toHaveText('2');
    const rejected = page.locator('.ant-table-row', { hasText: NAMES.badCode });
    await expect(rejected.getByText('拒绝')).toBeVisible();
    await expect(rejected).toContainText('6');
    await expect(rejected).toContainText('统一社会信用代码校验位错误：末位应为“3”');
    await expect(page.locator('.ant-table-row', { hasText: NAMES.good }).getByText('新增')).toBeVisible();
    await expectNoPageOverflow(page);
    await shot(page, 'import-3-preview');

    await page.getByText(/^仅拒绝 1$/).click();
    await expect(page.locator('.ant-table-row')).toHaveCount(1);
    await page.getByText(/^全部 3$/).click();
    await expect(page.locator('.ant-table-row')).toHaveCount(3);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载未导入行（Excel）' }).click();
    const report = await download;
    expect(report.suggestedFilename()).toBe('东胜区主体名单-未导入的行.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await report.path());
    const texts = workbook.worksheets[0]?.getSheetValues().flat().map(String) ?? [];
    expect(texts).toContain(NAMES.badCode);
  });

  await test.step('确认导入：写入磁盘，成功页，跳到包保主体列表找到它', async () => {
    await confirmImport(page, 2, async (confirm) => {
      await expect(confirm).toContainText('新增 2 条');
      await expect(confirm).toContainText('拒绝的 1 行不会导入');
      await shot(page, 'import-3-confirm');
    });
    await expect(page.getByText('导入完成：包保主体新增 2 条，更新 0 条')).toBeVisible();
    await expect(page.getByText('拒绝 1 行未导入')).toBeVisible();
    await shot(page, 'import-4-done');

    const after = await harness.readDoc();
    expect(after.entities.length).toBe(before.entities.length + 2);
    const imported = after.entities.find((e) => e.name === NAMES.good);
    expect(imported).toMatchObject({
      uscc: '91440300708461136T',
      grade: 'D',
      type: '小餐饮',
      legalRep: '刘 军',
      legalRepPhone: '13904775678',
    });
    expect(after.entities.some((e) => e.name === NAMES.badCode)).toBe(false);
    // The column names chosen are saved in the same write as the records, and logged with them.
    expect(after.log.at(-1)?.action).toBe('import:commit');
    expect(after.log.at(-1)?.after).toMatchObject({ mapping: { 店铺名称: 'name' } });
    expect(after.log.some((entry) => entry.action === 'import:saveMapping')).toBe(false);
    expect(after.profile.importMappings.entities).toMatchObject({ 店铺名称: 'name' });

    await page.getByRole('button', { name: '查看包保主体' }).click();
    await expect(page).toHaveURL(/#\/entities$/);
    await page.getByRole('textbox', { name: '搜索主体' }).fill(NAMES.good);
    await expect(page.getByText('共 1 户')).toBeVisible();
    await expect(page.locator('.ant-table-row', { hasText: NAMES.good })).toBeVisible();
  });

  await test.step('操作日志：能找到这次导入，打开看到修改前后', async () => {
    await page.goto(`${harness.url}#/log`);
    await expect(page.locator('.ant-table-row', { hasText: '东胜区主体名单.xlsx' })).toBeVisible();
    await page.getByLabel('搜索操作日志').fill('导入');
    await expect(page.locator('.ant-table-row').first()).toContainText('导入');
    await expectNoPageOverflow(page);
    await shot(page, 'log-list');
  });
});

/** The city's number of 主体, all valid, in the 乡镇 and 村 of `doc`: a file whose preview takes seconds. */
async function citySizedFile(dir: string, doc: DataDoc): Promise<string> {
  const { county, township, village } = somePlace(doc);
  const rows: unknown[][] = [['主体名称', '主体类型', '包保等级', '所属旗区', '乡镇（街道）', '村（社区）', '法定代表人', '联系电话']];
  for (let i = 1; i <= CITY_ROWS; i++)
    rows.push([`鑫源测试第${i}号商店`, '个体工商户', 'D', county, township, village, '刘军', `139${String(i).padStart(8, '0')}`]);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, '全市主体名单.xlsx');
  await writeFile(file, await xlsxOf([{ name: '主体', rows }]));
  return file;
}

const CITY_ROWS = 21_893;

test('城市规模的表格：预览时先显示读取文件，再显示边读边核对到第几行；取消后回到第一步，数据不变', async ({ page }) => {
  test.setTimeout(180_000);
  const doc = await harness.readDoc();
  const file = await citySizedFile(test.info().outputDir, doc);
  await page.goto(`${harness.url}#/import`);

  await test.step('读取文件，然后逐行核对并显示进度', async () => {
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByRole('status').getByText('正在读取文件…')).toBeVisible();
    await screenshot(page, 'import-progress-reading');
    // Rows are checked as they are read; the total (and a bar) shows only once the file is read to its end.
    await expect(page.getByRole('status').getByText(/^正在读取并核对，已核对 [\d,]+ 行…$/)).toBeVisible({ timeout: 60_000 });
    await screenshot(page, 'import-progress-checking');
    await expect(page.getByText('预览：新增 21893、更新 0、未变 0、拒绝 0')).toBeVisible({ timeout: 60_000 });
  });

  await test.step('核对期间点“取消”：回到第一步，没有写入任何数据', async () => {
    await page.getByRole('button', { name: '取消，重新选择文件' }).click();
    await expect(page.getByText('1. 选择要导入的内容')).toBeVisible();
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByRole('status').getByText(/^正在读取并核对/)).toBeVisible({ timeout: 60_000 });
    await page
      .getByRole('status')
      .getByRole('button', { name: /^取 ?消$/ })
      .click();
    await expect(page.getByText('1. 选择要导入的内容')).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
    expect((await harness.readDoc()).entities.length).toBe(doc.entities.length);
  });
});

test('不能读取的文件给出一条中文说明并停在第一步；已保存的列对应下次自动使用；预览后数据变动则重新预览', async ({ page }) => {
  const doc = await harness.readDoc();
  const dir = test.info().outputDir;
  await page.goto(`${harness.url}#/import`);

  await mkdir(dir, { recursive: true });
  const fake = path.join(dir, '名单.xlsx');
  await writeFile(fake, '这不是表格');
  await page.locator('input[type=file]').setInputFiles(fake);
  await expect(page.getByText('这个文件不能导入')).toBeVisible();
  await expect(page.getByText('不是有效的 Excel 工作簿')).toBeVisible();
  await expect(page.getByText('1. 选择要导入的内容')).toBeVisible();
  await shot(page, 'import-1-refused');

  await fetch(`${harness.url}api/import:saveMapping`, {
    method: 'POST',
    headers: harness.apiHeaders,
    body: JSON.stringify({ kind: 'entities', mapping: { 店铺名称: 'name' } }),
  });
  await page.locator('input[type=file]').setInputFiles(await messyFile(dir, doc));
  await expect(page.locator('.ant-table-row', { hasText: '店铺名称' }).getByText('已对应')).toBeVisible();
  await expect(page.getByText('预览：新增 2、更新 0、未变 0、拒绝 1')).toBeVisible();
  await page.getByRole('button', { name: '下一步：逐行预览' }).click();
  await expect(page.getByRole('button', { name: '确认导入 2 条' })).toBeEnabled();

  await test.step('预览后数据被改动：提交被拒绝，自动重新预览', async () => {
    const changed = doc.entities[0];
    if (!changed) throw new Error('示例数据中没有主体');
    const saved = await fetch(`${harness.url}api/entities:save`, {
      method: 'POST',
      headers: harness.apiHeaders,
      body: JSON.stringify({ ...changed, notes: '预览期间由他人修改' }),
    });
    expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);
    await confirmImport(page, 2);
    const outcome = importOutcome(page);
    await expect(outcome).toBeVisible();
    await expect(outcome).toContainText('预览之后数据已被修改');
    await expect(page.getByRole('button', { name: '确认导入 2 条' })).toBeEnabled();
    expect((await harness.readDoc()).entities.length).toBe(doc.entities.length);
  });

  await page.getByRole('button', { name: /^取\s*消$/ }).click();
  await expect(page.getByText('1. 选择要导入的内容')).toBeVisible();
  expect((await harness.readDoc()).entities.length).toBe(doc.entities.length);
});

test('导出包保主体名单：按当前筛选和列模板下载 xlsx，表头可读回', async ({ page }) => {
  const doc = await harness.readDoc();
  const grade = 'B';
  const expected = doc.entities.filter((e) => e.grade === grade).length;

  await page.goto(`${harness.url}#/entities`);
  await expect(page.getByText(`共 ${countText(doc.entities.length)} 户`)).toBeVisible();
  await expectNoPageOverflow(page);
  // The toolbar keeps to one line at 1366×768 with the 导出 button added.
  const toolbar = await page.getByRole('button', { name: '导出' }).boundingBox();
  const search = await page.getByLabel('搜索主体').boundingBox();
  expect(Math.abs((toolbar?.y ?? 0) - (search?.y ?? 100))).toBeLessThan(12);
  await shot(page, 'entities-toolbar-export');
  await page.getByLabel('包保等级').click();
  await pickOption(page, `${grade}级`);
  await page.keyboard.press('Escape');
  await expect(page.getByText(`共 ${countText(expected)} 户`)).toBeVisible();

  await page.getByRole('button', { name: '导出' }).click();
  const dialog = page.getByRole('dialog', { name: `导出包保主体名单：当前筛选的 ${expected} 户` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('region', { name: '导出的列' })).toContainText('统一社会信用代码');

  await test.step('列模板：清空，按顺序加三列，上移一列，保存为模板', async () => {
    await dialog.getByRole('button', { name: '清空' }).click();
    for (const label of ['主体名称', '包保等级', '联系电话']) await dialog.getByRole('button', { name: `添加“${label}”` }).click();
    await dialog.getByRole('button', { name: '上移“联系电话”' }).click();
    await dialog.getByLabel('模板名称').fill('市局季度上报');
    await dialog.getByRole('button', { name: '保存为模板' }).click();
    await expect(page.getByText('已保存模板“市局季度上报”')).toBeVisible();
    await expectNoPageOverflow(page);
    await shot(page, 'export-template-editor');
    const saved = (await harness.readDoc()).profile.exportTemplates;
    expect(saved).toEqual([{ kind: 'entities', name: '市局季度上报', columns: ['name', 'legalRepPhone', 'grade'] }]);
  });

  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /导出 Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^包保主体名单-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(dialog).toBeHidden();

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('导出的工作簿没有工作表');
  const headerRow = [1, 2, 3, 4, 5].find((n) => sheet.getRow(n).getCell(1).text === '主体名称');
  expect(headerRow).toBeDefined();
  const header = sheet.getRow(headerRow ?? 0);
  expect([1, 2, 3].map((c) => header.getCell(c).text)).toEqual(['主体名称', '联系电话', '包保等级']);
  const dataRows = sheet.rowCount - (headerRow ?? 0);
  expect(dataRows).toBe(expected);
  expect(sheet.getRow((headerRow ?? 0) + 1).getCell(3).text).toBe(grade);

  await test.step('导出与打印页：五类名单', async () => {
    await page.goto(`${harness.url}#/export`);
    for (const label of ['包保主体名单', '包保干部名单', '网格监管人员名单', '行政区划名单', '包保关系名单']) {
      await expect(page.getByText(label, { exact: true })).toBeVisible();
    }
    await expectNoPageOverflow(page);
    await shot(page, 'export-page');
    await page.locator('.export-row', { hasText: '包保干部名单' }).getByRole('button', { name: '选择列并导出' }).click();
    const cadres = page.getByRole('dialog', { name: '导出包保干部名单：全部' });
    const chosen = cadres.getByRole('region', { name: '导出的列' });
    await expect(chosen).toContainText('包保主体数');
    // 包保主体数 is computed: exported but not read back by an import.
    await expect(chosen.locator('li', { hasText: '包保主体数' }).getByText('仅导出')).toBeVisible();
    await expect(chosen.locator('li', { hasText: '联系电话' }).getByText('仅导出')).toHaveCount(0);
    await cadres.getByLabel('隐藏手机号中间四位（对外报送时使用）').check();
    await shot(page, 'export-cadres-mask');
    const cadreDownload = page.waitForEvent('download');
    await cadres.getByRole('button', { name: /导出 Excel/ }).click();
    const cadreFile = await cadreDownload;
    expect(cadreFile.suggestedFilename()).toMatch(/^包保干部名单-/);

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await cadreFile.path());
    const list = book.worksheets[0];
    if (!list) throw new Error('导出的工作簿没有工作表');
    const headerAt = [1, 2, 3, 4, 5].find((n) => list.getRow(n).getCell(1).text === '姓名') ?? 0;
    const phoneColumn = (list.getRow(headerAt).values as unknown[]).findIndex((v) => v === '联系电话');
    expect(phoneColumn).toBeGreaterThan(0);
    const phones = Array.from(
      { length: list.rowCount - headerAt },
      (_, i) => list.getRow(headerAt + 1 + i).getCell(phoneColumn).text,
    ).filter((t) => t !== '');
    expect(phones.length).toBeGreaterThan(0);
    for (const phone of phones) expect(phone).not.toMatch(/1\d{10}/);
    expect(phones.some((phone) => /^1\d{2}\*{4}\d{4}$/.test(phone))).toBe(true);
  });

  await test.step('操作日志：保存模板的记录', async () => {
    await page.goto(`${harness.url}#/log`);
    const row = page.locator('.ant-table-row', { hasText: '保存包保主体导出模板“市局季度上报”' });
    await expect(row).toBeVisible();
    await page.getByLabel('搜索操作日志').fill('示例');
    await expect(page.locator('.ant-table-row')).toHaveCount(1);
  });
});

test('操作日志：修改主体后在抽屉里看到修改前后的字段', async ({ page }) => {
  const doc = await harness.readDoc();
  const entity = doc.entities.find((e) => e.address !== '') ?? doc.entities[0];
  if (!entity) throw new Error('示例数据中没有主体');
  await fetch(`${harness.url}api/entities:save`, {
    method: 'POST',
    headers: harness.apiHeaders,
    body: JSON.stringify({ ...entity, address: '鄂尔多斯大街 1 号', notes: '已核实' }),
  });
  await page.goto(`${harness.url}#/log`);
  const row = page.locator('.ant-table-row', { hasText: `修改主体“${entity.name}”` });
  await row.getByText('查看').click();
  const drawer = page.getByRole('dialog', { name: '操作详情' });
  await expect(drawer).toBeVisible();
  await expect(drawer.locator('.diff-changed')).toHaveCount(2);
  await expect(drawer.locator('.diff-changed', { hasText: '地址' })).toContainText('鄂尔多斯大街 1 号');
  await expectNoPageOverflow(page);
  await shot(page, 'log-detail');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});

test('干部详情的当前包保主体列出主体等级', async ({ page }) => {
  const doc = await harness.readDoc();
  const current = doc.assignments.filter((a) => a.end === '');
  const cadre = doc.cadres.find((c) => c.level === 'township' && current.some((a) => a.cadreId === c.id));
  const first = current.find((a) => a.cadreId === cadre?.id);
  const entity = doc.entities.find((e) => e.id === first?.entityId);
  if (!cadre || !entity) throw new Error('示例数据中找不到有包保主体的干部');

  await page.goto(`${harness.url}#/cadres`);
  await page.getByPlaceholder('姓名 / 拼音首字母 / 电话').fill(cadre.phone || cadre.name);
  await page.locator('.ant-table-row', { hasText: cadre.name }).first().click();
  const drawer = page.getByRole('dialog', { name: `${cadre.name}（乡镇级）` });
  await expect(drawer.getByRole('columnheader', { name: '等级' })).toBeVisible();
  await expect(drawer.locator('.ant-table-row', { hasText: entity.name })).toContainText(`${entity.grade}级`);
  await shot(page, 'cadre-detail-grades');
});
