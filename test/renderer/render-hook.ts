import { QueryClientProvider } from '@tanstack/react-query';
import { act, createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient } from '../../renderer/api/queries';

// React's act() warns unless the environment says it is a test.
Object.assign(globalThis, { IS_REACT_ACT_ENVIRONMENT: true });

export interface RenderedHook<T> {
  /** The hook's answer at its latest render. */
  readonly now: () => T;
  /** How many times the component holding it rendered. */
  readonly renders: () => number;
  readonly unmount: () => void;
}

/** Renders `hook` in a component under the app's query cache (happy-dom), as a screen would. */
export async function renderHook<T>(hook: () => T): Promise<RenderedHook<T>> {
  let latest: T | undefined;
  let renders = 0;
  function Probe() {
    latest = hook();
    renders++;
    return null;
  }
  const root = createRoot(document.createElement('div'));
  await act(async () => root.render(createElement(QueryClientProvider, { client: queryClient }, createElement(Probe))));
  return { now: () => latest as T, renders: () => renders, unmount: () => act(() => root.unmount()) };
}

/** Lets the bridge's answers arrive and React render them. */
export const settle = (): Promise<void> => act(() => new Promise<void>((resolve) => setTimeout(resolve, 20)));
