import type { ApiInput, ApiResults } from '@shared/api/contract';
import { useApiQuery, type ApiQueryState } from '../api/queries';

type ListMethod = 'log:list' | 'regulators:overview';

/** A whole list read at once (操作日志, 网格监管); the 主体 and 干部 lists read windows (useListWindow). */
export function useListQuery<M extends ListMethod>(method: M, query: ApiInput<M>): ApiQueryState<ApiResults[M]> {
  return useApiQuery(method, query);
}
