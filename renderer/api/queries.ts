import { keepPreviousData, QueryClient, useQuery, type Query, type QueryKey } from '@tanstack/react-query';
import { entityRow, type ApiInput, type ApiMethod, type ApiResults } from '@shared/api/contract';
import { RegionIndex } from '@shared/domain/regions';
import type { Entity } from '@shared/domain/schemas';
import { api, onApiSuccess } from './client';
import { errorText } from './error-text';

/**
 * The renderer's cache of answers, keyed by `[method, input]`. Answers stay fresh until a change
 * (any call that is not a read, see INVALIDATES) marks the domains it touches stale; screens on
 * show then read again, others when they next open.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: Infinity,
      // A refused call is shown with its Chinese reason at once; the clerk retries.
      retry: false,
      refetchOnWindowFocus: false,
      // A list's answer is a few kB; nothing is kept for screens closed longer than this.
      gcTime: 5 * 60_000,
    },
  },
});

/** Actions that only read: calling them changes nothing, so they invalidate nothing. */
const READ_ACTIONS = new Set([
  'info',
  'list',
  'get',
  'query',
  'overview',
  'breakdown',
  'weekly',
  'loads',
  'preview',
  'progress',
  'columns',
  'templates',
  'errorReport',
  'download',
  'export',
  'exportAll',
  'view',
  'current',
  'violations',
  'openProblems',
  'received',
  'cancel',
  // 下发包: made, or read to show what taking it in would do.
  'exportDown',
  'previewDown',
]);

const EVERYTHING = ['*'] as const;

/**
 * What a change touches: the prefix of a changing method → the prefixes of the queries to read
 * again after it succeeds. A prefix not listed (a bulk change: 导入, 恢复, 示例数据) refreshes
 * everything.
 */
export const INVALIDATES: Readonly<Record<string, readonly string[]>> = {
  entities: [
    'entities',
    'cadres',
    'regulators',
    'stats',
    'assign',
    'visits',
    'problems',
    'battlemap',
    'letters',
    'handbook',
    'log',
    'app',
    'entityChanges',
  ],
  cadres: [
    'cadres',
    'entities',
    'stats',
    'assign',
    'visits',
    'problems',
    'letters',
    'handbook',
    'inspections',
    'log',
    'app',
    'entityChanges',
  ],
  regions: ['regions', 'entities', 'cadres', 'regulators', 'stats', 'assign', 'visits', 'problems', 'log', 'entityChanges'],
  regulators: ['regulators', 'entities', 'log'],
  assign: ['entities', 'cadres', 'assign', 'stats', 'visits', 'problems', 'letters', 'handbook', 'log', 'entityChanges'],
  visits: ['visits', 'problems', 'stats', 'battlemap', 'handbook', 'log'],
  problems: ['problems', 'visits', 'stats', 'handbook', 'log'],
  inspections: ['inspections', 'log'],
  entityChanges: ['entityChanges', 'log'],
  battlemap: ['battlemap', 'stats', 'log'],
  calendar: ['calendar', 'battlemap', 'visits', 'problems', 'profile', 'entityChanges'],
  profile: ['profile', 'stats', 'letters', 'handbook', 'visits', 'problems', 'assign', 'log', 'app', 'entityChanges'],
  export: ['export'],
  handbook: EVERYTHING,
  import: EVERYTHING,
  backup: EVERYTHING,
  package: EVERYTHING,
};

/** Changes that touch less than the rest of their prefix: a backup made adds a backup and a log entry, while a restore replaces everything. */
const INVALIDATES_METHOD: Readonly<Partial<Record<ApiMethod, readonly string[]>>> = {
  'backup:create': ['backup', 'log'],
};

/** The query prefixes a successful call of `method` makes stale (none for a read). */
export function invalidatedBy(method: ApiMethod): readonly string[] {
  const [prefix = '', action = ''] = method.split(':');
  if (READ_ACTIONS.has(action)) return [];
  return INVALIDATES_METHOD[method] ?? INVALIDATES[prefix] ?? EVERYTHING;
}

function methodOf(key: QueryKey): string {
  return typeof key[0] === 'string' ? key[0] : '';
}

/**
 * A saved 主体 shown at once where it is on screen — its drawer (`entities:get`) and the list windows
 * holding its row — before those are read again: the drawer and the row show the new values while the
 * refresh is on its way. The refresh still comes (INVALIDATES) and puts right what is worked out only on
 * the service (the rules' flags, the row's place in a sorted or filtered list).
 */
function showSavedEntity(saved: Entity): void {
  const regions = queryClient.getQueryData<ApiResults['regions:list']>(['regions:list', {}]);
  const savedPath = regions ? new RegionIndex(regions).path(saved.regionId) : null;
  const regionPath = (before: string) => savedPath ?? before;
  queryClient.setQueryData<ApiResults['entities:get']>(['entities:get', { id: saved.id }], (detail) => {
    if (!detail) return detail;
    const regulators = queryClient.getQueryData<ApiResults['regulators:list']>(['regulators:list', {}]);
    const regulator =
      saved.regulatorId === detail.entity.regulatorId ? detail.regulator : (regulators?.find((r) => r.id === saved.regulatorId) ?? null);
    return { ...detail, entity: saved, regionPath: regionPath(detail.regionPath), regulator };
  });
  for (const [key, answer] of queryClient.getQueriesData<ApiResults['entities:query']>({ queryKey: ['entities:query'] })) {
    const row = answer?.rows.find((r) => r.id === saved.id);
    if (!answer || !row) continue;
    const shown = entityRow(saved, regionPath(row.regionPath), row.cadreName);
    queryClient.setQueryData(key, { ...answer, rows: answer.rows.map((r) => (r === row ? shown : r)) });
  }
}

onApiSuccess((method, value) => {
  // Before the reads are made stale below: setting an answer would count as reading it afresh.
  if (method === 'entities:save') showSavedEntity(value as Entity);
  const prefixes = invalidatedBy(method);
  if (prefixes.length === 0) return;
  const all = prefixes.includes('*');
  void queryClient.invalidateQueries({ predicate: (query) => all || prefixes.includes(methodOf(query.queryKey).split(':')[0] ?? '') });
});

/**
 * Shows a change's answer at once where it is the new value of a read (a 作战图 change answers with
 * the recomputed view): the screens showing that read update without waiting for it again.
 */
export function showAnswer<M extends ApiMethod>(method: M, input: ApiInput<M>, value: ApiResults[M]): void {
  queryClient.setQueryData([method, input], value);
}

/**
 * One read through the cache for a form that starts from it when it opens (the editor's choice is
 * its own from then on): the cached answer while fresh, the services' otherwise.
 */
export function readAnswer<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiResults[M]> {
  return queryClient.fetchQuery({ queryKey: [method, input], queryFn: () => api(method, input) });
}

/**
 * Asks for an answer ahead of the screen that reads it (a screen's first reads go out as it is opened,
 * beside its chunk, docs/performance.md); the screen then finds it cached or on its way under the same
 * key. `readOnOpen`: for a read the screen makes each time it opens, asked again unless already read
 * since the screen opened (as `readOnOpen` below decides on mounting, which then finds it read or on its way).
 */
export function prefetchAnswer<M extends ApiMethod>(method: M, input: ApiInput<M>, options: { readonly readOnOpen?: boolean } = {}): void {
  void queryClient.prefetchQuery({
    queryKey: [method, input],
    queryFn: () => api(method, input),
    ...(options.readOnOpen ? { staleTime: (query: Pick<Query, 'state'>) => (readOnOpen(query) === 'always' ? 0 : Infinity) } : {}),
  });
}

/** When the screen on show was opened (useHashScreen notes it). */
let screenOpenedAt = Date.now();

/** Another screen is on show: what is read on opening a screen is asked again as it mounts. */
export function noteScreenOpened(): void {
  screenOpenedAt = Date.now();
}

/**
 * refetchOnMount of the reads made each time their screen opens: again unless already read since the
 * screen opened (read beside app:info as the app started, or by another part of the same screen);
 * a read a change made stale is read again either way.
 */
export function readOnOpen(query: Pick<Query, 'state'>): boolean | 'always' {
  return query.state.dataUpdatedAt >= screenOpenedAt ? true : 'always';
}

export interface ApiQueryState<T> {
  readonly result: T | null;
  /** True while an answer for the current input is awaited (the previous one may still show). */
  readonly loading: boolean;
  readonly error: string;
  /** Reads again (after 重试), keeping what is shown until the answer comes. */
  readonly reload: () => void;
}

/**
 * One read, cached under `[method, input]`: the same input is never asked twice while fresh, an
 * answer to an outdated input is never shown, and the previous answer stays on screen while the
 * next is on its way (a list does not flash empty between searches).
 */
export function useApiQuery<M extends ApiMethod>(
  method: M,
  input: ApiInput<M>,
  options: {
    readonly enabled?: boolean;
    /** false: one record's view, never shown for another */
    readonly keepPrevious?: boolean;
    /** Read again each time the screen opens (showing the cached answer meanwhile): for figures a job or another window may change. */
    readonly readOnOpen?: boolean;
    /** Read again every `ms` while `until` is not yet true of the answer: how far a job has got. */
    readonly poll?: { readonly ms: number; readonly until: (answer: ApiResults[M]) => boolean };
  } = {},
): ApiQueryState<ApiResults[M]> {
  const { poll } = options;
  const query = useQuery({
    queryKey: [method, input],
    queryFn: () => api(method, input),
    placeholderData: options.keepPrevious === false ? undefined : keepPreviousData,
    enabled: options.enabled ?? true,
    ...(options.readOnOpen ? { refetchOnMount: readOnOpen } : {}),
    ...(poll
      ? { refetchInterval: (q: { state: { data?: ApiResults[M] } }) => (q.state.data && poll.until(q.state.data) ? false : poll.ms) }
      : {}),
  });
  return {
    result: query.data ?? null,
    // Read only when asked: the query cache re-renders a component for what it read, so one that shows
    // no spinner is not drawn again each time its answer is read again unchanged (a reference list after a save).
    get loading() {
      return query.isFetching;
    },
    error: query.error ? errorText(query.error) : '',
    reload: () => void query.refetch(),
  };
}
