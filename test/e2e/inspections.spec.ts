import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cli, copyLibrary, expectNoPageOverflow, type Harness, screenshot, startHarness } from './harness';

/**
 * 督查 of cadres (docs/domain.md#包保干部的规则) at 1366×768: the 督查清单 in 设置, a 督查 recorded from the cadre's
 * drawer item by item, guarded against losing it, then in the CLI's list, stats and report.
 */

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-inspections-'));
  await copyLibrary('district', dataDir);
  server = await startHarness({ dataDir });
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

test('设置分开督导检查要点和督查清单；在干部详情中记录督查，未保存先问，CLI 列出、统计并出督查情况表', async ({ page }) => {
  const doc = await server!.readDoc();
  const cadre = doc.cadres.find((c) => c.active && c.level === 'township');
  if (!cadre) throw new Error('示例数据中找不到在岗的乡镇级干部');

  await test.step('设置：督导检查要点（督导时用）与督查清单（督查组用）各在其位', async () => {
    await page.goto(`${server!.url}#/settings`);
    const checklist = page.getByTestId('checklist-card');
    await checklist.scrollIntoViewIfNeeded();
    await expect(checklist.locator('.ant-card-head-title')).toHaveText('督导检查要点');
    const items = page.getByTestId('inspection-items-card');
    await items.scrollIntoViewIfNeeded();
    await expect(items.locator('.ant-card-head-title')).toHaveText('督查清单');
    await expect(items.getByText('按本地最新通知核对')).toBeVisible();
    await expect(items.getByLabel('督查事项')).toHaveValue(doc.profile.inspectionItems.join('\n'));
    // No screen calls the visit checklist 督查清单 any more.
    await expect(page.getByText(/督查清单（检查要点）/)).toHaveCount(0);
    await expectNoPageOverflow(page);
    await screenshot(items, 'settings-inspection-items');
  });

  await test.step('干部详情：记录督查，两项未落实并写明情况', async () => {
    await page.goto(`${server!.url}#/cadres`);
    await page.getByPlaceholder('姓名 / 拼音首字母 / 电话').fill(cadre.phone || cadre.name);
    await page.locator('.ant-table-row', { hasText: cadre.name }).first().click();
    const detail = page.getByRole('dialog', { name: `${cadre.name}（乡镇级）` });
    const section = detail.getByTestId('cadre-inspections');
    await section.scrollIntoViewIfNeeded();
    await expect(section.getByText('督查记录（0 次）')).toBeVisible();
    await expect(section.getByText('尚无督查记录')).toBeVisible();
    await section.getByRole('button', { name: '记录督查' }).click();

    const form = page.getByRole('dialog', { name: `记录督查：${cadre.name}（乡镇级）` });
    await expect(form.getByRole('listitem')).toHaveCount(doc.profile.inspectionItems.length);
    await form.getByLabel('督查组级别').click();
    await page.getByTitle('市级', { exact: true }).click();
    await form.getByPlaceholder('如：市食安委第二督查组').fill('市食安委第二督查组');

    // Esc with the form half filled asks first; 继续编辑 keeps what was typed.
    await form.getByPlaceholder('如：市食安委第二督查组').press('Escape');
    const ask = page.getByRole('dialog', { name: '放弃修改？' });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: '继续编辑' }).click();
    await expect(form.getByPlaceholder('如：市食安委第二督查组')).toHaveValue('市食安委第二督查组');

    // Saving without 督查人 is refused beside the field.
    await form.getByRole('button', { name: '保存督查记录' }).click();
    await expect(form.getByText('请填写督查人')).toBeVisible();
    await form.getByPlaceholder('如：赵刚、钱丽').fill('赵刚、钱丽');

    const items = form.getByRole('listitem');
    await items.nth(1).getByText('未落实', { exact: true }).click();
    await form.getByLabel('第 2 项说明').fill('二季度督导记录未交回');
    await items.nth(3).getByText('未落实', { exact: true }).click();
    await form.getByLabel('第 4 项说明').fill('两户问题未整改销号');
    // The 总体评价 follows the items until the clerk picks one.
    await expect(form.getByRole('radio', { name: '基本合格' })).toBeChecked();
    await expectNoPageOverflow(page);
    await screenshot(page, 'record-inspection');

    await form.getByRole('button', { name: '保存督查记录' }).click();
    await expect(page.getByText('已记录督查：未落实 2 项，总体评价 基本合格')).toBeVisible();
    await expect(form).toBeHidden();
    await expect(section.getByText('督查记录（1 次）')).toBeVisible();
    const row = section.locator('.ant-table-row').first();
    await expect(row).toContainText('市级 市食安委第二督查组');
    await expect(row).toContainText('2 项');
    await expect(row).toContainText('基本合格');
    await row.locator('.ant-table-row-expand-icon').click();
    await expect(section.getByText('（二季度督导记录未交回）')).toBeVisible();
    await expectNoPageOverflow(page);
    await screenshot(page, 'cadre-inspections');
  });

  await test.step('CLI：inspect list、stats --json 与督查情况表', async () => {
    const saved = (await server!.readDoc()).inspections;
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      cadreId: cadre.id,
      inspectorLevel: 'city',
      team: '市食安委第二督查组',
      inspectors: '赵刚、钱丽',
      result: '基本合格',
    });
    expect(saved[0]?.items.filter((i) => i.result === '未落实').map((i) => i.note)).toEqual(['二季度督导记录未交回', '两户问题未整改销号']);

    const listed = JSON.parse(cli(['inspect', 'list', '--cadre', cadre.id, '--json', '--data', dataDir])) as {
      unmet: number;
      cadreName: string;
    }[];
    expect(listed).toEqual([expect.objectContaining({ unmet: 2, cadreName: cadre.name })]);
    const year = Number(saved[0]?.date.slice(0, 4));
    const stats = JSON.parse(cli(['stats', '--year', String(year), '--json', '--data', dataDir])) as {
      inspections: { records: number; cadresChecked: number; unmetItems: number; byLevel: { township: { unmetItems: number } } };
    };
    expect(stats.inspections).toMatchObject({ records: 1, cadresChecked: 1, unmetItems: 2, byLevel: { township: { unmetItems: 2 } } });
    const out = path.join(dataDir, '督查情况表.xlsx');
    expect(cli(['export', 'report', 'inspections', '--year', String(year), '--out', out, '--data', dataDir])).toContain('已导出报表');
  });
});
