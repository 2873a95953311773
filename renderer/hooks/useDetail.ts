import type { ApiInput, ApiResults } from '@shared/api/contract';
import { useApiQuery } from '../api/queries';

type DetailMethod = 'entities:get' | 'cadres:get';

/** Loads one record for a detail drawer; it reads again by itself after a change to its domain. */
export function useDetail<M extends DetailMethod>(method: M, id: string | null): { detail: ApiResults[M] | null; error: string } {
  // Every DetailMethod takes { id }; TypeScript cannot see that through the generic M.
  const { result, error } = useApiQuery(method, { id: id ?? '' } as ApiInput<M>, { enabled: id !== null, keepPrevious: false });
  return { detail: id === null ? null : result, error };
}
