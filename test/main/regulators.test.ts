import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { Backups } from '../../main/server/storage/backups';
import { smallDoc } from './small-doc';
import { readLibrary } from './library-files';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/** The small library (regulator g1 holds 昭君镇 and 昭君街道; e1 names g1, e2 names nobody) on disk. */
async function library() {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-02-01T09:00:00Z') });
  await store.replace(smallDoc());
  const onDisk = () => readLibrary(dir);
  return { dir, handlers, onDisk };
}

describe('网格监管 services', () => {
  it('shows each regulator with their 主体 and cadres, and drills down to the 主体 list', async () => {
    const { handlers } = await library();
    const overview = await handlers['regulators:overview']({});
    expect(overview).toEqual({
      rows: [
        expect.objectContaining({
          id: 'g1',
          grid: ['达拉特旗 / 昭君镇', '达拉特旗 / 昭君街道'],
          entities: { total: 1, A: 0, B: 0, C: 1, D: 0 },
          assigned: 1,
          cadres: 1,
          outsideGrid: 0,
        }),
      ],
      withoutRegulator: 1,
      fillable: 1,
    });
    const listed = await handlers['entities:query']({
      text: '',
      regionId: '',
      grades: [],
      types: [],
      statuses: [],
      assigned: 'any',
      regulatorId: 'g1',
    });
    expect(listed.rows.map((r) => r.id)).toEqual(['e1']);
  });

  it('fills 主体 from their grid after a backup, and logs it', async () => {
    const { dir, handlers, onDisk } = await library();
    expect(await handlers['regulators:fill']({})).toEqual({ filled: 1, stillMissing: 0 });
    const doc = await onDisk();
    expect(doc.entities.find((e) => e.id === 'e2')?.regulatorId).toBe('g1');
    expect(doc.log.at(-1)?.summary).toContain('按网格补全网格监管人员：1 户');
    expect((await new Backups(dir).list()).map((b) => b.reason)).toContain('批量修改前');
  });

  it('saves with field messages and leaves the file unchanged on bad input', async () => {
    const { handlers, onDisk } = await library();
    const before = await onDisk();
    expect(await dispatch(handlers, 'regulators:save', { name: '', unit: '', phone: '', regionIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', fields: { name: expect.any(String), regionIds: '请选择负责的网格（至少一个区划）' } },
    });
    expect(await dispatch(handlers, 'regulators:save', { name: '马超', unit: '', phone: '', regionIds: ['nowhere'] })).toMatchObject({
      ok: false,
      error: { fields: { regionIds: '有不存在的区划，请重新选择' } },
    });
    expect(await onDisk()).toEqual(before);
    const saved = await handlers['regulators:save']({
      name: '马超',
      unit: '昭君市场监督管理所',
      phone: '13904779002',
      regionIds: ['hhc', 'hhc'],
    });
    expect(saved).toMatchObject({ name: '马超', regionIds: ['hhc'] });
    expect((await onDisk()).regulators).toHaveLength(2);
  });

  it('deletes a regulator only once someone takes their 主体 over', async () => {
    const { handlers, onDisk } = await library();
    const other = await handlers['regulators:save']({ name: '马超', unit: '', phone: '', regionIds: ['zjz'] });
    expect(await dispatch(handlers, 'regulators:delete', { id: 'g1' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: '“高峰”仍是 1 户主体的网格监管人员，请选择由谁接手后再删除' },
    });
    expect((await onDisk()).regulators).toHaveLength(2);
    expect(await handlers['regulators:delete']({ id: 'g1', handTo: other.id })).toEqual({ id: 'g1', handedOver: 1 });
    const doc = await onDisk();
    expect(doc.regulators.map((r) => r.id)).toEqual([other.id]);
    expect(doc.entities.find((e) => e.id === 'e1')?.regulatorId).toBe(other.id);
    expect(doc.log.at(-1)?.summary).toBe('删除网格监管人员“高峰”，1 户主体交由“马超”');
  });
});
