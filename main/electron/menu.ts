import { dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { sendAppEvent } from './ipc/register';
import { tellOnWindow, type Dialogs } from './dialogs';
import type { Logger } from './logging';
import { PRODUCT_NAME } from '../server/paths';
import { printPage, savePageAsPdf } from './printing';

/** The screens the 文件 menu opens (renderer ScreenKeys). */
export type MenuScreen = 'import' | 'export' | 'backup';

/** What the menu's own items do; each one reports its failure itself and never rejects. */
export interface MenuActions {
  openScreen(screen: MenuScreen): void;
  print(): Promise<void>;
  savePdf(): Promise<void>;
  openDataFolder(): Promise<void>;
  openExportFolder(): Promise<void>;
  openLogsFolder(): Promise<void>;
  about(): Promise<void>;
}

/** 文件 / 编辑 / 视图 / 帮助, in Chinese; the edit and view items are Electron's standard roles. */
export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '导入…', accelerator: 'CmdOrCtrl+I', click: () => actions.openScreen('import') },
        { label: '导出与打印…', accelerator: 'CmdOrCtrl+E', click: () => actions.openScreen('export') },
        { label: '备份与恢复…', click: () => actions.openScreen('backup') },
        { type: 'separator' },
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => void actions.print() },
        { label: '另存为 PDF…', accelerator: 'CmdOrCtrl+Shift+P', click: () => void actions.savePdf() },
        { type: 'separator' },
        { label: '打开数据文件夹', click: () => void actions.openDataFolder() },
        { label: '打开导出文件夹', click: () => void actions.openExportFolder() },
        { type: 'separator' },
        { label: '退出', role: 'quit', accelerator: 'Alt+F4' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { type: 'separator' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        { label: `关于 ${PRODUCT_NAME}`, click: () => void actions.about() },
        { label: '查看日志文件夹', click: () => void actions.openLogsFolder() },
      ],
    },
  ];
}

export interface MenuContext {
  readonly window: BrowserWindow;
  readonly dialogs: Dialogs;
  readonly log: Logger;
  readonly version: string;
  readonly dataDir: string;
  readonly exportDir: string;
  readonly logsDir: string;
}

/** 食安包保工作台-20270301-0930.pdf: what the menu's 另存为 PDF proposes. */
export function pdfFileName(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${PRODUCT_NAME}-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}.pdf`;
}

export function createMenuActions(context: MenuContext): MenuActions {
  const { window, dialogs } = context;
  // A menu click has no caller to return an error to: say it on the window and log it.
  const reported = (what: string, run: () => Promise<unknown>) => async (): Promise<void> => {
    try {
      await run();
    } catch (error) {
      context.log.error(`[menu] ${what} failed`, error);
      await tellOnWindow(window, `${what}没有完成`, error instanceof Error ? error.message : String(error));
    }
  };
  const openDataFolder = reported('打开数据文件夹', () => dialogs.openFolder(context.dataDir));
  return {
    openScreen: (screen) => {
      if (window.isMinimized()) window.restore();
      sendAppEvent(window.webContents, 'menu:open', { screen });
    },
    print: reported('打印', () => printPage(window, null)),
    savePdf: reported('另存为 PDF', () => savePageAsPdf(window, dialogs, null, pdfFileName(new Date()))),
    openDataFolder,
    openExportFolder: reported('打开导出文件夹', () => dialogs.openFolder(context.exportDir)),
    openLogsFolder: reported('打开日志文件夹', () => dialogs.openFolder(context.logsDir)),
    about: reported('关于', async () => {
      const { response } = await dialog.showMessageBox(window, {
        type: 'info',
        title: `关于 ${PRODUCT_NAME}`,
        message: `${PRODUCT_NAME} ${context.version}`,
        detail:
          `数据文件夹：${context.dataDir}\n导出文件夹：${context.exportDir}\n日志文件夹：${context.logsDir}\n\n` +
          '数据只保存在这台电脑上；升级或卸载软件都不会删除数据文件夹。\n' +
          `Electron ${process.versions['electron'] ?? ''} · Chromium ${process.versions['chrome'] ?? ''}`,
        buttons: ['打开数据文件夹', '关闭'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      });
      if (response === 0) await openDataFolder();
    }),
  };
}

export function installMenu(actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
}
