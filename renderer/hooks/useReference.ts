import type { ApiInput, ApiResults } from '@shared/api/contract';
import { useApiQuery } from '../api/queries';

type ReferenceMethod = 'regions:list' | 'regulators:list';

export interface ReferenceState<M extends ReferenceMethod> {
  readonly value: ApiResults[M] | null;
  readonly error: string;
  readonly reload: () => void;
}

/** Reference data that takes no input (regions, regulators): read once, shared by every screen until a change. */
export function useReference<M extends ReferenceMethod>(method: M): ReferenceState<M> {
  // Every ReferenceMethod takes no input; TypeScript cannot see that through the generic M.
  const { result, error, reload } = useApiQuery(method, {} as ApiInput<M>);
  return { value: result, error, reload };
}
