import { useEffect, useRef, useState, type RefObject } from 'react';

/** Tracks an element's content box: the virtual tables and the chart need pixel sizes. */
export function useElementSize<T extends HTMLElement>(): [RefObject<T | null>, { readonly width: number; readonly height: number }] {
  const ref = useRef<T>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, size];
}
