import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiResults } from '@shared/api/contract';
import { api } from '../api/client';
import { errorText } from '../api/error-text';

type ListMethod = 'entities:query' | 'cadres:query' | 'log:list' | 'regulators:overview';

export interface ListQueryState<M extends ListMethod> {
  readonly result: ApiResults[M] | null;
  readonly loading: boolean;
  readonly error: string;
  /** Runs the same query again (after a save or delete), keeping the rows until the answer comes. */
  readonly reload: () => void;
}

/**
 * Runs a list query whenever `query` changes identity (callers memoise it); answers to outdated
 * filters are dropped.
 */
export function useListQuery<M extends ListMethod>(method: M, query: ApiInput<M>): ListQueryState<M> {
  const [result, setResult] = useState<ApiResults[M] | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    api(method, query).then(
      (value) => {
        if (ticket !== latest.current) return;
        setResult(value);
        setError('');
        setLoading(false);
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(errorText(e));
        setLoading(false);
      },
    );
  }, [method, query, round]);

  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { result, loading, error, reload };
}
