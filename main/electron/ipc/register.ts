import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { ApiHandlers } from '@shared/api/contract';
import { err } from '@shared/api/result';
import type { AppEvents } from '@shared/api/window';
import { dispatch, type OutputFolderCheck } from '../../server/api/dispatch';
import { isAppPage } from '../window';

export const INVOKE_CHANNEL = 'api:invoke';

/** Only the app's own page may use the bridge (not a frame that navigated elsewhere, nor another local file). */
export function isAppSender(event: IpcMainInvokeEvent | IpcMainEvent, devServerUrl: string | null): boolean {
  return isAppPage(event.senderFrame?.url ?? '', devServerUrl);
}

export const FORBIDDEN_MESSAGE = '拒绝来自非本软件页面的请求';

/**
 * One channel for the whole contract; only the app's own page may call it, and it may have
 * exports written only into the folders `mayWriteTo` accepts (main's, never the page's choice).
 */
export function registerIpc(handlers: ApiHandlers, devServerUrl: string | null, mayWriteTo: OutputFolderCheck): void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    if (!isAppSender(event, devServerUrl)) return err('forbidden', FORBIDDEN_MESSAGE);
    if (typeof name !== 'string') return err('unknown-method', '请求缺少操作名');
    return dispatch(handlers, name, input, mayWriteTo);
  });
}

/** Pushes an event to the page; the preload's `window.api.on(event, …)` receives it. */
export function sendAppEvent<E extends keyof AppEvents>(contents: WebContents, event: E, payload: AppEvents[E]): void {
  contents.send(`event:${event}`, payload);
}
