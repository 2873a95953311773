import type { BattleMapView } from '@shared/api/contract';
import { showAnswer, useApiQuery } from '../../api/queries';

export interface BattleMapState {
  readonly view: BattleMapView | null;
  readonly loading: boolean;
  readonly error: string;
  readonly reload: () => void;
  /** Every 作战图 change answers with the recomputed view: it replaces the one shown. */
  readonly show: (view: BattleMapView) => void;
}

const showView = (view: BattleMapView) => showAnswer('battlemap:get', {}, view);

/** The 作战图 with its schedule, read again each time the screen opens (another window or the CLI may have changed it). */
export function useBattleMap(): BattleMapState {
  const { result, loading, error, reload } = useApiQuery('battlemap:get', {}, { readOnOpen: true });
  return { view: result, loading, error, reload, show: showView };
}
