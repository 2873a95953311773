import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '@shared/api/contract';
import { dispatch } from '../../main/server/api/dispatch';
import { openServices } from '../../main/server/services';
import { DATA_FILE_NAME } from '../../main/server/storage/lowdb-store';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function servicesWithSmallDoc(): Promise<{ handlers: ApiHandlers; dataFile: string }> {
  const dir = await newDir();
  const { handlers, store } = await openServices(dir, { now: () => new Date('2027-02-01T09:00:00Z') });
  await store.replace(smallDoc());
  return { handlers, dataFile: path.join(dir, DATA_FILE_NAME) };
}

describe('dispatch', () => {
  it('refuses unknown methods and malformed input before any handler runs', async () => {
    const { handlers } = await servicesWithSmallDoc();
    expect(await dispatch(handlers, 'entities:drop', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(await dispatch(handlers, 'entities:get', { id: 5 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch(handlers, 'entities:query', { text: 'x', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });

  it('reports a missing record as not-found in Chinese', async () => {
    const { handlers } = await servicesWithSmallDoc();
    const result = await dispatch(handlers, 'entities:get', { id: 'nope' });
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: expect.stringContaining('找不到该主体') } });
  });
});

describe('entities', () => {
  it('finds 主体 by pinyin initials, code, phone and region', async () => {
    const { handlers } = await servicesWithSmallDoc();
    const names = async (query: object): Promise<string[]> =>
      (
        await handlers['entities:query']({
          text: '',
          regionId: '',
          grades: [],
          types: [],
          statuses: [],
          assigned: 'any',
          regulatorId: '',
          ...query,
        })
      ).rows.map((r) => r.name);
    expect(await names({ text: 'nmgsy' })).toEqual(['内蒙古食用油有限公司']);
    expect(await names({ text: 'NMGSY' })).toEqual(['内蒙古食用油有限公司']);
    expect(await names({ text: '91350100m0' })).toEqual(['内蒙古食用油有限公司']);
    expect(await names({ text: '1380477' })).toEqual(['内蒙古食用油有限公司']);
    expect(await names({ text: '便利' })).toEqual(['幸福便利店']);
    expect(await names({ regionId: 'zjjd' })).toEqual(['幸福便利店']);
    expect(await names({ regionId: 'dls', grades: ['C'] })).toEqual(['内蒙古食用油有限公司']);
    expect(await names({ assigned: 'no' })).toEqual(['幸福便利店']);
  });

  it('refuses an invalid USCC with a field message and leaves the file byte-identical', async () => {
    const { handlers, dataFile } = await servicesWithSmallDoc();
    const before = await readFile(dataFile);
    const { entity } = await handlers['entities:get']({ id: 'e2' });
    const result = await dispatch(handlers, 'entities:save', { ...entity, uscc: '91350100M000100Y44' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument', fields: { uscc: expect.stringContaining('校验位错误') } },
    });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('refuses a USCC already held by another 主体 and a region above 乡镇', async () => {
    const { handlers, dataFile } = await servicesWithSmallDoc();
    const before = await readFile(dataFile);
    const { entity } = await handlers['entities:get']({ id: 'e2' });
    const result = await dispatch(handlers, 'entities:save', { ...entity, uscc: '91350100M000100Y43', regionId: 'dls' });
    expect(result).toMatchObject({
      ok: false,
      error: { fields: { uscc: expect.stringContaining('内蒙古食用油有限公司'), regionId: expect.stringContaining('乡镇') } },
    });
    expect(await readFile(dataFile)).toEqual(before);
  });

  it('creates, updates and deletes with 操作日志 entries, normalising what the clerk typed', async () => {
    const { handlers, dataFile } = await servicesWithSmallDoc();
    const created = await handlers['entities:save'](
      (await import('@shared/domain/schemas')).EntityInputSchema.parse({
        name: ' 昭君羊肉馆 ',
        type: '小餐饮',
        grade: 'D',
        regionId: 'hhc',
        uscc: '９１４４０３００７０８４６１１３６ｔ',
        legalRepPhone: '１３９０４７７５６７８',
      }),
    );
    expect(created).toMatchObject({ name: '昭君羊肉馆', uscc: '91440300708461136T', legalRepPhone: '13904775678' });
    const onDisk = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(onDisk.entities).toHaveLength(3);

    await handlers['entities:save']({ ...created, status: '停业' });
    await handlers['entities:delete']({ id: 'e1' });
    const after = JSON.parse(await readFile(dataFile, 'utf8'));
    expect(after.entities.map((e: { name: string; status: string }) => `${e.name}:${e.status}`)).toEqual([
      '幸福便利店:在营',
      '昭君羊肉馆:停业',
    ]);
    expect(after.assignments).toEqual([]);
    const log = await handlers['log:list']({ limit: 10, text: '' });
    expect(log.map((e) => e.summary)).toEqual([
      '删除主体“内蒙古食用油有限公司”及其包保记录 1 条',
      '修改主体“昭君羊肉馆”',
      '新增主体“昭君羊肉馆”',
    ]);
    expect(log[1]).toMatchObject({ operator: '管理员', before: { status: '在营' }, after: { status: '停业' } });
  });

  it('shows the current 包保干部 and whether a 总监 is required', async () => {
    const { handlers } = await servicesWithSmallDoc();
    const detail = await handlers['entities:get']({ id: 'e1' });
    expect(detail).toMatchObject({
      regionPath: '达拉特旗 / 昭君镇 / 和胜村',
      requiresDirector: true,
      current: { cadreName: '张伟' },
      history: [],
    });
  });
});

describe('cadres', () => {
  it('keeps cadres with 包保 records and explains why', async () => {
    const { handlers } = await servicesWithSmallDoc();
    const result = await dispatch(handlers, 'cadres:delete', { id: 'c1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('不在岗') } });
    expect(await dispatch(handlers, 'cadres:delete', { id: 'c2' })).toEqual({ ok: true, value: { id: 'c2' } });
  });

  it('requires the region to match the cadre level', async () => {
    const { handlers } = await servicesWithSmallDoc();
    const { cadre } = await handlers['cadres:get']({ id: 'c2' });
    const result = await dispatch(handlers, 'cadres:save', { ...cadre, regionId: 'zjz' });
    expect(result).toMatchObject({ ok: false, error: { fields: { regionId: expect.stringContaining('村（社区、嘎查）') } } });
    const detail = await handlers['cadres:get']({ id: 'c1' });
    expect(detail.current.map((a) => a.entityName)).toEqual(['内蒙古食用油有限公司']);
  });
});

describe('first run', () => {
  it('creates a blank library once and refuses to replace it', async () => {
    const dir = await newDir();
    const { handlers } = await openServices(dir);
    expect(await handlers['app:info']({})).toMatchObject({ initialized: false });
    expect(await dispatch(handlers, 'stats:get', {})).toMatchObject({ ok: false, error: { code: 'not-initialized' } });
    expect(await handlers['app:createBlank']({})).toMatchObject({ initialized: true, counts: { entities: 0 } });
    expect(await dispatch(handlers, 'app:loadDemo', { scale: 'district' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
