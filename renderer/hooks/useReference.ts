import { useCallback, useEffect, useState } from 'react';
import type { ApiInput, ApiResults } from '@shared/api/contract';
import { api } from '../api/client';
import { errorText } from '../api/error-text';

type ReferenceMethod = 'regions:list' | 'regulators:list';

export interface ReferenceState<M extends ReferenceMethod> {
  readonly value: ApiResults[M] | null;
  readonly error: string;
  readonly reload: () => void;
}

/** Reference data that takes no input (regions, regulators), loaded once per mount. */
export function useReference<M extends ReferenceMethod>(method: M): ReferenceState<M> {
  const [value, setValue] = useState<ApiResults[M] | null>(null);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    // Every ReferenceMethod takes no input; TypeScript cannot see that through the generic M.
    api(method, {} as ApiInput<M>).then(
      (v) => {
        if (!live) return;
        setValue(v);
        setError('');
      },
      (e: unknown) => {
        if (live) setError(errorText(e));
      },
    );
    return () => {
      live = false;
    };
  }, [method, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { value, error, reload };
}
