import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiInput, ApiMethod, ApiResults } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export interface Timed<T> {
  readonly value: T;
  /** Milliseconds from asking to the answer (shown as a data attribute of the status line). */
  readonly ms: number;
}

export interface Loaded<T> {
  readonly value: T | null;
  readonly error: string;
}

/** Date range of the weekly charts ('YYYY-MM-DD'); '' for both = the plan year. */
export interface DashboardRange {
  readonly from: string;
  readonly to: string;
}

/**
 * What 首页概览 reads, every figure computed and memoised on the server for the scope. All are
 * asked for at once, the scope's stats first: the server answers in order, so the KPI cards
 * paint while the charts' figures are still being worked out.
 */
export function useDashboardData(regionId: string, range: DashboardRange, round: number, year: number | null) {
  // year null: the plan year (the service's default), so the first answer needs no app:info.
  const stats = useAnswer('stats:get', year ? { regionId, year } : { regionId }, round);
  const breakdown = useAnswer('stats:breakdown', { regionId }, round);
  const weekly = useAnswer('stats:weekly', { regionId, from: range.from, to: range.to }, round);
  const loads = useAnswer('stats:loads', { regionId }, round);
  const battle = useAnswer('battlemap:get', {}, round);
  return { stats, breakdown, weekly, loads, battle };
}

/**
 * One answer for an input; null while the answer for this very input is being read (never an
 * older input's). Asked again when the input or `round` changes.
 */
export function useAnswer<M extends ApiMethod>(method: M, input: ApiInput<M>, round: number): Loaded<Timed<ApiResults[M]>> {
  const key = JSON.stringify(input);
  const [answer, setAnswer] = useState<{ key: string; timed: Timed<ApiResults[M]> } | null>(null);
  const [error, setError] = useState('');
  const latest = useRef(0);
  // The input is rebuilt on every render; its JSON text is what identifies it.
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    const ticket = ++latest.current;
    const started = performance.now();
    setError('');
    api(method, inputRef.current).then(
      (value) => {
        if (ticket === latest.current) setAnswer({ key, timed: { value, ms: Math.round(performance.now() - started) } });
      },
      (e: unknown) => {
        if (ticket === latest.current) setError(errorText(e));
      },
    );
  }, [method, key, round]);
  return { value: answer?.key === key ? answer.timed : null, error };
}

export const useReloadRound = (): [number, () => void] => {
  const [round, setRound] = useState(0);
  return [round, useCallback(() => setRound((n) => n + 1), [])];
};
