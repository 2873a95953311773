import { useCallback, useEffect, useState } from 'react';
import type { BattleMapView } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';

export interface BattleMapState {
  readonly view: BattleMapView | null;
  readonly loading: boolean;
  readonly error: string;
  readonly reload: () => void;
  /** Every 作战图 change answers with the recomputed view: it replaces the one shown. */
  readonly show: (view: BattleMapView) => void;
}

/** The 作战图 with its schedule, read on mount and on reload. */
export function useBattleMap(): BattleMapState {
  const [view, setView] = useState<BattleMapView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState('');
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    api('battlemap:get', {}).then(
      (value) => {
        if (!live) return;
        setView(value);
        setError('');
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(errorText(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  const show = useCallback((next: BattleMapView) => {
    setView(next);
    setError('');
  }, []);
  return { view, loading, error, reload, show };
}
