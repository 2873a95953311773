import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { apiSchemas } from '@shared/api/contract';
import { type BrowserWindow as FakeWindow, recorded, resetFake } from './electron-shell-fake';
import { useTempDirs } from './temp-dir';

// The Electron module is the one thing replaced: a small fake that records what the shell does.
vi.mock('electron', () => import('./electron-shell-fake'));

const { appPageUrl, createMainWindow, devServerUrlOf } = await import('../../main/electron/window');
const { registerIpc, INVOKE_CHANNEL } = await import('../../main/electron/ipc/register');
const { createDesktopHandlers, registerDesktopIpc, DESKTOP_CHANNEL } = await import('../../main/electron/desktop-ipc');
const { Dialogs } = await import('../../main/electron/dialogs');
const { ShellStateFile } = await import('../../main/electron/shell-state');
const { smallDoc } = await import('./small-doc');
const { createHandlers } = await import('../../main/server/handlers');

const newDir = useTempDirs();
/** The app's own page (out/renderer/index.html beside main) at one of its screens. */
const FROM_APP = `${appPageUrl(null)}#/export`;
const ANYWHERE = (): boolean => true;
const silentLog = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

beforeEach(() => resetFake());

describe('main window', () => {
  it('uses the hardened web preferences with a CommonJS preload', () => {
    const window = createMainWindow(null) as unknown as FakeWindow;
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      preload: expect.stringMatching(/preload\.cjs$/),
    });
    // Hidden until the page has painted its skeleton, on the skeleton's colour.
    expect(window.options).toMatchObject({ show: false, backgroundColor: '#f5f5f5', width: 1366, height: 768 });
  });

  it('opens at the remembered place and maximized when it was', () => {
    const window = createMainWindow(null, {
      bounds: { x: 1920, y: 40, width: 1500, height: 900 },
      maximized: true,
    }) as unknown as FakeWindow;
    expect(window.options).toMatchObject({ x: 1920, y: 40, width: 1500, height: 900 });
    expect(window.calls).toEqual([]);
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['maximize', 'show']);
  });

  it('denies new windows, opens web links outside, blocks foreign navigation and permissions', () => {
    const window = createMainWindow(null) as unknown as FakeWindow;
    const openHandler = window.webContents.openHandler;
    expect(openHandler?.({ url: 'https://www.samr.gov.cn/' })).toEqual({ action: 'deny' });
    expect(recorded.externalLinks).toEqual(['https://www.samr.gov.cn/']);
    expect(openHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(recorded.externalLinks).toHaveLength(1);

    const foreign = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', foreign, 'https://evil.example/');
    expect(foreign.preventDefault).toHaveBeenCalled();
    // The app's own page (another #/screen) may load; no other local file may replace it.
    const appPage = window.loaded[0] ?? '';
    expect(appPage).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
    const internal = { preventDefault: vi.fn() };
    window.webContents.emit('will-navigate', internal, `${appPage}#/cadres`);
    expect(internal.preventDefault).not.toHaveBeenCalled();
    for (const other of [
      'file:///C:/Users/clerk/Desktop/主体名单.xlsx',
      'file:///C:/Users/clerk/Downloads/page.html',
      `${appPage.replace('index.html', 'other.html')}`,
    ]) {
      const dropped = { preventDefault: vi.fn() };
      window.webContents.emit('will-navigate', dropped, other);
      expect(dropped.preventDefault).toHaveBeenCalled();
    }

    const decisions: boolean[] = [];
    recorded.permissionHandler?.({}, 'media', (allowed) => decisions.push(allowed));
    expect(decisions).toEqual([false]);
  });
});

describe('IPC registration', () => {
  const store = () => {
    const doc = smallDoc();
    return { dataDir: '/tmp/x', version: 1, read: () => doc, update: vi.fn(), replace: vi.fn(), ensureYears: () => Promise.resolve() };
  };

  it('serves the contract on one channel to the app pages only', async () => {
    const library = store();
    registerIpc(createHandlers({ store: library, now: () => new Date() }), null, ANYWHERE);
    const handler = recorded.ipcHandlers.get(INVOKE_CHANNEL);
    const fromApp = { senderFrame: { url: FROM_APP } };
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/' } };

    expect(await handler?.(fromApp, 'entities:get', { id: 'e1' })).toMatchObject({
      ok: true,
      value: { entity: { name: '内蒙古食用油有限公司' } },
    });
    expect(await handler?.(fromElsewhere, 'entities:get', { id: 'e1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.({ senderFrame: null }, 'entities:get', { id: 'e1' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await handler?.(fromApp, 'entities:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(library.update).not.toHaveBeenCalled();
  });

  it('accepts only the app’s own index.html: not another local page, nor a dev server in the installed app', async () => {
    const devServer = 'http://localhost:5173/';
    expect(devServerUrlOf(true, { ELECTRON_RENDERER_URL: devServer })).toBeNull();
    expect(devServerUrlOf(false, { ELECTRON_RENDERER_URL: devServer })).toBe(devServer);
    expect(devServerUrlOf(false, {})).toBeNull();

    registerIpc(
      createHandlers({ store: store(), now: () => new Date() }),
      devServerUrlOf(true, { ELECTRON_RENDERER_URL: devServer }),
      ANYWHERE,
    );
    const handler = recorded.ipcHandlers.get(INVOKE_CHANNEL);
    const from = (url: string) => handler?.({ senderFrame: { url } }, 'regions:list', {});
    expect(await from(FROM_APP)).toMatchObject({ ok: true });
    for (const foreign of [
      FROM_APP.replace('index.html', 'other.html'),
      'file:///C:/Users/clerk/Downloads/page.html',
      'file:///C:/Users/clerk/Desktop/主体名单.xlsx',
      `${devServer}#/export`,
    ]) {
      expect({ foreign, answer: await from(foreign) }).toMatchObject({ foreign, answer: { ok: false, error: { code: 'forbidden' } } });
    }
    // In development the dev server's page is the app's page (and local files are not).
    registerIpc(createHandlers({ store: store(), now: () => new Date() }), devServer, ANYWHERE);
    const dev = recorded.ipcHandlers.get(INVOKE_CHANNEL);
    expect(await dev?.({ senderFrame: { url: `${devServer}#/export` } }, 'regions:list', {})).toMatchObject({ ok: true });
    expect(await dev?.({ senderFrame: { url: FROM_APP } }, 'regions:list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets the page export only into the folders main accepts', async () => {
    const asked: string[] = [];
    registerIpc(createHandlers({ store: store(), now: () => new Date() }), null, (folder) => {
      asked.push(folder);
      return false;
    });
    const handler = recorded.ipcHandlers.get(INVOKE_CHANNEL);
    const outDir = 'C:\\Windows\\System32';
    expect(await handler?.({ senderFrame: { url: FROM_APP } }, 'handbook:exportAll', { outDir })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('选择文件夹') },
    });
    expect(asked).toEqual([outDir]);
  });

  it('serves every method of the contract (none is unknown to the channel)', async () => {
    registerIpc(createHandlers({ store: store(), now: () => new Date() }), null, ANYWHERE);
    const handler = recorded.ipcHandlers.get(INVOKE_CHANNEL);
    const methods = Object.keys(apiSchemas);
    expect(methods.length).toBeGreaterThan(40);
    for (const method of methods) {
      // A deliberately wrong input: the method must be found and its input refused, not run.
      const result = (await handler?.({ senderFrame: { url: FROM_APP } }, method, 'not an object')) as {
        ok: boolean;
        error?: { code: string };
      };
      expect({ method, code: result.error?.code }).toEqual({ method, code: 'invalid-argument' });
    }
    expect(await handler?.({ senderFrame: { url: FROM_APP } }, 'fs:readFile', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
  });
});

/** The desktop channel over real Dialogs and a real shell-state file in a temp folder. */
async function desktopSetUp() {
  const root = await newDir();
  const exportDir = path.join(root, 'data', '导出');
  const state = await ShellStateFile.open(path.join(root, 'shell-state.json'), (error) => {
    throw error;
  });
  const dialogs = new Dialogs(state, exportDir);
  registerDesktopIpc(createDesktopHandlers(dialogs), null, silentLog);
  const window = createMainWindow(null) as unknown as FakeWindow;
  const channel = recorded.ipcHandlers.get(DESKTOP_CHANNEL);
  const call = (method: string, input: unknown, url = FROM_APP) =>
    channel?.({ senderFrame: { url }, sender: window.webContents }, method, input);
  return { root, exportDir, state, window, call };
}

describe('desktop IPC (window.desktop)', () => {
  it('refuses other pages and malformed input before any dialog opens', async () => {
    const { call } = await desktopSetUp();
    const file = { fileName: 'a.xlsx', contentBase64: 'UEsDBA==' };
    expect(await call('saveFile', file, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('saveFile', { fileName: 'a.xlsx', contentBase64: '不是 base64' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('saveFile', { fileName: '', contentBase64: 'UEsDBA==' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('缺少文件名') },
    });
    expect(await call('print', { pageSize: 'A5', landscape: false })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('showInFolder', 'relative/folder')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', message: expect.stringContaining('完整路径') },
    });
    expect(await call('openFile', { title: 'x', filters: [{ name: 'x', extensions: ['../exe'] }], maxBytes: 10 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await call('openExternal', 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await call('toString', undefined)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect([...recorded.saveDialogs, ...recorded.openDialogs, ...recorded.messageBoxes]).toEqual([]);
  });

  it('saves where the user chose, starting in the export folder and then in the last folder used', async () => {
    const { root, exportDir, state, call } = await desktopSetUp();
    const bytes = Buffer.from('PK\u0003\u0004 workbook bytes');
    const chosen = path.join(root, '报送', '统计表.xlsx');
    await mkdir(path.dirname(chosen));
    recorded.answers.push(chosen);

    expect(await call('saveFile', { fileName: '包保工作情况统计表.xlsx', contentBase64: bytes.toString('base64') })).toEqual({
      ok: true,
      value: chosen,
    });
    expect(await readFile(chosen)).toEqual(bytes);
    expect(recorded.saveDialogs[0]).toMatchObject({
      defaultPath: path.join(exportDir, '包保工作情况统计表.xlsx'),
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
    });

    // A proposed name cannot point elsewhere; the next dialog starts where the last file went.
    recorded.answers.push(null);
    expect(await call('saveFile', { fileName: '..\\..\\Windows/evil.json', contentBase64: bytes.toString('base64') })).toEqual({
      ok: true,
      value: null,
    });
    expect(recorded.saveDialogs[1]?.['defaultPath']).toBe(path.join(root, '报送', 'Windowsevil.json'));
    await state.flush();
    expect(JSON.parse(await readFile(path.join(root, 'shell-state.json'), 'utf8'))).toMatchObject({ lastFolder: path.join(root, '报送') });

    // A last folder that was deleted meanwhile is not recreated: back to the export folder.
    await rm(path.join(root, '报送'), { recursive: true });
    recorded.answers.push(null);
    await call('saveFile', { fileName: 'a.xlsx', contentBase64: 'UEsDBA==' });
    expect(recorded.saveDialogs[2]?.['defaultPath']).toBe(path.join(exportDir, 'a.xlsx'));
  });

  it('says on the window why a file could not be written, and resolves to null', async () => {
    const { root, call } = await desktopSetUp();
    const blocker = path.join(root, 'not-a-folder');
    await writeFile(blocker, 'a file where a folder should be');
    recorded.answers.push(path.join(blocker, '手册.xlsx'));
    expect(await call('saveFile', { fileName: '手册.xlsx', contentBase64: 'UEsDBA==' })).toEqual({ ok: true, value: null });
    expect(recorded.messageBoxes).toEqual([
      expect.objectContaining({ message: '未能保存“手册.xlsx”', detail: expect.stringContaining('换一个文件名') }),
    ]);
  });

  it('reads the file chosen in the open dialog, and refuses one over the size limit', async () => {
    const { root, state, call } = await desktopSetUp();
    const file = path.join(root, '主体名单.csv');
    await writeFile(file, '主体名称,统一社会信用代码\n示例,91150600MA0N000000\n');
    recorded.answers.push(file);
    const filters = [{ name: 'Excel 工作簿或 CSV 文件', extensions: ['xlsx', 'csv'] }];
    const result = (await call('openFile', { title: '选择要导入的表格文件', filters, maxBytes: 1024 })) as {
      ok: true;
      value: { fileName: string; contentBase64: string };
    };
    expect(result.value.fileName).toBe('主体名单.csv');
    expect(Buffer.from(result.value.contentBase64, 'base64').toString('utf8')).toBe(await readFile(file, 'utf8'));
    expect(recorded.openDialogs[0]).toMatchObject({ title: '选择要导入的表格文件', filters, properties: ['openFile'] });

    recorded.answers.push(file);
    expect(await call('openFile', { title: '选择', filters, maxBytes: 10 })).toEqual({ ok: true, value: null });
    expect(recorded.messageBoxes.at(-1)).toMatchObject({ message: '文件“主体名单.csv”太大' });
    // The next dialog starts in the folder of the last file chosen.
    recorded.answers.push(null);
    expect(await call('openFile', { title: '选择', filters, maxBytes: 10 })).toEqual({ ok: true, value: null });
    expect(recorded.openDialogs[2]?.['defaultPath']).toBe(root);
    await state.flush();
  });

  it('chooses a folder and shows folders and files in Explorer without opening files', async () => {
    const { root, state, call } = await desktopSetUp();
    recorded.answers.push(root);
    expect(await call('chooseFolder', '选择手册导出到的文件夹')).toEqual({ ok: true, value: root });
    expect(recorded.openDialogs[0]).toMatchObject({ title: '选择手册导出到的文件夹', properties: ['openDirectory', 'createDirectory'] });

    const file = path.join(root, '手册.xlsx');
    await writeFile(file, 'x');
    expect(await call('showInFolder', root)).toEqual({ ok: true, value: undefined });
    expect(await call('showInFolder', file)).toEqual({ ok: true, value: undefined });
    expect(recorded.openedPaths).toEqual([root]);
    expect(recorded.shownItems).toEqual([file]);
    expect(await call('showInFolder', path.join(root, 'gone'))).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('已被移动或删除') },
    });
    await state.flush();
  });

  it('lets the page use only the export folder and folders picked in the folder dialog, also after a restart', async () => {
    const { root, exportDir, state, call } = await desktopSetUp();
    const picked = path.join(root, '报送');
    const elsewhere = path.join(root, '别处');
    await mkdir(picked);
    await mkdir(elsewhere);
    await mkdir(exportDir, { recursive: true });
    const dialogs = new Dialogs(state, exportDir);
    expect(dialogs.mayUse(exportDir)).toBe(true);
    expect(dialogs.mayUse(path.join(exportDir, '包保干部工作手册-2026年度'))).toBe(true);
    expect(dialogs.mayUse(path.join(exportDir, '..'))).toBe(false);
    expect(dialogs.mayUse(picked)).toBe(false);

    // Explorer opens only on those folders: a made-up path is refused before anything opens.
    for (const made of [elsewhere, path.join(exportDir, '..', '..'), path.join(exportDir, '..', '别处')]) {
      expect(await call('showInFolder', made)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringContaining('选择文件夹') },
      });
    }
    expect(recorded.openedPaths).toEqual([]);
    expect(await call('showInFolder', exportDir)).toEqual({ ok: true, value: undefined });

    recorded.answers.push(picked);
    expect(await call('chooseFolder', '选择工作手册的导出文件夹')).toEqual({ ok: true, value: picked });
    expect(dialogs.mayUse(path.join(picked, '包保干部工作手册-2026年度'))).toBe(true);
    expect(await call('showInFolder', picked)).toEqual({ ok: true, value: undefined });
    expect(dialogs.mayUse(elsewhere)).toBe(false);
    await state.flush();

    // The next start remembers the folders picked before (the screen offers the last one again).
    const reopened = await ShellStateFile.open(state.file, (error) => {
      throw error;
    });
    expect(new Dialogs(reopened, exportDir).mayUse(picked)).toBe(true);
    expect(new Dialogs(reopened, exportDir).mayUse(elsewhere)).toBe(false);
  });

  it('prints on the chosen paper and saves the page as a PDF file', async () => {
    const { root, state, window, call } = await desktopSetUp();
    expect(await call('print', { pageSize: 'A3', landscape: true })).toEqual({ ok: true, value: undefined });
    expect(window.webContents.printCalls).toEqual([{ printBackground: true, pageSize: 'A3', landscape: true }]);

    const pdf = path.join(root, '致包保领导的一封信-张三.pdf');
    recorded.answers.push(pdf);
    expect(await call('printToPdf', { pageSize: 'A4', landscape: false, fileName: '致包保领导的一封信-张三' })).toEqual({
      ok: true,
      value: pdf,
    });
    expect(window.webContents.pdfCalls).toEqual([
      { printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true, pageSize: 'A4', landscape: false },
    ]);
    expect(await readFile(pdf)).toEqual(window.webContents.pdfBytes);
    expect(recorded.saveDialogs[0]).toMatchObject({ filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] });
    expect(String(recorded.saveDialogs[0]?.['defaultPath'])).toMatch(/致包保领导的一封信-张三\.pdf$/);
    await state.flush();
  });

  it('reports a failed print job on the window, but not a cancelled one', async () => {
    const { window, call } = await desktopSetUp();
    window.webContents.printOutcome = { success: false, reason: 'Print job canceled' };
    await call('print', { pageSize: 'A4', landscape: false });
    expect(recorded.messageBoxes).toEqual([]);
    window.webContents.printOutcome = { success: false, reason: 'Printer is out of paper' };
    expect(await call('print', { pageSize: 'A4', landscape: false })).toEqual({ ok: true, value: undefined });
    expect(recorded.messageBoxes).toEqual([
      expect.objectContaining({ message: '打印没有完成', detail: expect.stringContaining('Printer is out of paper') }),
    ]);
  });
});
