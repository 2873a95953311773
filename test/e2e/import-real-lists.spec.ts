import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { xlsxOf } from '../main/import-fixtures';
import { confirmImport, expectNoPageOverflow, type Harness, screenshot, startHarness } from './harness';

let harness: Harness;
test.beforeEach(async () => {
  harness = await startHarness({ library: 'district' });
});
test.afterEach(async () => {
  await harness.stop();
});

test('导入分乡镇工作表：区域取自工作表名，列出未导入的列和表中没有的字段，更新列出原值 → 新值，空白单元格默认不改动、可选清空', async ({
  page,
}) => {
  const doc = await harness.readDoc();
  const byId = new Map(doc.regions.map((r) => [r.id, r]));
  // A 主体 with a USCC and a 法定代表人, in a 村 of a 乡镇 whose name no other 乡镇 shares.
  const entity = doc.entities.find((e) => {
    const village = byId.get(e.regionId);
    const township = village?.parentId ? byId.get(village.parentId) : undefined;
    return (
      e.uscc && e.legalRep && village?.level === 'village' && township && doc.regions.filter((r) => r.name === township.name).length === 1
    );
  });
  if (!entity) throw new Error('示例数据中找不到合适的主体');
  const township = byId.get(byId.get(entity.regionId)?.parentId ?? '');
  if (!township) throw new Error('找不到乡镇');
  const grade = entity.grade === 'A' ? 'B' : 'A';
  await mkdir(test.info().outputDir, { recursive: true });
  const file = path.join(test.info().outputDir, `${township.name}主体.xlsx`);
  await writeFile(
    file,
    await xlsxOf([
      { name: '说明', rows: [['各乡镇一个工作表']] },
      {
        name: township.name,
        rows: [
          ['序号', '主体名称', '统一社会信用代码', '包保等级', '法定代表人'],
          [1, entity.name, entity.uscc, grade, ''],
          [2, '鑫源测试新店', '', 'D', '刘军'],
        ],
      },
    ]),
  );

  await page.goto(`${harness.url}#/import`);
  await page.locator('input[type=file]').setInputFiles(file);
  const notice = page.getByRole('alert').filter({ hasText: '表中没有的字段' });
  await expect(notice).toContainText(`“${township.name}”（区域取自工作表名：`);
  await expect(notice).toContainText('未读取的工作表：“说明”（没有包保主体表的表头行）');
  await expect(page.locator('.ant-table-row', { hasText: '统一社会信用代码' })).toContainText('100%');
  await expectNoPageOverflow(page);
  await screenshot(page, 'import-real-1-mapping');

  await page.getByRole('button', { name: '下一步：逐行预览' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '未导入的列' })).toContainText('第 A 列“序号”（未识别）');
  const updated = page.locator('.ant-table-row', { hasText: entity.name });
  await expect(updated).toContainText(`包保等级：${entity.grade} → ${grade}`);
  await expect(updated).not.toContainText('法定代表人');
  await expect(page.getByRole('radio', { name: '不改动已有内容' })).toBeChecked();

  await page.getByRole('radio', { name: '清空已有内容' }).check();
  await expect(page.locator('.ant-table-row', { hasText: entity.name })).toContainText(`法定代表人(负责人)：${entity.legalRep} → （空）`);
  await screenshot(page, 'import-real-2-clear');
  await page.getByRole('radio', { name: '不改动已有内容' }).check();
  await expect(page.locator('.ant-table-row', { hasText: entity.name })).not.toContainText('法定代表人');

  await confirmImport(page, 2, (confirm) => expect(confirm).toContainText('表中空白的单元格不改动已有内容'));
  await expect(page.getByText('导入完成：包保主体新增 1 条，更新 1 条')).toBeVisible();
  const after = await harness.readDoc();
  expect(after.entities.find((e) => e.id === entity.id)).toMatchObject({ grade, legalRep: entity.legalRep, regionId: entity.regionId });
  expect(after.entities.find((e) => e.name === '鑫源测试新店')).toMatchObject({ regionId: township.id, legalRep: '刘军' });
});
