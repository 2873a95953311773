import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiInput, ApiMethod, ApiResults, VisitRow } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export interface Scoped<T> {
  readonly regionId: string;
  readonly value: T;
  /** Milliseconds from asking to the answer (shown as a data attribute of the status line). */
  readonly ms: number;
}

export interface Loaded<T> {
  readonly value: T | null;
  readonly error: string;
}

/**
 * What 首页概览 reads. The scope's stats come first (the KPI cards paint as soon as they are in),
 * then its per-region breakdown (both memoised on the server); the 作战图, the cadre loads and
 * the year's visits (85,000 rows at city scale, for the weekly charts) are asked for only once
 * the stats are in, so they never hold up the KPIs.
 */
export function useDashboardData(regionId: string, years: readonly number[], round: number) {
  const stats = useScoped('stats:get', regionId, round);
  const breakdown = useScoped('stats:breakdown', regionId, round);
  const ready = stats.value !== null;
  const battle = useApiValue('battlemap:get', {}, ready, round);
  const loads = useApiValue('assign:loads', {}, ready, round);
  const visits = useVisits(years, ready && breakdown.value !== null, round);
  return { stats, breakdown, battle, loads, visits };
}

/** A scoped answer; null while the scope's answer is being read (never another scope's). */
function useScoped<M extends 'stats:get' | 'stats:breakdown'>(method: M, regionId: string, round: number): Loaded<Scoped<ApiResults[M]>> {
  const [answer, setAnswer] = useState<Scoped<ApiResults[M]> | null>(null);
  const [error, setError] = useState('');
  const latest = useRef(0);
  useEffect(() => {
    const ticket = ++latest.current;
    const started = performance.now();
    setError('');
    // Both methods take { regionId }; TypeScript cannot see that through the generic M.
    api(method, { regionId } as ApiInput<M>).then(
      (value) => {
        if (ticket === latest.current) setAnswer({ regionId, value, ms: Math.round(performance.now() - started) });
      },
      (e: unknown) => {
        if (ticket === latest.current) setError(errorText(e));
      },
    );
  }, [method, regionId, round]);
  return { value: answer?.regionId === regionId ? answer : null, error };
}

/** One answer, asked again when `round` changes; nothing is asked until `enabled`. */
export function useApiValue<M extends ApiMethod>(method: M, input: ApiInput<M>, enabled: boolean, round: number): Loaded<ApiResults[M]> {
  const [state, setState] = useState<Loaded<ApiResults[M]>>({ value: null, error: '' });
  // The inputs used here are constant objects; keyed on the method so a literal {} does not loop.
  const inputRef = useRef(input);
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    api(method, inputRef.current).then(
      (value) => live && setState({ value, error: '' }),
      (e: unknown) => live && setState((s) => ({ value: s.value, error: errorText(e) })),
    );
    return () => {
      live = false;
    };
  }, [method, enabled, round]);
  return state;
}

/** The visits of the given years, each year read once per round; a visit in two years counts once. */
function useVisits(years: readonly number[], enabled: boolean, round: number): Loaded<readonly VisitRow[]> & { readonly loading: boolean } {
  const [byYear, setByYear] = useState<ReadonlyMap<number, readonly VisitRow[]>>(new Map());
  const [error, setError] = useState('');
  const [loadedRound, setLoadedRound] = useState(round);
  const key = years.join(',');
  useEffect(() => {
    if (!enabled) return undefined;
    let live = true;
    const fresh = loadedRound !== round;
    const wanted = key === '' ? [] : key.split(',').map(Number);
    const missing = wanted.filter((y) => fresh || !byYear.has(y));
    if (missing.length === 0) return undefined;
    setError('');
    Promise.all(missing.map((year) => api('visits:list', { year, cadreId: '', entityId: '' }).then((rows) => [year, rows] as const))).then(
      (answers) => {
        if (!live) return;
        setByYear((before) => {
          const next = new Map(fresh ? [] : before);
          for (const [year, rows] of answers) next.set(year, rows);
          return next;
        });
        setLoadedRound(round);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
    // byYear is read only to skip years already held: a new answer must not start another request.
  }, [key, enabled, round]);

  const wanted = useMemo(() => (key === '' ? [] : key.split(',').map(Number)), [key]);
  const complete = loadedRound === round && wanted.every((y) => byYear.has(y));
  const value = useMemo(() => {
    if (!complete) return null;
    if (wanted.length === 1) return byYear.get(wanted[0]!) ?? [];
    const seen = new Set<string>();
    const rows: VisitRow[] = [];
    for (const year of wanted) {
      for (const row of byYear.get(year) ?? []) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        rows.push(row);
      }
    }
    return rows;
  }, [complete, wanted, byYear]);
  return { value, error, loading: enabled && !complete && !error };
}

export const useReloadRound = (): [number, () => void] => {
  const [round, setRound] = useState(0);
  return [round, useCallback(() => setRound((n) => n + 1), [])];
};
