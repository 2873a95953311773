import { useCallback, useEffect, useState } from 'react';
import { isScreenKey, type ScreenKey } from '../navigation/screens';

// 首页概览 is still being built, so the app opens on the first working list.
const DEFAULT_SCREEN: ScreenKey = 'entities';

function screenFromHash(): ScreenKey {
  const key = window.location.hash.replace(/^#\/?/, '');
  return isScreenKey(key) ? key : DEFAULT_SCREEN;
}

/** The current screen, kept in location.hash (#/entities) so a reload stays on it. */
export function useHashScreen(): [ScreenKey, (next: ScreenKey) => void] {
  const [screen, setScreen] = useState(screenFromHash);
  useEffect(() => {
    // A bare or unknown address is rewritten to the screen shown, without a history entry.
    const shown = `#/${screenFromHash()}`;
    if (window.location.hash !== shown) window.history.replaceState(null, '', shown);
    const onHashChange = () => setScreen(screenFromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const navigate = useCallback((next: ScreenKey) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [screen, navigate];
}
