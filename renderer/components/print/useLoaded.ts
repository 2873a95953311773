import { useEffect, useState } from 'react';
import { errorText } from '../../api/error-text';

export interface Loaded<T> {
  readonly value: T | null;
  readonly error: string;
  readonly loading: boolean;
}

/** Loads what a print view shows whenever `key` changes; `load` null means nothing is chosen. */
export function useLoaded<T>(key: string, load: (() => Promise<T>) | null): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ value: null, error: '', loading: false });
  useEffect(() => {
    if (!load) {
      setState({ value: null, error: '', loading: false });
      return undefined;
    }
    let live = true;
    setState((s) => ({ ...s, error: '', loading: true }));
    load().then(
      (value) => live && setState({ value, error: '', loading: false }),
      (e: unknown) => live && setState({ value: null, error: errorText(e), loading: false }),
    );
    return () => {
      live = false;
    };
    // `key` names what `load` fetches; the function itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [key]);
  return state;
}
