import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow as FakeWindow, recorded, resetFake, WebContents } from './electron-shell-fake';
import { useTempDirs } from './temp-dir';

vi.mock('electron', () => import('./electron-shell-fake'));

const { createMenuActions, installMenu, pdfFileName } = await import('../../main/electron/menu');
const { Dialogs } = await import('../../main/electron/dialogs');
const { ShellStateFile } = await import('../../main/electron/shell-state');
const { createFatalErrorReporter, logPageErrors, startLogging, LOG_FILE_NAME } = await import('../../main/electron/logging');

const newDir = useTempDirs();
beforeEach(() => resetFake());

/** The installed application menu, with every item findable by its Chinese label. */
function installedMenu(): MenuItemConstructorOptions[] {
  return (recorded.menu as { template: MenuItemConstructorOptions[] }).template;
}

function submenu(label: string): MenuItemConstructorOptions[] {
  const top = installedMenu().find((item) => item.label === label);
  return (top?.submenu ?? []) as MenuItemConstructorOptions[];
}

function click(top: string, label: string): void {
  const item = submenu(top).find((entry) => entry.label === label);
  if (!item?.click) throw new Error(`no clickable ${top} → ${label}`);
  (item.click as () => void)();
}

/** Lets the click's async work (dialogs, files) finish. */
/** The menu's actions run on after the click returns: wait for what they leave, however busy the machine. */
const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 10_000 });

async function menuSetUp() {
  const root = await newDir();
  const dataDir = path.join(root, 'data');
  const exportDir = path.join(dataDir, '导出');
  const logsDir = path.join(root, 'logs');
  await mkdir(dataDir);
  const state = await ShellStateFile.open(path.join(root, 'shell-state.json'), (error) => {
    throw error;
  });
  const window = new FakeWindow({});
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  installMenu(
    createMenuActions({
      window: window as unknown as BrowserWindow,
      dialogs: new Dialogs(state, exportDir),
      log,
      version: '0.1.0',
      dataDir,
      exportDir,
      logsDir,
    }),
  );
  return { root, dataDir, exportDir, logsDir, window, log, state };
}

describe('application menu', () => {
  it('has 文件 / 编辑 / 视图 / 帮助 with the Chinese items and standard roles', async () => {
    await menuSetUp();
    expect(installedMenu().map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const labels = (top: string) =>
      submenu(top)
        .filter((item) => item.type !== 'separator')
        .map((item) => item.label);
    expect(labels('文件')).toEqual([
      '导入…',
      '导出与打印…',
      '备份与恢复…',
      '打印…',
      '另存为 PDF…',
      '打开数据文件夹',
      '打开导出文件夹',
      '退出',
    ]);
    expect(submenu('文件').find((item) => item.label === '退出')?.role).toBe('quit');
    expect(
      submenu('编辑')
        .filter((item) => item.role)
        .map((item) => [item.label, item.role]),
    ).toEqual([
      ['撤销', 'undo'],
      ['重做', 'redo'],
      ['剪切', 'cut'],
      ['复制', 'copy'],
      ['粘贴', 'paste'],
      ['全选', 'selectAll'],
    ]);
    expect(
      submenu('视图')
        .filter((item) => item.role)
        .map((item) => [item.label, item.role]),
    ).toEqual([
      ['重新加载', 'reload'],
      ['实际大小', 'resetZoom'],
      ['放大', 'zoomIn'],
      ['缩小', 'zoomOut'],
      ['全屏', 'togglefullscreen'],
    ]);
    expect(labels('帮助')).toEqual(['关于 食安包保工作台', '查看日志文件夹']);
  });

  it('opens the import, export and backup screens in the page, restoring a minimized window', async () => {
    const { window } = await menuSetUp();
    window.minimized = true;
    click('文件', '导入…');
    click('文件', '导出与打印…');
    click('文件', '备份与恢复…');
    expect(window.webContents.sent).toEqual([
      { channel: 'event:menu:open', payload: { screen: 'import' } },
      { channel: 'event:menu:open', payload: { screen: 'export' } },
      { channel: 'event:menu:open', payload: { screen: 'backup' } },
    ]);
    expect(window.calls).toContain('restore');
  });

  it('prints the page as its CSS lays it out, and saves it as a PDF where the user chooses', async () => {
    const { root, window, state } = await menuSetUp();
    click('文件', '打印…');
    await eventually(() => expect(window.webContents.printCalls).toEqual([{ printBackground: true }]));

    const pdf = path.join(root, '作战图.pdf');
    recorded.answers.push(pdf);
    click('文件', '另存为 PDF…');
    await eventually(async () => expect(await readFile(pdf)).toEqual(window.webContents.pdfBytes));
    expect(window.webContents.pdfCalls).toEqual([
      { printBackground: true, displayHeaderFooter: false, preferCSSPageSize: true, pageSize: 'A4', landscape: false },
    ]);
    expect(path.basename(String(recorded.saveDialogs[0]?.['defaultPath']))).toMatch(/^食安包保工作台-\d{8}-\d{4}\.pdf$/);
    await state.flush();
  });

  it('opens the data, export and log folders in Explorer, creating the export folder first', async () => {
    const { dataDir, exportDir, logsDir } = await menuSetUp();
    click('文件', '打开数据文件夹');
    click('文件', '打开导出文件夹');
    click('帮助', '查看日志文件夹');
    await eventually(() => expect([...recorded.openedPaths].sort()).toEqual([dataDir, exportDir, logsDir].sort()));
    expect((await stat(exportDir)).isDirectory()).toBe(true);
  });

  it('says on the window when Explorer could not open a folder', async () => {
    const { log } = await menuSetUp();
    recorded.openPathFailure = '找不到应用程序';
    click('文件', '打开数据文件夹');
    await eventually(() =>
      expect(recorded.messageBoxes).toEqual([
        expect.objectContaining({ message: '打开数据文件夹没有完成', detail: expect.stringContaining('无法在资源管理器中打开') }),
      ]),
    );
    expect(log.error).toHaveBeenCalled();
  });

  it('关于 shows the version and the data folder, and can open it', async () => {
    const { dataDir } = await menuSetUp();
    recorded.answers.push(0);
    click('帮助', '关于 食安包保工作台');
    await eventually(() => expect(recorded.openedPaths).toEqual([dataDir]));
    expect(recorded.messageBoxes[0]).toMatchObject({
      title: '关于 食安包保工作台',
      message: '食安包保工作台 0.1.0',
      buttons: ['打开数据文件夹', '关闭'],
    });
    expect(recorded.messageBoxes[0]?.['detail']).toContain(`数据文件夹：${dataDir}`);
  });

  it('names the PDF after the app and the time', () => {
    expect(pdfFileName(new Date(2027, 2, 1, 9, 5))).toBe('食安包保工作台-20270301-0905.pdf');
  });
});

describe('logging and the error dialog', () => {
  it('writes the log file in the logs folder', async () => {
    const logsDir = await newDir();
    const log = startLogging(logsDir);
    log.info('测试日志一行');
    expect(await readFile(path.join(logsDir, LOG_FILE_NAME), 'utf8')).toContain('测试日志一行');
  });

  it('explains an uncaught error in Chinese and copies the details for support', async () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const report = createFatalErrorReporter({ log, version: '0.1.0', logsDir: 'C:\\logs', dataDir: () => 'D:\\包保数据' });
    recorded.answers.push(0);
    await report(new Error('磁盘已满'));

    const box = recorded.messageBoxes[0];
    expect(box).toMatchObject({ type: 'error', buttons: ['复制错误信息', '关闭'], cancelId: 1 });
    expect(box?.['detail']).toContain('发生了什么：磁盘已满');
    expect(box?.['detail']).toContain('数据是安全的');
    expect(box?.['detail']).toContain('请这样做');
    expect(recorded.clipboard).toContain('食安包保工作台 0.1.0');
    expect(recorded.clipboard).toContain('数据文件夹：D:\\包保数据');
    expect(recorded.clipboard).toMatch(/Error: 磁盘已满\n\s+at /);
    expect(log.error).toHaveBeenCalledWith('[fatal]', expect.stringContaining('磁盘已满'));
  });

  it('copies nothing when closed, and only logs errors that arrive while the dialog is open', async () => {
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const report = createFatalErrorReporter({ log, version: '0.1.0', logsDir: '/logs', dataDir: () => '/data' });
    recorded.answers.push(1);
    await Promise.all([report(new Error('第一个')), report('第二个')]);
    expect(recorded.messageBoxes).toHaveLength(1);
    expect(recorded.clipboard).toBe('');
    expect(log.error).toHaveBeenCalledTimes(2);
  });

  it('logs the page errors and reports a crashed page', async () => {
    const contents = new WebContents();
    const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const report = vi.fn(async () => undefined);
    logPageErrors(contents as unknown as Electron.WebContents, log, report);
    contents.emit('console-message', {
      level: 'error',
      message: 'Uncaught TypeError: x is undefined',
      sourceId: 'index.js',
      lineNumber: 7,
    });
    contents.emit('console-message', { level: 'info', message: 'ready', sourceId: 'index.js', lineNumber: 1 });
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith('[renderer] Uncaught TypeError: x is undefined (index.js:7)');
    contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(report).not.toHaveBeenCalled();
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 3 });
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringContaining('页面进程意外退出（crashed') }));
  });
});
