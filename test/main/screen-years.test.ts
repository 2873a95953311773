import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AssignPreview } from '@shared/api/contract';
import { CURRENT_SCHEMA_VERSION } from '@shared/storage/types';
import type { Visit } from '@shared/visits/types';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME, LowdbStore } from '../../main/server/storage/lowdb-store';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();
const NOW = new Date('2027-03-20T08:00:00Z');

/** A done visit of `year` (smallDoc's plan year is 2027). */
function doneVisit(year: number, i: number): Visit {
  const day = `${year}-05-${String(i + 1).padStart(2, '0')}`;
  return {
    id: `V-${year}-${i}`,
    entityId: 'e1',
    cadreId: 'c1',
    plannedDate: day,
    doneDate: day,
    type: '现场',
    checklist: [],
    problems: [],
    notes: '',
  };
}

describe('screens that use no 督导 and the past years (handlers/years.ts, docs/performance.md)', () => {
  it('首页概览’s 作战图 (and its changes) and 包保关系’s reads on opening read no past year: at cityInUse reading one whole took 2.7–2.8 CPU s', async () => {
    const dir = await newDir();
    const doc = smallDoc();
    doc.visits = [2025, 2026, 2027].flatMap((year) => [0, 1].map((i) => doneVisit(year, i)));
    // Written as the app writes it: split into its files, each year its own.
    await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify({ ...doc, schemaVersion: CURRENT_SCHEMA_VERSION - 1 }));
    await (await LowdbStore.open(dir)).close();

    const { handlers, store } = await openServices(dir, { now: () => NOW });
    expect(store.unreadYears).toEqual([2025, 2026]);
    expect(await dispatch(handlers, 'battlemap:get', {})).toMatchObject({ ok: true, value: { map: null } });
    expect(
      await dispatch(handlers, 'battlemap:create', {
        planStart: '2027-03-01',
        finalDeadline: '2027-12-31',
        mode: 'forward',
        dispatchWeekday: 5,
      }),
    ).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'battlemap:export', {})).toMatchObject({ ok: true });
    expect(store.unreadYears).toEqual([2025, 2026]);
    // 包保关系's reads at each opening (at cityInUse the first read 2025 whole: 2,678 CPU ms).
    expect(await dispatch(handlers, 'assign:violations', { kinds: [], regionId: '' })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'assign:loads', {})).toMatchObject({ ok: true });
    expect(store.unreadYears).toEqual([2025, 2026]);
    await store.close();
  });

  it('包保关系’s changes (auto-assign, 调整, 解除, 干部变动), a 主体变动 report and a list export read no past year', async () => {
    const dir = await newDir();
    const doc = smallDoc();
    doc.visits = [2025, 2026, 2027].flatMap((year) => [0, 1].map((i) => doneVisit(year, i)));
    doc.entityChanges = [{ id: 'S1', entityId: 'e2', on: '2027-03-10', kind: '停业', from: '在营', to: '停业', reportedOn: '' }];
    await writeFile(path.join(dir, DATA_FILE_NAME), JSON.stringify({ ...doc, schemaVersion: CURRENT_SCHEMA_VERSION - 1 }));
    await (await LowdbStore.open(dir)).close();

    const { handlers, store } = await openServices(dir, { now: () => NOW });
    expect(store.unreadYears).toEqual([2025, 2026]);
    const preview = await dispatch(handlers, 'assign:preview', {});
    if (!preview.ok) throw new Error(preview.error.message);
    expect(await dispatch(handlers, 'assign:apply', { previewId: (preview.value as AssignPreview).previewId })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'assign:reassign', { entityIds: ['e1'], cadreId: 'c2' })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'assign:replaceCadre', { fromCadreId: 'c2', toCadreId: 'c1' })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'assign:release', { entityIds: ['e1'] })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'entityChanges:report', { id: 'S1', reportedOn: '2027-03-12' })).toMatchObject({ ok: true });
    for (const kind of ['entities', 'cadres', 'assignments'] as const)
      expect(await dispatch(handlers, 'export:list', { kind })).toMatchObject({ ok: true });
    expect(store.unreadYears).toEqual([2025, 2026]);
    await store.close();
  });
});
