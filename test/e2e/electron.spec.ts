import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { DesktopApi } from '../../shared/api/desktop';
import type { DataDoc } from '../../shared/storage/types';
import { xlsxOf } from '../main/import-fixtures';
import { cli, confirmImport, importOutcome, screenshot, startHarness, type Harness } from './harness';

// The Electron binary is fetched by the electron package on first use; machines without network
// (like the build machine) have none. Detect it without requiring 'electron', which would try
// to download it.
const root = path.resolve(import.meta.dirname, '../..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : '';
const builtMain = path.join(root, 'out', 'main', 'index.cjs');
const skipReason =
  !binary || !existsSync(binary)
    ? 'Electron 运行程序未安装（本机无法下载），Electron 端到端测试跳过；同样的流程已由网页调试模式的浏览器测试覆盖'
    : !existsSync(builtMain)
      ? '尚未构建 Electron 应用（npm run build），Electron 端到端测试跳过'
      : '';

// Said once, by the runner process that collects the tests (workers have TEST_WORKER_INDEX set).
if (skipReason && process.env['TEST_WORKER_INDEX'] === undefined) console.log(`跳过 skipped: ${skipReason}`);

/** The built app on its own data and user-data folders (logs, window placement), removed afterwards. */
interface Launched {
  readonly app: ElectronApplication;
  readonly page: Page;
  readonly dataDir: string;
  readonly userData: string;
  readonly files: string;
}

const made: string[] = [];
const tempDir = async (name: string): Promise<string> => {
  const dir = await mkdtemp(path.join(os.tmpdir(), `baobao-electron-${name}-`));
  made.push(dir);
  return dir;
};

async function launch(dataDir: string): Promise<Launched> {
  const userData = await tempDir('user');
  const app = await electron.launch({ executablePath: binary, args: [root, '--data', dataDir, '--user-data', userData] });
  const page = await app.firstWindow();
  return { app, page, dataDir, userData, files: await tempDir('files') };
}

/**
 * Plays the user in the next native dialogs: the save dialog answers `save`, the open dialog
 * `open` (Playwright cannot click native dialogs, so main's dialog functions are replaced).
 */
async function answerDialogs(app: ElectronApplication, answers: { readonly save?: string; readonly open?: string }): Promise<void> {
  await app.evaluate(({ dialog }, { save, open }) => {
    if (save) dialog.showSaveDialog = async () => ({ canceled: false, filePath: save });
    if (open) dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [open] });
  }, answers);
}

/** Clicks 「top → label」 in the application menu, as the user would. */
async function clickMenu(app: ElectronApplication, top: string, label: string): Promise<void> {
  await app.evaluate(
    ({ Menu }, [topLabel, itemLabel]) => {
      const item = Menu.getApplicationMenu()
        ?.items.find((entry) => entry.label === topLabel)
        ?.submenu?.items.find((entry) => entry.label === itemLabel);
      if (!item) throw new Error(`菜单中没有“${topLabel} → ${itemLabel}”`);
      item.click();
    },
    [top, label] as const,
  );
}

const NEW_ENTITY = '桌面端测试便利店';

/** A one-row 主体 list placed in a village of the library, as a clerk would send it. */
async function oneEntityWorkbook(doc: DataDoc): Promise<Buffer> {
  const byId = new Map(doc.regions.map((region) => [region.id, region]));
  const village = doc.regions.find((region) => region.level === 'village' && byId.get(region.parentId ?? '')?.parentId);
  const township = byId.get(village?.parentId ?? '');
  const county = byId.get(township?.parentId ?? '');
  return xlsxOf([
    {
      name: '主体',
      rows: [
        ['主体名称', '统一社会信用代码', '主体类别', '包保等级', '所属旗区', '乡镇（街道）', '村（社区）', '负责人', '手机号'],
        [NEW_ENTITY, '', '个体工商户', 'C', county?.name, township?.name, village?.name, '王芳', '13904771234'],
      ],
    },
  ]);
}

/** From the column step of a previewed one-row file to 导入完成. */
async function commitImport(page: Page): Promise<void> {
  await page.getByRole('button', { name: '下一步：逐行预览' }).click();
  await confirmImport(page, 1);
  const outcome = importOutcome(page);
  await expect(outcome).toBeVisible();
  await expect(outcome).toHaveText('导入完成：包保主体新增 1 条，更新 0 条');
}

const fileAppears = (file: string) => expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
const readDoc = async (dataDir: string): Promise<DataDoc> => JSON.parse(await readFile(path.join(dataDir, 'data.json'), 'utf8')) as DataDoc;

test.describe('Electron app', () => {
  test.skip(skipReason !== '', skipReason);

  let launched: Launched | null = null;
  test.afterEach(async () => {
    await launched?.app.close();
    launched = null;
    await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  test('starts on an empty data folder with the first-run choices; the page sees only the bridges', async () => {
    launched = await launch(await tempDir('data'));
    const { page } = launched;
    await expect(page).toHaveTitle('食安包保工作台');
    await expect(page.getByRole('button', { name: '载入示例数据' })).toBeVisible();
    const globals = await page.evaluate(() => ({
      api: typeof (window as { api?: { invoke?: unknown } }).api?.invoke,
      desktop: Object.keys((window as { desktop?: object }).desktop ?? {}).sort(),
      require: typeof (window as { require?: unknown }).require,
      process: typeof (window as { process?: unknown }).process,
    }));
    expect(globals).toEqual({
      api: 'function',
      desktop: ['chooseFolder', 'openFile', 'print', 'printToPdf', 'saveFile', 'showInFolder'],
      require: 'undefined',
      process: 'undefined',
    });
  });

  test('decodes GBK and GB18030 in the main process (the import of a GBK CSV relies on it)', async () => {
    launched = await launch(await tempDir('data'));
    // 朱镕基 in GBK, 𠀀 as a four-byte GB18030 sequence, € as Windows' single byte 0x80.
    const bytes = [0xd6, 0xec, 0xe9, 0x46, 0xbb, 0xf9, 0x95, 0x32, 0x82, 0x36, 0x80];
    expect(await launched.app.evaluate((_electron, gb) => new TextDecoder('gb18030').decode(Uint8Array.from(gb)), bytes)).toBe('朱镕基𠀀€');
  });

  test('demo data, import through the native dialog, a handbook and PDFs from the menu', async () => {
    const dataDir = await tempDir('data');
    cli(['demo', '--scale', 'district', '--data', dataDir]);
    cli(['plan', '--year', String((await readDoc(dataDir)).profile.planYear), '--data', dataDir]);
    const before = await readDoc(dataDir);
    launched = await launch(dataDir);
    const { app, page, files } = launched;
    await expect(page.getByTestId('header-counts')).toContainText(`主体 ${before.entities.length.toLocaleString('zh-CN')} 户`);

    await test.step('文件 → 导入…: the native open dialog feeds the preview; confirm writes the 主体', async () => {
      const file = path.join(files, '新增主体.xlsx');
      await writeFile(file, await oneEntityWorkbook(before));
      await clickMenu(app, '文件', '导入…');
      await expect(page).toHaveURL(/#\/import$/);
      await answerDialogs(app, { open: file });
      await page.getByText('点击选择文件，或把文件拖到这里').click();
      await commitImport(page);
      expect((await readDoc(dataDir)).entities.some((entity) => entity.name === NEW_ENTITY)).toBe(true);
    });

    await test.step('文件 → 导出与打印…: a cadre handbook saved where the save dialog says', async () => {
      await clickMenu(app, '文件', '导出与打印…');
      await expect(page).toHaveURL(/#\/export$/);
      const cadre = before.cadres.find((c) => before.cadres.filter((other) => other.name === c.name).length === 1);
      const card = page.getByTestId('export-handbook');
      const picker = card.getByRole('combobox', { name: '包保干部' });
      await picker.click();
      await picker.fill(cadre?.name ?? '');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: cadre?.name ?? '' })
        .first()
        .click();
      const handbook = path.join(files, '手册.xlsx');
      await answerDialogs(app, { save: handbook });
      await card.getByRole('button', { name: /导出手册/ }).click();
      await fileAppears(handbook);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(handbook);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toContain('督导记录表');
    });

    await test.step('文件 → 另存为 PDF…, and window.desktop.printToPdf on A3 landscape', async () => {
      const fromMenu = path.join(files, '菜单.pdf');
      await answerDialogs(app, { save: fromMenu });
      await clickMenu(app, '文件', '另存为 PDF…');
      await fileAppears(fromMenu);
      expect((await readFile(fromMenu)).subarray(0, 5).toString()).toBe('%PDF-');

      const a3 = path.join(files, '作战图.pdf');
      await answerDialogs(app, { save: a3 });
      const saved = await page.evaluate(() =>
        (window as unknown as { desktop: DesktopApi }).desktop.printToPdf({ pageSize: 'A3', landscape: true, fileName: '作战图' }),
      );
      expect(saved).toBe(a3);
      // A3 landscape is 420 × 297 mm = 1190.55 × 841.89 pt.
      expect((await readFile(a3)).toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 119[01](\.\d+)? 84[12](\.\d+)?\s*\]/);
    });
  });

  test('remembers the window placement and writes its log in the user-data folder', async () => {
    launched = await launch(await tempDir('data'));
    const { app, userData } = launched;
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.setBounds({ x: 40, y: 30, width: 1200, height: 700 }));
    await app.close();
    launched = null;
    await fileAppears(path.join(userData, 'shell-state.json'));
    const state = JSON.parse(await readFile(path.join(userData, 'shell-state.json'), 'utf8')) as {
      window?: { width: number; height: number };
    };
    expect(state.window).toMatchObject({ width: 1200, height: 700 });
    expect(await readFile(path.join(userData, 'logs', 'main.log'), 'utf8')).toContain('starting, data folder');
  });
});

/**
 * The page's side of the desktop bridge, where no Electron exists: the real renderer and services
 * (web harness) with a stand-in preload that records the window.desktop calls and forwards
 * window.api to the harness. It proves the menu events navigate and the native dialogs replace
 * the browser's file input and download; main's side is covered by test/main/electron-shell*.
 */
test.describe('desktop bridge in the page', () => {
  let harness: Harness;
  test.beforeEach(async ({ page }) => {
    harness = await startHarness();
    const response = await fetch(`${harness.url}api/app:loadDemo`, {
      method: 'POST',
      headers: harness.apiHeaders,
      body: JSON.stringify({ scale: 'district' }),
    });
    expect(await response.json()).toMatchObject({ ok: true });
    await page.addInitScript(() => {
      const bridge = window as unknown as Record<string, unknown>;
      const calls: unknown[][] = [];
      const listeners: [string, (payload: unknown) => void][] = [];
      bridge['__desktopCalls'] = calls;
      bridge['__menu'] = (screen: string) =>
        listeners.filter(([event]) => event === 'menu:open').forEach(([, listener]) => listener({ screen }));
      bridge['__openAnswer'] = null;
      bridge['api'] = {
        invoke: async (method: string, input: unknown) =>
          (
            await fetch(`./api/${encodeURIComponent(method)}`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-api-token': document.querySelector<HTMLMetaElement>('meta[name="api-token"]')?.content ?? '',
              },
              body: JSON.stringify(input ?? {}),
            })
          ).json(),
        on: (event: string, listener: (payload: unknown) => void) => {
          listeners.push([event, listener]);
          return () =>
            listeners.splice(
              listeners.findIndex(([, l]) => l === listener),
              1,
            );
        },
      };
      const record = (name: string) => async (input: unknown) => {
        calls.push([name, input]);
        if (name === 'openFile') return bridge['__openAnswer'];
        if (name === 'saveFile') return `D:\\导出\\${(input as { fileName: string }).fileName}`;
        return null;
      };
      bridge['desktop'] = Object.fromEntries(
        ['print', 'printToPdf', 'chooseFolder', 'showInFolder', 'saveFile', 'openFile'].map((name) => [name, record(name)]),
      );
    });
  });
  test.afterEach(async () => {
    await harness.stop();
  });

  const desktopCalls = (page: Page) =>
    page.evaluate(() => (window as unknown as { __desktopCalls: [string, Record<string, unknown>][] }).__desktopCalls);
  const answerOpen = (page: Page, fileName: string, bytes: Buffer) =>
    page.evaluate((answer) => ((window as unknown as { __openAnswer: unknown }).__openAnswer = answer), {
      fileName,
      contentBase64: bytes.toString('base64'),
    });

  test('the menu opens screens; import reads the file from the native open dialog, not a file input', async ({ page }) => {
    await page.goto(harness.url);
    await expect(page.getByTestId('header-counts')).toBeVisible();
    await page.evaluate(() => (window as unknown as { __menu: (screen: string) => void }).__menu('import'));
    await expect(page).toHaveURL(/#\/import$/);
    // An unknown screen from the menu channel is ignored.
    await page.evaluate(() => (window as unknown as { __menu: (screen: string) => void }).__menu('javascript:alert(1)'));
    await expect(page).toHaveURL(/#\/import$/);

    await answerOpen(page, '新增主体.xlsx', await oneEntityWorkbook(await harness.readDoc()));
    let browserChooser = false;
    page.on('filechooser', () => (browserChooser = true));
    await page.getByText('点击选择文件，或把文件拖到这里').click();
    await expect(page.getByText('文件“新增主体.xlsx”')).toBeVisible();
    await screenshot(page, 'desktop-import-native-open');
    expect(browserChooser).toBe(false);
    expect(await desktopCalls(page)).toEqual([
      [
        'openFile',
        {
          title: '选择要导入的表格文件',
          filters: [{ name: 'Excel 工作簿、CSV 或 Unicode 文本', extensions: ['xlsx', 'csv', 'txt'] }],
          maxBytes: 20 * 1024 * 1024,
        },
      ],
    ]);
    await commitImport(page);
    expect((await harness.readDoc()).entities.some((entity) => entity.name === NEW_ENTITY)).toBe(true);
  });

  test('on the welcome screen (no library yet) the menu says what to do first; once a library exists it opens the screen', async ({
    page,
  }) => {
    const empty = await startHarness();
    try {
      await page.goto(empty.url);
      await expect(page.getByText('欢迎使用食安包保工作台')).toBeVisible();
      const menu = (screen: string) => page.evaluate((s) => (window as unknown as { __menu: (screen: string) => void }).__menu(s), screen);
      await menu('import');
      await expect(page.getByText('还没有数据库，暂时不能导入。请先在本页载入示例数据或新建空白库。')).toBeVisible();
      await menu('backup');
      await expect(page.getByText('如要从以前的备份恢复，请点本页的“从备份文件恢复…”。')).toBeVisible();
      // For looking at: the notices slide in.
      await page.waitForTimeout(500);
      await screenshot(page, 'welcome-menu');

      await page.getByRole('button', { name: '新建空白库' }).click();
      await expect(page.getByTestId('header-counts')).toBeVisible();
      await menu('export');
      await expect(page).toHaveURL(/#\/export$/);
      await expect(page.getByText('暂时不能导出与打印')).toHaveCount(0);
    } finally {
      await empty.stop();
    }
  });

  test('backups download through the native save dialog and restore from a file chosen in the open dialog', async ({ page }) => {
    await page.goto(`${harness.url}#/backup`);
    await page.getByRole('button', { name: '立即备份' }).click();
    const download = page.getByRole('button', { name: /^下载 / }).first();
    await expect(download).toBeVisible();
    let browserDownload = false;
    page.on('download', () => (browserDownload = true));
    await download.click();
    await expect.poll(async () => (await desktopCalls(page)).map(([name]) => name)).toEqual(['saveFile']);
    const saved = (await desktopCalls(page))[0]?.[1];
    expect(String(saved?.['fileName'])).toMatch(/\.json$/);
    const backupBytes = Buffer.from(String(saved?.['contentBase64']), 'base64');
    expect(JSON.parse(backupBytes.toString('utf8'))).toHaveProperty('entities');
    expect(browserDownload).toBe(false);
    // The clerk is told where the file went (the bridge answered with a Windows path).
    await expect(page.getByText(`已保存：D:\\导出\\${String(saved?.['fileName'])}`)).toBeVisible();

    await answerOpen(page, '另存的备份.json', backupBytes);
    await page.getByRole('button', { name: '从文件恢复…' }).click();
    const preview = page.getByRole('dialog', { name: '从备份文件恢复' });
    await expect(preview).toContainText('另存的备份.json');
    await screenshot(page, 'desktop-restore-native-open');
    expect((await desktopCalls(page)).at(-1)).toEqual([
      'openFile',
      expect.objectContaining({ filters: [{ name: '备份文件', extensions: ['json'] }] }),
    ]);
  });
});
