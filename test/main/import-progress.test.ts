import { describe, expect, it } from 'vitest';
import type { ApiHandlers, ImportProgress } from '@shared/api/contract';
import { RegionIndex } from '@shared/domain/regions';
import { RECORD_DEFINITIONS } from '@shared/records';
import { planImport } from '@shared/records/import-plan';
import { RegionMatcher } from '@shared/records/region-match';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { csvOf } from './import-fixtures';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
/** The city's number of 主体: checking this many rows takes about a second. */
const CITY_ROWS = 21_893;

function cityRows(): string[][] {
  const rows = [['主体名称', '主体类型', '包保等级', '所属旗区', '乡镇（街道）', '村（社区）', '法定代表人', '联系电话']];
  for (let i = 1; i <= CITY_ROWS; i++)
    rows.push([`昭君第${i}号商店`, '个体工商户', 'D', '达拉特旗', '昭君镇', '和胜村', '刘军', `139${String(i).padStart(8, '0')}`]);
  return rows;
}

const cityFile = csvOf(cityRows(), 'utf8');

async function library(): Promise<ApiHandlers> {
  const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-03-15T09:00:00Z') });
  await store.replace(smallDoc());
  return handlers;
}

const upload = (previewId: string) => ({
  kind: 'entities' as const,
  fileName: '全市主体.csv',
  contentBase64: cityFile.toString('base64'),
  mapping: {},
  previewId,
});

interface Seen {
  /** When it was answered, in CPU milliseconds of this process (its reading thread included). */
  readonly cpuAt: number;
  readonly progress: ImportProgress | null;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Asks for the preview's progress every few milliseconds until `until` settles; each answer with its time. */
async function follow(
  handlers: ApiHandlers,
  previewId: string,
  until: Promise<unknown>,
  onAnswer?: (seen: Seen) => Promise<void> | void,
): Promise<Seen[]> {
  let settled = false;
  void until.then(
    () => (settled = true),
    () => (settled = true),
  );
  const seen: Seen[] = [];
  while (!settled) {
    const answer = await dispatch(handlers, 'import:progress', { previewId });
    if (!answer.ok) throw new Error(answer.error.message);
    const entry = { cpuAt: cpuMs(), progress: answer.value as ImportProgress | null };
    if (!settled) {
      seen.push(entry);
      await onAnswer?.(entry);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return seen;
}

const checking = (seen: readonly Seen[]) => seen.filter((s) => s.progress?.stage === 'checking');

describe('import preview progress', () => {
  it('answers other requests while the rows are checked, and reports progress up to the total', async () => {
    const handlers = await library();
    const preview = handlers['import:preview'](upload('P-city'));
    let infoBeforePreview = false;
    let asked = false;
    const seen = await follow(handlers, 'P-city', preview, async ({ progress }) => {
      if (progress?.stage !== 'checking' || asked) return;
      asked = true;
      let previewDone = false;
      void preview.then(() => (previewDone = true));
      await handlers['app:info']({});
      infoBeforePreview = !previewDone;
    });
    const result = await preview;

    expect(result.counts.add).toBe(CITY_ROWS);
    expect(infoBeforePreview).toBe(true);
    expect(seen[0]?.progress?.stage).toBe('reading');
    const during = checking(seen);
    // Many answers while the rows are checked, most within a slice of rows (a garbage collection may
    // hold one up). Counted in CPU time: other work on the machine stretches the wall clock, not this.
    expect(during.length).toBeGreaterThanOrEqual(10);
    const gaps = during
      .slice(1)
      .map((s, i) => s.cpuAt - (during[i]?.cpuAt ?? 0))
      .sort((a, b) => a - b);
    console.log(
      `import progress: ${during.length} answers while checking, median ${Math.round(gaps[Math.floor(gaps.length / 2)] ?? 0)} CPU ms apart`,
    );
    expect(gaps[Math.floor(gaps.length / 2)]).toBeLessThan(100);
    const done = during.map((s) => s.progress?.done ?? -1);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(during.map((s) => s.progress?.total))).toEqual(new Set([CITY_ROWS]));
    // Once returned, the preview is no longer being made.
    expect(await handlers['import:progress']({ previewId: 'P-city' })).toBeNull();
    expect((await handlers['import:commit']({ previewId: 'P-city', saveMapping: false })).added).toBe(CITY_ROWS);
  });

  it('pauses every few hundred rows and last at the total', async () => {
    const doc = smallDoc();
    const regions = new RegionIndex(doc.regions);
    let n = 0;
    const ctx = {
      doc,
      regions,
      matcher: new RegionMatcher(regions, doc.regions),
      today: '2027-03-01',
      newId: (p: string) => `${p}-${++n}`,
    };
    const rows = cityRows().slice(0, 1_201);
    const pauses: [number, number][] = [];
    const result = await planImport(RECORD_DEFINITIONS.entities, [{ name: 'S', rows }], ctx, {}, async (done, total) => {
      pauses.push([done, total]);
    });
    expect(result.ok).toBe(true);
    expect(pauses).toEqual([
      [500, 1_200],
      [1_000, 1_200],
      [1_200, 1_200],
    ]);
  });

  it('plans again when the library changes while the rows are checked', async () => {
    const handlers = await library();
    const preview = handlers['import:preview'](upload('P-changed'));
    let changed = false;
    const seen = await follow(handlers, 'P-changed', preview, async ({ progress }) => {
      if (changed || !progress || progress.stage !== 'checking' || progress.done < 1_000) return;
      changed = true;
      // The first row of the file now names a 主体 that exists: it must come out as an update.
      const { entity } = await handlers['entities:get']({ id: 'e2' });
      await handlers['entities:save']({ ...entity, name: '昭君第1号商店', regionId: 'hhc' });
    });
    const result = await preview;

    expect(changed).toBe(true);
    const done = checking(seen).map((s) => s.progress?.done ?? 0);
    expect(done.some((d, i) => i > 0 && d < (done[i - 1] ?? 0))).toBe(true);
    expect(result.rows[0]).toMatchObject({ row: 2, outcome: 'update', name: '昭君第1号商店' });
    expect(result.counts).toMatchObject({ add: CITY_ROWS - 1, update: 1 });
    // Made against the changed library, so it can be committed.
    expect(await handlers['import:commit']({ previewId: 'P-changed', saveMapping: false })).toMatchObject({
      added: CITY_ROWS - 1,
      updated: 1,
    });
  });

  it('gives up after three plans when the library changes during each', async () => {
    const handlers = await library();
    const preview = dispatch(handlers, 'import:preview', upload('P-busy'));
    const { entity } = await handlers['entities:get']({ id: 'e2' });
    let changes = 0;
    let changedThisPlan = false;
    let lastDone = 0;
    await follow(handlers, 'P-busy', preview, async ({ progress }) => {
      if (progress?.stage !== 'checking') return;
      if (progress.done < lastDone) changedThisPlan = false;
      lastDone = progress.done;
      if (changedThisPlan || progress.done < 1_000) return;
      changedThisPlan = true;
      changes++;
      await handlers['entities:save']({ ...entity, notes: `第 ${changes} 次修改` });
    });
    expect(changes).toBe(3);
    expect(await preview).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('核对期间数据一直在被修改') },
    });
  });

  it('stops a preview being made when it is cancelled, keeping nothing', async () => {
    const handlers = await library();
    const preview = dispatch(handlers, 'import:preview', upload('P-stop'));
    let cancelled = false;
    await follow(handlers, 'P-stop', preview, async ({ progress }) => {
      if (cancelled || progress?.stage !== 'checking') return;
      cancelled = true;
      await handlers['import:cancel']({ previewId: 'P-stop' });
    });
    expect(await preview).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('已取消这次预览') } });
    expect(await handlers['import:progress']({ previewId: 'P-stop' })).toBeNull();
    expect(await dispatch(handlers, 'import:commit', { previewId: 'P-stop' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // The id is free again for the next preview.
    expect((await handlers['import:preview'](upload('P-stop'))).counts.add).toBe(CITY_ROWS);
  });

  it('refuses a preview id already in use', async () => {
    const handlers = await library();
    const first = handlers['import:preview'](upload('P-twice'));
    expect(await dispatch(handlers, 'import:preview', upload('P-twice'))).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await first;
  });
});
