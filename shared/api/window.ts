import type { ApiMethod, ApiResults, Result } from './contract';

/** Events main pushes to the renderer (progress of long work arrives here in later issues). */
export interface AppEvents {
  /** The application menu asks for a screen (导入…, 导出与打印…, 备份与恢复…); the key is a ScreenKey. */
  'menu:open': { readonly screen: string };
}

/** What the preload puts on `window.api`: the raw envelope, unwrapped by the renderer client. */
export interface WindowApi {
  invoke<M extends ApiMethod>(method: M, input: unknown): Promise<Result<ApiResults[M]>>;
  on<E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
}
