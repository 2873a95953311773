import { useEffect, useState } from 'react';
import type { ApiInput, ApiResults } from '@shared/api/contract';
import { api } from '../api/client';

type ReferenceMethod = 'regions:list' | 'regulators:list';

/** Reference data that takes no input (regions, regulators), loaded once per mount. */
export function useReference<M extends ReferenceMethod>(method: M): { value: ApiResults[M] | null; error: string } {
  const [value, setValue] = useState<ApiResults[M] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    // Every ReferenceMethod takes no input; TypeScript cannot see that through the generic M.
    api(method, {} as ApiInput<M>).then(
      (v) => {
        if (live) setValue(v);
      },
      (e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
  }, [method]);
  return { value, error };
}
