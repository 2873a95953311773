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
 * What 首页概览 reads, every figure computed and memoised on the server for the scope. The
 * scope's stats come first (the KPI cards paint as soon as they are in); the per-region
 * breakdown, the weekly 督导 series, the load bands and the 作战图 are asked for once they are,
 * so they never hold up the KPIs.
 */
export function useDashboardData(regionId: string, range: DashboardRange, round: number) {
  const stats = useAnswer('stats:get', { regionId }, true, round);
  const ready = stats.value !== null;
  const breakdown = useAnswer('stats:breakdown', { regionId }, ready, round);
  const weekly = useAnswer('stats:weekly', { regionId, from: range.from, to: range.to }, ready, round);
  const loads = useAnswer('stats:loads', { regionId }, ready, round);
  const battle = useAnswer('battlemap:get', {}, ready, round);
  return { stats, breakdown, weekly, loads, battle };
}

/**
 * One answer for an input; null while the answer for this very input is being read (never an
 * older input's). Asked again when the input or `round` changes, not before `enabled`.
 */
export function useAnswer<M extends ApiMethod>(method: M, input: ApiInput<M>, enabled: boolean, round: number): Loaded<Timed<ApiResults[M]>> {
  const key = JSON.stringify(input);
  const [answer, setAnswer] = useState<{ key: string; timed: Timed<ApiResults[M]> } | null>(null);
  const [error, setError] = useState('');
  const latest = useRef(0);
  // The input is rebuilt on every render; its JSON text is what identifies it.
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    if (!enabled) return;
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
  }, [method, key, enabled, round]);
  return { value: answer?.key === key ? answer.timed : null, error };
}

export const useReloadRound = (): [number, () => void] => {
  const [round, setRound] = useState(0);
  return [round, useCallback(() => setRound((n) => n + 1), [])];
};
