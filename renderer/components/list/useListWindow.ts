import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiInput, ApiResults } from '@shared/api/contract';
import { api } from '../../api/client';
import { errorText } from '../../api/error-text';
import { prefetchAnswer, readOnOpen } from '../../api/queries';

export type WindowMethod = 'entities:query' | 'cadres:query' | 'visits:query';
type RowOf<M extends WindowMethod> = ApiResults[M]['rows'][number];
/** The filters and sort of a list, without the window (the hook adds it). */
export type ListInput<M extends WindowMethod> = Omit<ApiInput<M>, 'offset' | 'limit'>;

/** Rows per request: a screenful is about 15, so one or two blocks cover what shows. */
export const BLOCK_ROWS = 100;

/** A row of the list not fetched yet (scrolled to faster than it arrived). */
export interface PendingRow {
  readonly id: string;
  readonly pending: true;
}

export function isPending<Row extends object>(row: Row | PendingRow): row is PendingRow {
  return 'pending' in row;
}

export interface ListWindow<M extends WindowMethod> {
  /** One entry per match (`total` of them); rows not fetched yet are PendingRow. */
  readonly rows: readonly (RowOf<M> | PendingRow)[];
  readonly total: number | null;
  /** The first block's whole answer (the count, and what else the method sends with it, e.g. the 督导 figures). */
  readonly answer: ApiResults[M] | null;
  /** True while the list for new filters is on its way (the previous one still shows). */
  readonly loading: boolean;
  readonly error: string;
  readonly reload: () => void;
  /** The table reports the rows on screen; the blocks around them are fetched. */
  readonly showRows: (first: number, last: number) => void;
}

/** The input of one block of a list's rows. */
function windowInput<M extends WindowMethod>(input: ListInput<M>, block: number): ApiInput<M> {
  return { ...input, offset: block * BLOCK_ROWS, limit: BLOCK_ROWS } as ApiInput<M>;
}

/** Asks for a list's first block ahead of the screen showing it (under the key useListWindow reads). */
export function prefetchWindow<M extends WindowMethod>(method: M, input: ListInput<M>): void {
  prefetchAnswer(method, windowInput(input, 0));
}

/**
 * A 主体/干部/督导 list fetched by the window the virtual table shows: one request of BLOCK_ROWS rows
 * (with the count of every match) for the top, more only as the clerk scrolls. Each block is
 * cached under `[method, {...input, offset, limit}]`; a new search starts again at the top.
 * `readOnOpen`: the top is read again each time the screen opens (a change made elsewhere shows);
 * `enabled: false`: nothing is asked yet (the input is not known).
 */
export function useListWindow<M extends WindowMethod>(
  method: M,
  input: ListInput<M>,
  options: { readonly readOnOpen?: boolean; readonly enabled?: boolean } = {},
): ListWindow<M> {
  const inputKey = JSON.stringify(input);
  // Callers build the input each render; what counts is its content.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- inputKey is the input's content
  const stableInput = useMemo(() => input, [inputKey]);
  const [shown, setShown] = useState({ inputKey, first: 0, last: 0 });
  // New filters: back to the top (the table scrolls there too).
  const range = shown.inputKey === inputKey ? shown : { inputKey, first: 0, last: 0 };
  const blockInput = useCallback((block: number) => windowInput(stableInput, block), [stableInput]);

  // The first block always: it carries the count, and keeps the previous list on screen until the new one comes.
  const head = useQuery({
    queryKey: [method, blockInput(0)],
    queryFn: () => api(method, blockInput(0)),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
    ...(options.readOnOpen ? { refetchOnMount: readOnOpen } : {}),
  });
  const firstBlock = Math.floor(range.first / BLOCK_ROWS);
  const lastBlock = Math.floor(range.last / BLOCK_ROWS);
  const rest = useQueries({
    queries: Array.from({ length: lastBlock - Math.max(firstBlock, 1) + 1 }, (_, i) => Math.max(firstBlock, 1) + i).map((block) => ({
      queryKey: [method, blockInput(block)],
      queryFn: () => api(method, blockInput(block)),
      enabled: !head.isPlaceholderData && block * BLOCK_ROWS < (head.data?.total ?? 0),
    })),
  });

  // One placeholder per index for the hook's life: a row not fetched yet is the same object in every
  // list built, as a fetched row is while its block's answer has not changed (the query cache keeps
  // such rows as they were), so the virtual table re-renders only rows that did change, not every one.
  const placeholders = useRef<PendingRow[]>([]);
  const total = head.data?.total ?? null;
  const headRows = head.data?.rows;
  const restRows = rest.map((q) => q.data?.rows);
  const restKey = rest.map((q) => q.dataUpdatedAt).join();
  const rows = useMemo(() => {
    const all: (RowOf<M> | PendingRow)[] = [];
    if (total === null || !headRows) return all;
    const fetched = new Map<number, readonly RowOf<M>[]>([[0, headRows as readonly RowOf<M>[]]]);
    restRows.forEach((block, i) => block && fetched.set(Math.max(firstBlock, 1) + i, block as readonly RowOf<M>[]));
    const count = head.isPlaceholderData ? headRows.length : total;
    for (let index = 0; index < count; index++) {
      const block = fetched.get(Math.floor(index / BLOCK_ROWS));
      all.push(block?.[index % BLOCK_ROWS] ?? (placeholders.current[index] ??= { id: `pending-${index}`, pending: true }));
    }
    return all;
    // restRows is a new array each render; restKey says when one of its blocks changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [total, headRows, restKey, firstBlock, head.isPlaceholderData]);

  const showRows = useCallback(
    (first: number, last: number) =>
      setShown((now) => {
        const same =
          now.inputKey === inputKey &&
          Math.floor(now.first / BLOCK_ROWS) === Math.floor(first / BLOCK_ROWS) &&
          Math.floor(now.last / BLOCK_ROWS) === Math.floor(last / BLOCK_ROWS);
        return same ? now : { inputKey, first, last };
      }),
    [inputKey],
  );

  const failed = head.error ?? rest.find((q) => q.error)?.error;
  return {
    rows,
    total,
    answer: head.data ?? null,
    // New filters or a first read, not a refresh after a change: the rows on screen stay as they are
    // (a saved row already shows its new values, queries.ts) and the table is not drawn again twice.
    loading: head.isPlaceholderData || head.isLoading,
    error: failed ? errorText(failed) : '',
    reload: () => {
      void head.refetch();
      for (const q of rest) void q.refetch();
    },
    showRows,
  };
}
