import { useCallback, useMemo, useState } from 'react';

export interface Panel<T> {
  readonly open: boolean;
  /** Kept after closing, so a drawer or modal still shows its record during the close animation. */
  readonly target: T;
  readonly show: (target: T) => void;
  readonly hide: () => void;
}

/** Open/closed state of a drawer or modal together with the record it shows. */
export function usePanel<T>(initial: T): Panel<T> {
  const [state, setState] = useState({ open: false, target: initial });
  const show = useCallback((target: T) => setState({ open: true, target }), []);
  const hide = useCallback(() => setState((s) => ({ ...s, open: false })), []);
  return useMemo(() => ({ ...state, show, hide }), [state, show, hide]);
}
