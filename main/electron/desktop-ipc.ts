import path from 'node:path';
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import type { DesktopApi } from '@shared/api/desktop';
import { ApiError, err, type Result } from '@shared/api/result';
import { errorText, runChecked } from '../server/api/dispatch';
import type { Dialogs } from './dialogs';
import { FORBIDDEN_MESSAGE, isAppSender } from './ipc/register';
import type { Logger } from './logging';
import { printPage, savePageAsPdf } from './printing';

export const DESKTOP_CHANNEL = 'desktop:invoke';

type DesktopMethod = keyof DesktopApi;
type InputOf<M extends DesktopMethod> = Parameters<DesktopApi[M]>[0];

const PrintLayoutSchema = z.object({ pageSize: z.enum(['A4', 'A3']), landscape: z.boolean() });
const FileNameSchema = z.string().trim().min(1, '缺少文件名').max(200, '文件名太长');
const MAX_OPEN_BYTES = 512 * 1024 * 1024;

/** Every desktop method's input, checked in main: the page is not trusted to send well-formed calls. */
const DESKTOP_INPUTS = {
  print: PrintLayoutSchema,
  printToPdf: PrintLayoutSchema.extend({ fileName: FileNameSchema }),
  chooseFolder: z.string().max(100, '标题太长'),
  showInFolder: z.string().refine((value) => path.isAbsolute(value), '需要完整路径'),
  saveFile: z.object({ fileName: FileNameSchema, contentBase64: z.base64('文件内容不是 base64') }),
  openFile: z.object({
    title: z.string().max(100, '标题太长'),
    filters: z
      .array(z.object({ name: z.string().max(50), extensions: z.array(z.string().regex(/^[a-z0-9]+$/i, '扩展名格式不正确')).min(1) }))
      .max(10),
    maxBytes: z.number().int().positive().max(MAX_OPEN_BYTES),
  }),
} satisfies { [M in DesktopMethod]: z.ZodType<InputOf<M>> };

/** Each method served for the window that asked. */
export type DesktopHandlers = {
  [M in DesktopMethod]: (window: BrowserWindow, input: InputOf<M>) => ReturnType<DesktopApi[M]>;
};

export function createDesktopHandlers(dialogs: Dialogs): DesktopHandlers {
  return {
    print: (window, layout) => printPage(window, layout),
    printToPdf: (window, { fileName, ...layout }) => savePageAsPdf(window, dialogs, layout, fileName),
    chooseFolder: (window, title) => dialogs.chooseFolder(window, title),
    showInFolder: async (_window, fullPath) => {
      if (!dialogs.mayUse(fullPath)) throw new ApiError('forbidden', '只能打开数据文件夹中的“导出”文件夹或用“选择文件夹…”选定的文件夹');
      await dialogs.showInFolder(fullPath);
    },
    saveFile: (window, file) => dialogs.saveFile(window, file),
    openFile: (window, options) => dialogs.openFile(window, options),
  };
}

const isDesktopMethod = (name: unknown): name is DesktopMethod => typeof name === 'string' && Object.hasOwn(DESKTOP_INPUTS, name);

async function serve(
  handlers: DesktopHandlers,
  event: IpcMainInvokeEvent,
  name: unknown,
  raw: unknown,
  log: Logger,
): Promise<Result<unknown>> {
  if (!isDesktopMethod(name)) return err('unknown-method', `未知的桌面操作“${String(name)}”`);
  const handler = handlers[name] as (window: BrowserWindow, input: unknown) => Promise<unknown>;
  return runChecked(
    DESKTOP_INPUTS[name],
    raw,
    async (input) => {
      const window = BrowserWindow.fromWebContents(event.sender);
      if (!window) throw new ApiError('forbidden', FORBIDDEN_MESSAGE);
      return handler(window, input);
    },
    (error) => {
      log.error(`[desktop] ${name} failed`, error);
      return `操作失败：${errorText(error)}。请重试；如仍失败，请把日志文件夹中的 main.log 发给维护人员`;
    },
  );
}

/** `window.desktop` on one channel like `window.api`, for the app's pages only. */
export function registerDesktopIpc(handlers: DesktopHandlers, devServerUrl: string | null, log: Logger): void {
  ipcMain.handle(DESKTOP_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) =>
    isAppSender(event, devServerUrl) ? serve(handlers, event, name, input, log) : err('forbidden', FORBIDDEN_MESSAGE),
  );
}
