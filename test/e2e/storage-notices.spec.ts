import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { smallDoc } from '../main/small-doc';
import { type Harness, startHarness } from './harness';

let server: Harness | null = null;
let dataDir = '';

test.beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'baobao-e2e-notices-'));
});

test.afterEach(async () => {
  await server?.stop();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

test('a start backup that cannot be made is a notice, and the app opens with its data', async ({ page }) => {
  await writeFile(path.join(dataDir, 'data.json'), JSON.stringify(smallDoc()));
  // A file where the backups folder should be.
  await writeFile(path.join(dataDir, 'backups'), '');
  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/entities`);
  const notice = page.locator('.ant-notification-notice').filter({ hasText: '启动时未能备份数据' });
  await expect(notice).toContainText('却是同名的文件');
  await expect(notice).toContainText('数据本身完好，可以继续使用');
  await expect(page.getByText('内蒙古食用油有限公司')).toBeVisible();
});

test('the 包保关系 screen lists an id used twice and a 包保关系 naming a missing cadre', async ({ page }) => {
  const doc = smallDoc();
  doc.entities.push({ ...doc.entities[1]!, name: '幸福便利店（复制）' });
  doc.assignments.push({ ...doc.assignments[0]!, id: 'a2', entityId: 'e2', cadreId: 'c9' });
  await writeFile(path.join(dataDir, 'data.json'), JSON.stringify(doc));
  server = await startHarness({ dataDir });
  await page.goto(`${server.url}#/assignments`);
  const alert = page.getByRole('alert').filter({ hasText: '数据不一致（编号重复或指向不存在的记录），请从备份恢复' });
  await expect(alert).toContainText('包保主体的编号重复：“e2”出现 2 次');
  await expect(alert).toContainText('包保关系指向不存在的包保干部：a2（干部“c9”）');
});
