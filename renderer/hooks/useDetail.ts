import { useEffect, useState } from 'react';
import type { ApiInput, ApiResults } from '@shared/api/contract';
import { api } from '../api/client';
import { errorText } from '../api/error-text';

type DetailMethod = 'entities:get' | 'cadres:get';

/** Loads one record for a detail drawer; `round` changes force a fresh load after an edit. */
export function useDetail<M extends DetailMethod>(method: M, id: string | null, round: number): { detail: ApiResults[M] | null; error: string } {
  const [detail, setDetail] = useState<ApiResults[M] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    if (id === null) return undefined;
    let live = true;
    setError('');
    // Every DetailMethod takes { id }; TypeScript cannot see that through the generic M.
    api(method, { id } as ApiInput<M>).then(
      (value) => {
        if (live) setDetail(value);
      },
      (e: unknown) => {
        if (live) setError(errorText(e));
      },
    );
    return () => {
      live = false;
    };
  }, [method, id, round]);
  // A different record than the one asked for is never shown, not even for a moment.
  const current = detail && id !== null && recordId(detail) === id ? detail : null;
  return { detail: current, error };
}

function recordId(detail: ApiResults[DetailMethod]): string {
  return 'entity' in detail ? detail.entity.id : detail.cadre.id;
}
