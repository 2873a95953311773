import type { DataDoc } from '@shared/storage/types';
import { PLACEMENT, type Key } from './layout';

/** What a change could have altered: the parts it read or wrote, and the records of yearly parts it reached. */
export interface Touched {
  readonly keys: Set<Key>;
  /** Per yearly part, every record the change got from its list (by index, as find, filter and for…of do). */
  readonly reached: Map<Key, Set<object>>;
}

/**
 * The document as a change sees it, noting which parts the change uses, so that a save writes only
 * their files (docs/architecture.md#data-files). Any use of a part counts, reading included: a
 * change that never touches `visits` cannot have altered a visit. For a yearly part the records the
 * change reached are noted too: the save writes only their years (and those whose list changed).
 * Only the top of the document and the yearly lists are wrapped; the records are the document's
 * own objects, so identity (indexOf, Map keys, ===) and structuredClone work as on the document.
 */
export function track(doc: DataDoc): { doc: DataDoc; touched: Touched } {
  const touched: Touched = { keys: new Set(), reached: new Map() };
  const lists = new Map<unknown[], unknown[]>();
  const listProxy = (key: Key, list: unknown[]): unknown[] => {
    let proxy = lists.get(list);
    if (proxy) return proxy;
    let reached = touched.reached.get(key);
    if (!reached) touched.reached.set(key, (reached = new Set()));
    const seen = reached;
    proxy = new Proxy(list, {
      get(target, property, receiver) {
        if (typeof property === 'string' && isIndex(property)) {
          const record = target[property as unknown as number];
          if (typeof record === 'object' && record !== null) seen.add(record);
          return record;
        }
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    lists.set(list, proxy);
    return proxy;
  };
  const tracked = new Proxy(doc, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof property !== 'string' || !(property in PLACEMENT)) return value;
      const key = property as Key;
      touched.keys.add(key);
      return PLACEMENT[key].kind === 'yearly' && Array.isArray(value) ? listProxy(key, value) : value;
    },
    set(target, property, value) {
      if (typeof property === 'string' && property in PLACEMENT) touched.keys.add(property as Key);
      return Reflect.set(target, property, value);
    },
    deleteProperty(target, property) {
      if (typeof property === 'string' && property in PLACEMENT) touched.keys.add(property as Key);
      return Reflect.deleteProperty(target, property);
    },
    defineProperty(target, property, descriptor) {
      if (typeof property === 'string' && property in PLACEMENT) touched.keys.add(property as Key);
      return Reflect.defineProperty(target, property, descriptor);
    },
  });
  return { doc: tracked, touched };
}

function isIndex(property: string): boolean {
  const first = property.charCodeAt(0);
  return first >= 48 && first <= 57;
}
