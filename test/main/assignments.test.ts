import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CadreSchema } from '@shared/domain/schemas';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function library() {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-04-10T09:00:00Z') });
  const doc = smallDoc();
  doc.cadres.push(CadreSchema.parse({ id: 'c3', name: '周强', level: 'township', regionId: 'zjz', phone: '13900000003' }));
  await store.replace(doc);
  return { handlers, dataFile: path.join(dir, DATA_FILE_NAME) };
}

describe('包保关系 services', () => {
  it('previews auto-assignment without writing, then applies it once with a log entry', async () => {
    const { handlers, dataFile } = await library();
    const before = await readFile(dataFile);
    const preview = await handlers['assign:preview']({ mode: 'unassigned', keepManual: true, reset: false });
    expect(preview.counts).toEqual({ assign: 1, move: 0, release: 0, unresolved: 0 });
    expect(preview.proposals[0]).toMatchObject({
      entityName: '幸福便利店',
      toCadreName: '李娜',
      reason: expect.stringContaining('是该区域唯一的村级干部'),
    });
    expect(preview.loads).toEqual([expect.objectContaining({ cadreName: '李娜', before: 0, after: 1 })]);
    expect(await readFile(dataFile)).toEqual(before);

    expect(await handlers['assign:apply']({ previewId: preview.previewId })).toEqual({ assigned: 1, moved: 0, released: 0 });
    expect(await dispatch(handlers, 'assign:apply', { previewId: preview.previewId })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const stats = await handlers['stats:get']({ regionId: '' });
    expect(stats.coverage).toMatchObject({ assigned: 2, unassigned: 0, violations: 0 });
    const log = await handlers['log:list']({ limit: 1, text: '' });
    expect(log[0]?.summary).toBe('自动分配包保干部：新分配 1，调整 0，解除 0，无法分配 0');
  });

  it('replaces a leaving cadre: every 主体 moves, history keeps dates and reasons, the cadre is set inactive', async () => {
    const { handlers } = await library();
    expect(await handlers['assign:replaceCadre']({ fromCadreId: 'c1', toCadreId: 'c3', date: '2027-04-08', deactivate: true })).toEqual({
      moved: 1,
    });
    const detail = await handlers['entities:get']({ id: 'e1' });
    expect(detail.current).toMatchObject({ cadreName: '周强', start: '2027-04-08', reason: '干部变动', manual: true });
    expect(detail.history).toEqual([
      expect.objectContaining({ cadreName: '张伟', start: '2027-01-02', end: '2027-04-08', endReason: '干部变动' }),
    ]);
    const leaving = await handlers['cadres:get']({ id: 'c1' });
    expect(leaving).toMatchObject({
      cadre: { active: false, inactiveSince: '2027-04-08' },
      current: [],
      history: [expect.objectContaining({ entityName: '内蒙古食用油有限公司' })],
    });
    const log = await handlers['log:list']({ limit: 1, text: '干部变动' });
    expect(log[0]?.summary).toBe('干部变动：张伟的 1 个包保主体移交周强，张伟设为不在岗');
  });

  it('marks a cadre saved as 不在岗 with the day, and their 主体 as overdue after 7 working days', async () => {
    const { handlers } = await library();
    const { cadre } = await handlers['cadres:get']({ id: 'c1' });
    const { inactiveSince: _since, ...input } = cadre;
    expect(await handlers['cadres:save']({ ...input, active: false })).toMatchObject({ active: false, inactiveSince: '2027-04-10' });
    const [first] = (await handlers['assign:violations']({ kinds: ['inactive-cadre'], regionId: '' })).items;
    expect(first).toMatchObject({ overdue: false, message: expect.stringContaining('应在 7 个工作日内（2027-04-20 前）调整') });
    // Saved again while still away: the day stays.
    expect(await handlers['cadres:save']({ ...input, active: false, notes: '已调离' })).toMatchObject({ inactiveSince: '2027-04-10' });
    expect(await handlers['cadres:save']({ ...input, active: true })).toMatchObject({ inactiveSince: '' });
  });

  it('refuses an inactive successor or the same cadre, changing nothing', async () => {
    const { handlers, dataFile } = await library();
    await handlers['assign:replaceCadre']({ fromCadreId: 'c1', toCadreId: 'c3', deactivate: true });
    const before = await readFile(dataFile);
    expect(await dispatch(handlers, 'assign:replaceCadre', { fromCadreId: 'c3', toCadreId: 'c1' })).toMatchObject({
      ok: false,
      error: { message: '接任干部“张伟”已不在岗，请选择在岗干部' },
    });
    expect(await dispatch(handlers, 'assign:replaceCadre', { fromCadreId: 'c3', toCadreId: 'c3' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('reassigns in bulk and lists the resulting violations by kind', async () => {
    const { handlers } = await library();
    expect(await handlers['assign:reassign']({ entityIds: ['e1', 'e2'], cadreId: 'c3' })).toEqual({ moved: 2 });
    expect((await handlers['log:list']({ limit: 1, text: '' }))[0]?.summary).toBe('将 2 个主体调整由周强包保');
    // A 主体 already with that cadre is not counted as moved, and the log says why the count is smaller.
    expect(await handlers['assign:reassign']({ entityIds: ['e1'], cadreId: 'c3' })).toEqual({ moved: 0 });
    expect((await handlers['log:list']({ limit: 1, text: '' }))[0]?.summary).toBe('将 0 个主体调整由周强包保（另 1 个原已由其包保，未变）');
    const { counts, items } = await handlers['assign:violations']({ kinds: ['level-mismatch', 'out-of-area'], regionId: '' });
    expect(counts).toMatchObject({ 'level-mismatch': 1, 'out-of-area': 1, unassigned: 0 });
    expect(items.map((v) => `${v.kind}:${v.entityName}:${v.cadreName}`)).toEqual([
      'level-mismatch:幸福便利店:周强',
      'out-of-area:幸福便利店:周强',
    ]);
    // Scoped to a 乡镇 (as 首页概览's 违规 card opens it), the counts are that scope's statistics.
    for (const regionId of ['zjz', 'zjjd']) {
      const scoped = await handlers['assign:violations']({ kinds: [], regionId });
      expect(scoped.counts).toEqual((await handlers['stats:get']({ regionId })).coverage.byKind);
    }
    expect((await handlers['assign:violations']({ kinds: [], regionId: 'zjz' })).items.map((v) => v.entityName)).not.toContain(
      '幸福便利店',
    );
    expect(await handlers['assign:release']({ entityIds: ['e2'], reason: '调整' })).toEqual({ released: 1 });
  });
});
