import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { ApiHandlers } from '@shared/api/contract';
import { err } from '@shared/api/result';
import { isInternalUrl } from '@shared/security/trusted-url';
import { dispatch } from '../api/dispatch';

export const INVOKE_CHANNEL = 'api:invoke';

/** One channel for the whole contract; only the app's own pages may call it. */
export function registerIpc(handlers: ApiHandlers, devServerUrl: string | null): void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, name: unknown, input: unknown) => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isInternalUrl(senderUrl, devServerUrl)) return err('forbidden', '拒绝来自非本软件页面的请求');
    if (typeof name !== 'string') return err('unknown-method', '请求缺少操作名');
    return dispatch(handlers, name, input);
  });
}
