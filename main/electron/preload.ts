import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '@shared/api/desktop';
import { unwrap, type Result } from '@shared/api/result';
import type { AppEvents, WindowApi } from '@shared/api/window';

// Bundled to CommonJS on its own (sandboxed preloads cannot load ES modules or other files), so
// the channel names are spelled here rather than imported from main.
const api = {
  invoke: (method, input) => ipcRenderer.invoke('api:invoke', method, input),
  on: <E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void) => {
    const wrapped = (_e: unknown, payload: AppEvents[E]): void => listener(payload);
    ipcRenderer.on(`event:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`event:${event}`, wrapped);
  },
} satisfies WindowApi;

/** One call to main's desktop channel; a refusal becomes an Error with main's Chinese message. */
async function desktopCall<T>(method: keyof DesktopApi, input: unknown): Promise<T> {
  return unwrap((await ipcRenderer.invoke('desktop:invoke', method, input)) as Result<T>);
}

const desktop = {
  print: (layout) => desktopCall('print', layout),
  printToPdf: (layout) => desktopCall('printToPdf', layout),
  chooseFolder: (title) => desktopCall('chooseFolder', title),
  showInFolder: (fullPath) => desktopCall('showInFolder', fullPath),
  saveFile: (file) => desktopCall('saveFile', file),
  openFile: (options) => desktopCall('openFile', options),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
contextBridge.exposeInMainWorld('desktop', desktop);
