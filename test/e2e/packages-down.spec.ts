import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { Profile } from '@shared/domain/schemas';
import { callFromPage, cleanedAfterEach, cli, copyLibrary, expectNoPageOverflow, screenshot, startHarness } from './harness';

/**
 * 下发包 (issue #19 item 4) at 1366×768: the city's 导出与打印 → 下发包 downloads its settings; a
 * 旗区 that changed the same 督导检查要点 previews it on 汇总上报包 → 接收下发包, chooses the city's
 * value for that one conflict and takes it in (the rest taken as the city sent it), and 操作日志
 * names it. And the header's counts follow a 上报包 taken into a library made with init.
 */

const { folder, servers } = cleanedAfterEach('baobao-e2e-down-');

async function saveProfile(page: Page, change: (profile: Profile) => Partial<Profile>): Promise<void> {
  const { importMappings: _mappings, exportTemplates: _templates, ...profile } = (await callFromPage(page, 'profile:get', {})).profile;
  await callFromPage(page, 'profile:save', { ...profile, ...change(profile as Profile) });
}

const CITY_CHECKLIST = ['市局统一：查看主体风险清单', '市局统一：检查日管控周排查月调度记录'];

test('下发包：市局导出，旗区预览、逐项选择冲突后接收，操作日志有记录', async ({ page }) => {
  test.setTimeout(240_000);
  const work = await folder();
  const downFile = path.join(work, '下发包.xlsx');

  await test.step('市局：改督导检查要点和每周上限，导出与打印 → 下发包', async () => {
    const cityDir = await folder();
    await copyLibrary('district', cityDir);
    const city = await startHarness({ dataDir: cityDir });
    servers.push(city);
    await page.goto(`${city.url}#/export`);
    await saveProfile(page, (p) => ({
      orgLevel: 'city',
      orgName: '鄂尔多斯市市场监督管理局',
      checklistByLevel: { ...p.checklistByLevel, county: CITY_CHECKLIST },
      visitRules: { ...p.visitRules, weeklyCapPerCadre: 6 },
    }));
    await callFromPage(page, 'battlemap:create', { planStart: '2027-03-01', finalDeadline: '2027-11-30' });
    await page.reload();
    const card = page.getByTestId('export-down-package');
    await card.scrollIntoViewIfNeeded();
    const download = page.waitForEvent('download', { timeout: 120_000 });
    await card.getByRole('button', { name: /导出下发包/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^下发包-鄂尔多斯市-.*\.xlsx$/);
    await file.saveAs(downFile);
    await expect(card.getByTestId('down-package-made')).toContainText('下发包-鄂尔多斯市');
    await expectNoPageOverflow(page);
    await screenshot(page, 'down-export');
  });

  const district = await startHarness({ library: 'district' });
  servers.push(district);

  await test.step('旗区：自己也改了旗区级检查要点；预览：采用上级、冲突各一行', async () => {
    await page.goto(`${district.url}#/consolidate`);
    await saveProfile(page, (p) => ({ checklistByLevel: { ...p.checklistByLevel, county: ['东胜区自定：查看食品安全总监配备'] } }));
    const card = page.getByTestId('take-down');
    await card.scrollIntoViewIfNeeded();
    await card.locator('input[type=file]').setInputFiles(downFile);
    const preview = card.getByTestId('down-preview');
    await expect(preview).toContainText('鄂尔多斯市市场监督管理局');
    await expect(preview.getByRole('row', { name: /每周督导上限/ })).toContainText('采用上级');
    await expect(preview.getByRole('row', { name: /作战图：编制方式/ })).toContainText('采用上级');
    const conflict = preview.getByRole('row', { name: /督导检查要点（旗区级干部）/ });
    await expect(conflict.getByRole('radio')).toHaveCount(2);
    await expect(card.getByText('还有 1 项双方都改过')).toBeVisible();
    await expect(card.getByRole('button', { name: '接收下发包' })).toBeDisabled();
    await expectNoPageOverflow(page);
    await screenshot(page, 'down-preview');
    await conflict.getByText('采用上级').click();
    await expect(card.getByRole('button', { name: '接收下发包' })).toBeEnabled();
  });

  await test.step('接收：冲突按所选采用上级，其余按规则，操作日志记“接收下发包”', async () => {
    const card = page.getByTestId('take-down');
    await card.getByRole('button', { name: '接收下发包' }).click();
    await expect(page.getByText(/已接收下发包：采用上级 \d+ 项，保留本地 0 项/)).toBeVisible({ timeout: 60_000 });
    const doc = await district.readDoc();
    expect(doc.profile.checklistByLevel.county).toEqual(CITY_CHECKLIST);
    expect(doc.profile.visitRules.weeklyCapPerCadre).toBe(6);
    expect(doc.battleMap?.tasks.length).toBeGreaterThan(0);
    expect(doc.downward.taken).toHaveLength(1);
    await page.goto(`${district.url}#/log`);
    // The entry's 类别 in Chinese beside its summary.
    await expect(page.getByRole('button', { name: /^接收下发包：鄂尔多斯市市场监督管理局/ })).toBeVisible();
    await expect(page.getByRole('main').getByText('接收下发包', { exact: true })).toBeVisible();
    await screenshot(page, 'down-log');
  });
});

test('汇总上报包后，页头的主体和干部数随之更新，操作日志写“汇总上报包”', async ({ page }) => {
  test.setTimeout(180_000);
  const work = await folder();
  const districtDir = await folder();
  await copyLibrary('district', districtDir);
  const packageFile = path.join(work, '东胜区上报包.xlsx');
  cli(['export', 'package', '--out', packageFile, '--data', districtDir], 120_000);
  const cityDir = await folder();
  cli(['init', '--unit', '鄂尔多斯市市场监督管理局', '--data', cityDir]);
  const city = await startHarness({ dataDir: cityDir });
  servers.push(city);
  await page.goto(`${city.url}#/consolidate`);
  const header = page.getByTestId('header-counts');
  await expect(header).toHaveText('主体 0 户 · 干部 0 名');
  const importCard = page.getByTestId('consolidate-import');
  await importCard.locator('input[type=file]').setInputFiles(packageFile);
  await expect(importCard.getByTestId('package-preview')).toContainText('东胜区');
  await importCard.getByRole('button', { name: '汇总导入' }).click();
  await expect(page.getByText(/已汇总 1 个上报包/)).toBeVisible({ timeout: 60_000 });
  const doc = await city.readDoc();
  const total = (n: number) => n.toLocaleString('zh-CN');
  await expect(header).toHaveText(`主体 ${total(doc.entities.length)} 户 · 干部 ${total(doc.cadres.length)} 名`);
  // 操作日志 names the entry in Chinese.
  await page.goto(`${city.url}#/log`);
  await expect(page.getByRole('button', { name: /^汇总上报包：东胜区/ })).toBeVisible();
  await expect(page.getByRole('main').getByText('汇总上报包', { exact: true })).toBeVisible();
});
