import { useCallback, useEffect, useState } from 'react';
import { hashParams, screenHash, type HashParams } from '../../hooks/useHashScreen';
import type { ScreenKey } from '../../navigation/screens';

/**
 * What a print view shows lives in the address (#/letters?cadre=C00012), so Electron and the tests
 * can open it directly. Changing it replaces the address without a new history entry.
 */
export function useHashQuery(screen: ScreenKey): [URLSearchParams, (next: HashParams) => void] {
  const [query, setQuery] = useState(hashParams);
  useEffect(() => {
    const onHashChange = () => setQuery(hashParams());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const change = useCallback(
    (next: HashParams) => {
      window.history.replaceState(null, '', screenHash(screen, next));
      setQuery(hashParams());
    },
    [screen],
  );
  return [query, change];
}
