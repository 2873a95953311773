import type { ApiClient, ApiMethod, ApiResults, Result } from '@shared/api/contract';
import { unwrap } from '@shared/api/result';

/**
 * The renderer's only way to the services. Inside Electron it goes through the preload's IPC
 * bridge; in the web harness through POST /api/<method>. Either way it returns the value or
 * throws an ApiError whose message is ready to show.
 */
export const api: ApiClient = async (method, input) => {
  const result = window.api ? await window.api.invoke(method, input) : await invokeOverHttp(method, input);
  const value = unwrap(result);
  for (const listener of successListeners) listener(method, value);
  return value;
};

type SuccessListener = <M extends ApiMethod>(method: M, value: ApiResults[M]) => void;
const successListeners = new Set<SuccessListener>();

/**
 * Calls `listener` with the method and its answer after every call that succeeded (the query cache
 * shows a saved record at once and refreshes what a change touched).
 */
export function onApiSuccess(listener: SuccessListener): () => void {
  successListeners.add(listener);
  return () => void successListeners.delete(listener);
}

/** The secret the web harness puts into index.html for this start; every call sends it back. */
function harnessToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="api-token"]')?.content ?? '';
}

async function invokeOverHttp<M extends ApiMethod>(method: M, input: unknown): Promise<Result<ApiResults[M]>> {
  let response: Response;
  try {
    response = await fetch(`./api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-token': harnessToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: '无法连接后台服务，请确认 npm run web 仍在运行后刷新页面' } };
  }
  return (await response.json()) as Result<ApiResults[M]>;
}
