import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiMethod } from '@shared/api/contract';
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
 * slower search never overwrites a newer one), loading and the error in Chinese. Cached under
 * `[method, 'search', ...inputs, text]`, so a change to the method's domain refreshes it.
 */
export function useSearchOptions<O>(
  method: ApiMethod,
  inputs: readonly unknown[],
  search: (query: string) => Promise<{ options: O[]; total: number }>,
): SearchOptions<O> {
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 250);
  const found = useQuery({
    queryKey: [method, 'search', ...inputs, query],
    queryFn: () => search(query),
    placeholderData: keepPreviousData,
  });
  return {
    options: found.data?.options ?? [],
    total: found.data?.total ?? 0,
    loading: found.isFetching,
    error: found.error ? errorText(found.error) : '',
    query,
    setText,
  };
}
