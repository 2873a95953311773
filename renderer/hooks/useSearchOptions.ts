import { useEffect, useRef, useState } from 'react';
import { errorText } from '../api/error-text';
import { useDebouncedValue } from './useDebouncedValue';

export interface SearchOptions<O> {
  readonly options: O[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: string;
  /** What the user typed, debounced into the search. */
  readonly query: string;
  readonly setText: (text: string) => void;
}

/**
 * The state behind a searching Select: debounced text, the latest answer only (an earlier,
 * slower search never overwrites a newer one), loading and the error in Chinese.
 */
export function useSearchOptions<O>(search: (query: string) => Promise<{ options: O[]; total: number }>, deps: readonly unknown[] = []): SearchOptions<O> {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 250);
  const [options, setOptions] = useState<O[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    setLoading(true);
    search(query).then(
      (found) => {
        if (ticket !== latest.current) return;
        setOptions(found.options);
        setTotal(found.total);
        setError('');
        setLoading(false);
      },
      (e: unknown) => {
        if (ticket !== latest.current) return;
        setError(errorText(e));
        setLoading(false);
      },
    );
    // `search` is rebuilt each render; what it depends on is passed in `deps`.
  }, [query, ...deps]);

  return { options, total, loading, error, query, setText };
}
