import { contextBridge, ipcRenderer } from 'electron';
import type { AppEvents, WindowApi } from '@shared/api/window';

// Bundled to CommonJS on its own (sandboxed preloads cannot load ES modules or other files).
const api = {
  invoke: (method, input) => ipcRenderer.invoke('api:invoke', method, input),
  on: <E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void) => {
    const wrapped = (_e: unknown, payload: AppEvents[E]): void => listener(payload);
    ipcRenderer.on(`event:${event}`, wrapped);
    return () => ipcRenderer.removeListener(`event:${event}`, wrapped);
  },
} satisfies WindowApi;

contextBridge.exposeInMainWorld('api', api);
