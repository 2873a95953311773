import type { ApiMethod, ApiResults, Result } from './contract';

/** Events main pushes to the renderer (progress of long work arrives here in later issues). */
export interface AppEvents {
  'data:changed': { readonly version: number };
}

/** What the preload puts on `window.api`: the raw envelope, unwrapped by the renderer client. */
export interface WindowApi {
  invoke<M extends ApiMethod>(method: M, input: unknown): Promise<Result<ApiResults[M]>>;
  on<E extends keyof AppEvents>(event: E, listener: (payload: AppEvents[E]) => void): () => void;
}
