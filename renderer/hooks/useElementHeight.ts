import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * Tracks an element's height. The virtual tables need a pixel height for `scroll.y`, so the
 * list pages measure the space left under the toolbar and hand it to the table.
 */
export function useElementHeight<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, height];
}
