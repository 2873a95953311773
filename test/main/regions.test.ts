import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { emptyDoc } from '@shared/storage/types';
import { smallDoc } from './small-doc';
import { readLibrary } from './library-files';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function library(doc = smallDoc()) {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-02-01T09:00:00Z') });
  await store.replace(doc);
  const onDisk = () => readLibrary(dir);
  return { handlers, onDisk };
}

describe('行政区划 built in the UI', () => {
  it('builds a tree from nothing: the city, then one level below the parent each time', async () => {
    const { handlers } = await library(emptyDoc(new Date('2027-02-01T09:00:00Z')));
    const city = await handlers['regions:save']({ parentId: null, name: '鄂尔多斯市', code: '150600000000', kind: '市' });
    const county = await handlers['regions:save']({ parentId: city.id, name: '达拉特旗', code: '', kind: '旗' });
    const town = await handlers['regions:save']({ parentId: county.id, name: '昭君镇', code: '', kind: '镇' });
    const village = await handlers['regions:save']({ parentId: town.id, name: '和胜村', code: '', kind: '村' });
    expect([city.level, county.level, town.level, village.level]).toEqual(['city', 'county', 'township', 'village']);
    expect(await dispatch(handlers, 'regions:save', { parentId: village.id, name: '一组', code: '', kind: '' })).toMatchObject({
      ok: false,
      error: { fields: { parentId: '村（社区、嘎查）是最下一级，不能再新增下级区划' } },
    });
    expect(await dispatch(handlers, 'regions:save', { parentId: null, name: '包头市', code: '', kind: '' })).toMatchObject({
      ok: false,
      error: { fields: { parentId: '已有市级区划，请在其下新增旗区、乡镇或村' } },
    });
  });

  it('renames in place, refuses duplicates among siblings and reused codes, and leaves the file unchanged', async () => {
    const { handlers, onDisk } = await library();
    const before = await onDisk();
    expect(await dispatch(handlers, 'regions:save', { id: 'zjjd', parentId: 'dls', name: '昭君镇', code: '', kind: '街道' })).toMatchObject(
      {
        ok: false,
        error: { fields: { name: '同一上级下已有“昭君镇”，请换一个名称' } },
      },
    );
    expect(
      await dispatch(handlers, 'regions:save', { id: 'zjjd', parentId: 'dls', name: '昭君街道', code: '150621103000', kind: '街道' }),
    ).toMatchObject({
      ok: false,
      error: { fields: { code: '区划代码 150621103000 已是“达拉特旗 / 昭君镇”的代码，请核对' } },
    });
    expect(await onDisk()).toEqual(before);
    const renamed = await handlers['regions:save']({
      id: 'xfsq',
      parentId: 'ignored',
      name: '幸福里社区',
      code: '150621004001',
      kind: '社区',
    });
    expect(renamed).toMatchObject({ id: 'xfsq', parentId: 'zjjd', level: 'village', name: '幸福里社区' });
    const listed = await handlers['entities:query']({
      text: '',
      regionId: '',
      grades: [],
      types: [],
      statuses: [],
      assigned: 'any',
      regulatorId: '',
    });
    expect(listed.rows.find((r) => r.id === 'e2')?.regionPath).toBe('达拉特旗 / 昭君街道 / 幸福里社区');
  });

  it('deletes only what nothing refers to, and says what still does', async () => {
    const { handlers, onDisk } = await library();
    expect(await dispatch(handlers, 'regions:delete', { id: 'zjz' })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: '“昭君镇”下还有 1 个下级区划、1 名干部、1 名网格监管人员的网格，不能删除。请先把它们改到其他区划',
      },
    });
    const spare = await handlers['regions:save']({ parentId: 'zjz', name: '新建村', code: '', kind: '村' });
    expect(await handlers['regions:delete']({ id: spare.id })).toEqual({ id: spare.id });
    const doc = await onDisk();
    expect(doc.regions.some((r) => r.id === spare.id)).toBe(false);
    expect(doc.log.at(-1)?.summary).toBe('删除区划“达拉特旗 / 昭君镇 / 新建村”');
  });
});
