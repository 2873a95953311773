import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { noteScreenOpened } from '../api/queries';
import { isScreenKey, type ScreenKey } from '../navigation/screens';
import { hasUnsavedChanges, useConfirmDiscard } from '../navigation/unsaved';

// A bare address opens 首页概览.
const DEFAULT_SCREEN: ScreenKey = 'dashboard';

/** Filters handed to a screen in the address: #/entities?regionId=R1506&grades=B. */
export type HashParams = Readonly<Record<string, string>>;

function splitHash(): { key: string; query: string } {
  const text = window.location.hash.replace(/^#\/?/, '');
  const mark = text.indexOf('?');
  return mark < 0 ? { key: text, query: '' } : { key: text.slice(0, mark), query: text.slice(mark + 1) };
}

/** The screen the address names (首页概览 when none). */
export function screenFromHash(): ScreenKey {
  const { key } = splitHash();
  return isScreenKey(key) ? key : DEFAULT_SCREEN;
}

/** The query part of the address (what a screen was opened with), e.g. a drill-down's filters. */
export function hashParams(): URLSearchParams {
  return new URLSearchParams(splitHash().query);
}

/**
 * Drops the filters from the address once the clerk clears them on screen, so a reload shows the
 * list as they left it. No history entry and no hashchange: the screen stays as it is.
 */
export function forgetHashParams(): void {
  const { key } = splitHash();
  window.history.replaceState(window.history.state, '', `#/${key}`);
}

/** The address of a screen, optionally with filters for it. */
export function screenHash(screen: ScreenKey, params: HashParams = {}): string {
  const query = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
  return `#/${screen}${query ? `?${query}` : ''}`;
}

/** Opens a screen (with filters) from anywhere, e.g. a dashboard chart; adds a history entry. */
export function openScreen(screen: ScreenKey, params: HashParams = {}): void {
  window.location.hash = screenHash(screen, params);
}

/**
 * The current screen, kept in location.hash (#/entities) so a reload stays on it. The browser's
 * Back and Forward (a hashchange) ask 「放弃修改？」 like the menu does while a form holds changes.
 */
export function useHashScreen(onOpening?: (next: ScreenKey) => void): [ScreenKey, (next: ScreenKey) => void] {
  const [screen, setShownScreen] = useState(screenFromHash);
  const confirmDiscard = useConfirmDiscard();
  // What the hashchange listener (set up once) compares with and asks through.
  const shown = useRef(screen);
  const confirmRef = useRef(confirmDiscard);
  useLayoutEffect(() => {
    confirmRef.current = confirmDiscard;
  });
  const opening = useRef(onOpening);
  useLayoutEffect(() => {
    opening.current = onOpening;
  });
  // Noted before the screen renders: its reads made on opening it are asked again as they mount.
  // `onOpening` is told then too (the shell starts the screen's chunk and first reads).
  const setScreen = useCallback((next: ScreenKey) => {
    if (next !== shown.current) {
      noteScreenOpened();
      opening.current?.(next);
    }
    // At once, not when React has drawn it: the hashchange of this same navigation may come first,
    // while the form left behind still counts as unsaved, and must not ask about it again.
    shown.current = next;
    setShownScreen(next);
  }, []);
  // 放弃 was answered: the hashchange of going back to the screen asked for opens it.
  const discarded = useRef(false);
  useEffect(() => {
    // A bare or unknown address is rewritten to the screen shown, without a history entry;
    // a known screen keeps its query.
    const { key } = splitHash();
    if (!isScreenKey(key)) window.history.replaceState(null, '', screenHash(DEFAULT_SCREEN));
    const onHashChange = (event: HashChangeEvent) => {
      const next = screenFromHash();
      if (next === shown.current || !hasUnsavedChanges() || discarded.current) {
        discarded.current = false;
        setScreen(next);
        return;
      }
      // The address goes back to the screen with the form until the clerk answers, as a new entry:
      // the one the clerk went to stays in the history, so 继续编辑 then Back asks about it again
      // (rewriting it lost it: the next Back skipped that screen, or left the app), and 放弃 goes
      // back to it.
      window.history.pushState(null, '', new URL(event.oldURL).hash);
      confirmRef.current(true, () => {
        discarded.current = true;
        window.history.back();
      });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [setScreen]);
  const navigate = useCallback(
    (next: ScreenKey) => {
      openScreen(next);
      // At once, not on the hashchange that follows: the next click already sees the screen it opened.
      setScreen(screenFromHash());
    },
    [setScreen],
  );
  return [screen, navigate];
}
