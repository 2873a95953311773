import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { VIOLATION_KINDS, type ViolationKind } from '../../shared/rules/violations';
import type { DataDoc } from '../../shared/storage/types';
import { cli, copyLibrary, expectNoPageOverflow, type Harness, screenshot, startHarness } from './harness';

/**
 * The 包保关系 screen against a folder prepared by the CLI (docs/cli.md#command-line (`demo`, `check`)): the screen must
 * agree with `check --json`, auto-assignment must do what its preview said, and 干部变动 must
 * leave history in both the UI and data.json.
 */

let dataDir = '';
let server: Harness | null = null;
test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-assign-'));
});
test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

const readDoc = async (): Promise<DataDoc> => JSON.parse(await readFile(path.join(dataDir, 'data.json'), 'utf8')) as DataDoc;

const cardCount = (page: Page, kind: ViolationKind): Locator => page.getByTestId(`violation-card-${kind}`).locator('[data-role=count]');

async function statistic(dialog: Locator, testId: string): Promise<number> {
  const text = await dialog.getByTestId(testId).locator('.ant-statistic-content-value').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

/** Types into a cadre picker and picks the option showing this name and area. */
async function pickCadre(page: Page, field: Locator, name: string, regionPath: string): Promise<void> {
  await field.click();
  await field.fill(name);
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name })
    .filter({ hasText: regionPath })
    .first();
  await expect(option).toBeVisible();
  await option.click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

test('包保关系：违规数与 check 一致，自动分配按预览写入，干部变动留下历史', async ({ page }) => {
  await copyLibrary('district', dataDir);
  const check = JSON.parse(cli(['check', '--json', '--data', dataDir])) as { counts: Record<ViolationKind, number> };
  server = await startHarness({ dataDir });

  await page.goto(`${server.url}#/assignments`);
  await test.step('违规统计与 check --json 一致', async () => {
    for (const kind of VIOLATION_KINDS) await expect(cardCount(page, kind)).toHaveText(String(check.counts[kind]));
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
    await expectNoPageOverflow(page);
    await screenshot(page, 'assignments');
  });

  await test.step('从首页概览按区划打开：只列该区划的违规，数字与该区划的统计一致，可清除', async () => {
    const doc = await readDoc();
    const township = doc.regions.find((r) => r.level === 'township');
    if (!township) throw new Error('示例数据中没有乡镇');
    const stats = (await (
      await fetch(`${server?.url}api/stats:get`, {
        method: 'POST',
        headers: server?.apiHeaders,
        body: JSON.stringify({ regionId: township.id }),
      })
    ).json()) as {
      value: { coverage: { byKind: Record<ViolationKind, number> } };
    };
    await page.goto(`${server?.url}#/assignments?regionId=${township.id}`);
    // Only the hash changed: load the page again, as opening it from 首页概览 would.
    await page.reload();
    await expect(page.getByTestId('drilldown-filter')).toContainText(township.name);
    for (const kind of VIOLATION_KINDS) await expect(cardCount(page, kind)).toHaveText(String(stats.value.coverage.byKind[kind]));
    await page.getByLabel('清除筛选').click();
    for (const kind of VIOLATION_KINDS) await expect(cardCount(page, kind)).toHaveText(String(check.counts[kind]));
  });

  await test.step('点击统计卡片筛选列表', async () => {
    await page.getByTestId('violation-card-inactive-cadre').click();
    await expect(page.getByText(`共 ${check.counts['inactive-cadre']} 条`)).toBeVisible();
    await page.getByTestId('violation-card-inactive-cadre').click();
  });

  let unresolved = -1;
  await test.step('自动分配：仅未落实 → 预览 → 应用', async () => {
    await page.getByRole('button', { name: '自动分配…' }).click();
    const dialog = page.getByRole('dialog', { name: '自动分配包保干部' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('radio', { name: '仅未落实的主体' })).toBeChecked();
    await expect(dialog.getByRole('checkbox', { name: '保留人工指定的包保' })).toBeChecked();
    await expect(dialog.getByRole('button', { name: /^预\s?览$/ })).toBeVisible();
    // Enter previews (the keyboard path a clerk uses).
    await dialog.getByRole('radio', { name: '仅未落实的主体' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog.getByTestId('preview-unresolved')).toBeVisible({ timeout: 60_000 });
    const assigned = await statistic(dialog, 'preview-assign');
    unresolved = await statistic(dialog, 'preview-unresolved');
    expect(await statistic(dialog, 'preview-move')).toBe(0);
    // 仅未落实: every unassigned 主体 is either assigned or listed as impossible.
    expect(assigned + unresolved).toBe(check.counts.unassigned);
    expect(assigned).toBeGreaterThan(0);
    await expect(dialog.locator('.ant-table-row').first()).toBeVisible();
    await screenshot(page, 'assignments-auto-preview');

    await dialog.getByRole('tab', { name: /无法分配/ }).click();
    await expect(dialog.getByRole('tab', { name: `无法分配（${unresolved}）` })).toBeVisible();
    await dialog.getByRole('tab', { name: /干部负担变化/ }).click();
    await screenshot(page, 'assignments-auto-loads');

    await dialog.getByRole('button', { name: `应用（写入 ${assigned} 条）` }).click();
    const confirm = page.getByRole('dialog', { name: `写入 ${assigned} 条包保变更？` });
    await confirm.getByRole('button', { name: /^应\s?用$/ }).click();
    await expect(page.getByText(`自动分配完成：新分配 ${assigned} 个`)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(cardCount(page, 'unassigned')).toHaveText(String(unresolved));
  });

  // A cadre with current 主体, and an active successor of the same level and area; unique names
  // so the picker shows each of them once.
  const doc = await readDoc();
  const loads = new Map<string, number>();
  for (const a of doc.assignments) if (a.end === '') loads.set(a.cadreId, (loads.get(a.cadreId) ?? 0) + 1);
  const nameCount = new Map<string, number>();
  for (const c of doc.cadres) nameCount.set(c.name, (nameCount.get(c.name) ?? 0) + 1);
  const unique = (c: DataDoc['cadres'][number]) => nameCount.get(c.name) === 1;
  let leaving: DataDoc['cadres'][number] | undefined;
  let successor: DataDoc['cadres'][number] | undefined;
  for (const c of doc.cadres) {
    if (!c.active || !unique(c) || (loads.get(c.id) ?? 0) === 0 || c.level !== 'village') continue;
    successor = doc.cadres.find((s) => s.id !== c.id && s.active && unique(s) && s.level === c.level && s.regionId === c.regionId);
    if (successor) {
      leaving = c;
      break;
    }
  }
  if (!leaving || !successor) throw new Error('示例数据中找不到同层级同区域的两名干部');
  const moving = doc.assignments.filter((a) => a.end === '' && a.cadreId === leaving.id);
  // A 主体 the successor already guarantees too (多名干部) only loses the leaving cadre; it still counts as handed over.
  const alreadyWithSuccessor = new Set(doc.assignments.filter((a) => a.end === '' && a.cadreId === successor.id).map((a) => a.entityId));
  const moved = new Set(moving.map((a) => a.entityId)).size;
  const entityNames = new Map<string, number>();
  for (const e of doc.entities) entityNames.set(e.name, (entityNames.get(e.name) ?? 0) + 1);
  const entity = doc.entities.find(
    (e) => moving.some((a) => a.entityId === e.id) && !alreadyWithSuccessor.has(e.id) && entityNames.get(e.name) === 1,
  );
  if (!entity) throw new Error('找不到可核对的主体');
  const regionPath = (await page.evaluate(async (id) => {
    const response = await fetch(`./api/cadres:get`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-api-token': document.querySelector<HTMLMetaElement>('meta[name="api-token"]')?.content ?? '',
      },
      body: JSON.stringify({ id }),
    });
    return ((await response.json()) as { value: { regionPath: string } }).value.regionPath;
  }, leaving.id)) as string;

  await test.step('干部变动：移交全部主体', async () => {
    await page.getByRole('button', { name: '干部变动（移交）…' }).click();
    const dialog = page.getByRole('dialog', { name: '干部变动（移交包保主体）' });
    await expect(dialog).toBeVisible();
    await pickCadre(page, dialog.getByRole('combobox', { name: '离任干部' }), leaving.name, regionPath);
    await expect(dialog.getByText(`当前包保 ${moving.length} 户`)).toBeVisible();
    await pickCadre(page, dialog.getByRole('combobox', { name: /接任干部/ }), successor.name, regionPath);
    await expect(dialog.getByText(`接收后 ${(loads.get(successor.id) ?? 0) + moving.length} 户`)).toBeVisible();
    await expect(dialog.getByRole('checkbox', { name: '将离任干部设为不在岗' })).toBeChecked();
    await screenshot(page, 'assignments-replace-cadre');
    await dialog.getByRole('button', { name: `确认移交 ${moving.length} 个主体` }).click();
    await expect(page.getByText(`已移交 ${moved} 个主体`)).toBeVisible();
    await expect(dialog).toBeHidden();
  });

  await test.step('主体的历史包保记录列出原干部，原因“干部变动”', async () => {
    await page.getByRole('menuitem', { name: '包保主体' }).click();
    await page.getByRole('textbox', { name: '搜索主体' }).fill(entity.name);
    await page.locator('.ant-table-row', { hasText: entity.name }).first().click();
    const drawer = page.getByRole('dialog', { name: entity.name });
    await expect(drawer.getByText(`${successor.name}`).first()).toBeVisible();
    const history = drawer.locator('.ant-timeline-item', { hasText: leaving.name });
    await expect(history).toContainText('结束原因：干部变动');
  });

  const after = await readDoc();
  const ended = after.assignments.find((a) => a.id === moving[0]?.id);
  expect(ended?.end).not.toBe('');
  expect(ended?.endReason).toBe('干部变动');
  for (const a of moving) {
    expect(after.assignments.find((b) => b.id === a.id)?.endReason).toBe('干部变动');
    const now = after.assignments.filter((b) => b.entityId === a.entityId && b.end === '');
    expect(now.map((b) => b.cadreId)).toEqual([successor.id]);
    if (!alreadyWithSuccessor.has(a.entityId)) expect(now[0]?.reason).toBe('干部变动');
  }
  expect(after.cadres.find((c) => c.id === leaving.id)?.active).toBe(false);
});

test('包保关系：勾选主体批量解除（主体注销）和调整包保干部', async ({ page }) => {
  await copyLibrary('district', dataDir);
  const check = JSON.parse(cli(['check', '--json', '--data', dataDir])) as { counts: Record<ViolationKind, number> };
  expect(check.counts['closed-entity']).toBeGreaterThan(0);
  expect(check.counts['inactive-cadre']).toBeGreaterThan(0);
  const doc = await readDoc();
  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/assignments`);
  await expect(cardCount(page, 'closed-entity')).toHaveText(String(check.counts['closed-entity']));

  await test.step('已注销仍在包保：全选 → 解除包保，原因“主体注销”', async () => {
    await page.getByTestId('violation-card-closed-entity').click();
    await expect(page.getByText(`共 ${check.counts['closed-entity']} 条`)).toBeVisible();
    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    await page.getByRole('button', { name: '解除包保' }).click();
    const confirm = page.getByRole('dialog', { name: /解除 \d+ 个主体的包保关系/ });
    await confirm.getByRole('combobox', { name: '解除原因' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '主体注销' }).click();
    await confirm.getByRole('button', { name: '解除包保' }).click();
    await expect(page.getByText(/已解除 \d+ 条包保关系/)).toBeVisible();
    await expect(cardCount(page, 'closed-entity')).toHaveText('0');
    const after = await readDoc();
    const closed = new Set(after.entities.filter((e) => e.status === '注销').map((e) => e.id));
    expect(after.assignments.some((a) => a.end === '' && closed.has(a.entityId))).toBe(false);
    expect(after.assignments.some((a) => closed.has(a.entityId) && a.endReason === '主体注销')).toBe(true);
  });

  await test.step('干部不在岗：勾选一个主体 → 调整包保干部', async () => {
    await page.getByTestId('violation-card-inactive-cadre').click();
    const row = page.locator('.ant-table-row').first();
    const entityName = (await row.locator('.ant-table-cell').nth(2).innerText()).trim();
    const entity = doc.entities.find((e) => e.name === entityName);
    if (!entity) throw new Error(`找不到主体 ${entityName}`);
    // A 在岗 cadre of the level the grade needs whose area contains the 主体.
    const parents = new Map(doc.regions.map((r) => [r.id, r.parentId]));
    const chain = new Set<string>();
    for (let id: string | undefined | null = entity.regionId; id; id = parents.get(id)) chain.add(id);
    const level = doc.profile.gradeLevel[entity.grade];
    const cadre = doc.cadres.find(
      (c) => c.active && c.level === level && chain.has(c.regionId) && doc.cadres.filter((d) => d.name === c.name).length === 1,
    );
    if (!cadre) throw new Error('找不到合适的接收干部');
    const cadreArea = (await page.evaluate(async (id) => {
      const response = await fetch(`./api/cadres:get`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-api-token': document.querySelector<HTMLMetaElement>('meta[name="api-token"]')?.content ?? '',
        },
        body: JSON.stringify({ id }),
      });
      return ((await response.json()) as { value: { regionPath: string } }).value.regionPath;
    }, cadre.id)) as string;

    await row.locator('.ant-checkbox-input').check();
    await expect(page.getByText('已选 1 个主体')).toBeVisible();
    await page.getByRole('button', { name: '调整包保干部…' }).click();
    const dialog = page.getByRole('dialog', { name: '调整包保干部（1 个主体）' });
    await pickCadre(page, dialog.getByRole('combobox', { name: /新的包保干部/ }), cadre.name, cadreArea);
    await expect(dialog.getByText('接收后', { exact: false })).toBeVisible();
    await screenshot(page, 'assignments-reassign');
    const violationReads: string[] = [];
    page.on('request', (request) => {
      if (decodeURIComponent(request.url()).endsWith('/api/assign:violations')) violationReads.push(request.postData() ?? '');
    });
    await page.keyboard.press('Enter');
    await expect(page.getByText(`已将 1 个主体调整由${cadre.name}包保`)).toBeVisible();
    await expect(cardCount(page, 'inactive-cadre')).toHaveText(String(check.counts['inactive-cadre'] - 1));
    // The change reads the list again once (at city scale each read is half a CPU second).
    await page.waitForLoadState('networkidle');
    expect(violationReads).toHaveLength(1);
    const after = await readDoc();
    const current = after.assignments.filter((a) => a.entityId === entity.id && a.end === '');
    expect(current.map((a) => [a.cadreId, a.manual, a.reason])).toEqual([[cadre.id, true, '调整']]);
  });

  await test.step('Esc 关闭对话框', async () => {
    await page.getByRole('button', { name: '干部变动（移交）…' }).click();
    const dialog = page.getByRole('dialog', { name: '干部变动（移交包保主体）' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
