import { describe, expect, it } from 'vitest';
import { openServices } from '../../main/server/services';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

async function importEntities(handlers: Awaited<ReturnType<typeof openServices>>['handlers'], csv: string) {
  const preview = await handlers['import:preview']({
    kind: 'entities',
    fileName: '主体.csv',
    contentBase64: Buffer.from(csv).toString('base64'),
    mapping: {},
    blankCells: 'keep',
  });
  await handlers['import:commit']({ previewId: preview.previewId, saveMapping: false });
  return preview.counts;
}

describe('a new 主体 taken in by import (docs/domain.md#导入的规则)', () => {
  it('is 开业 with the report and 包保 deadlines a 主体 saved in the form gets; a new 停业 one starts none', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-03-01T08:00:00Z') });
    await store.replace(smallDoc());
    const counts = await importEntities(
      handlers,
      '主体名称,包保等级,经营状态,所属旗区,乡镇（街道）\n红星饭店,D,在营,达拉特旗,昭君镇\n老王家常菜,D,停业,达拉特旗,昭君镇\n',
    );
    expect(counts.add).toBe(2);
    const { rows } = await handlers['entityChanges:list']({ regionId: '' });
    // 15 working days from Monday 1 March is Monday 22 March; 7 more, Wednesday 31 March (as in year.test.ts for a save).
    expect(rows.map((r) => [r.entityName, r.change.kind, r.change.from, r.change.to, r.change.on, r.reportDue, r.adjustDue])).toEqual([
      ['红星饭店', '开业', '', '在营', '2027-03-01', '2027-03-22', '2027-03-31'],
    ]);
  });

  it('builds the library when it held no 主体 yet: the first list is no wave of 开业', async () => {
    const { handlers, store } = await openServices(await newDir(), { now: () => new Date('2027-03-01T08:00:00Z') });
    const doc = smallDoc();
    doc.entities = [];
    doc.assignments = [];
    await store.replace(doc);
    const counts = await importEntities(
      handlers,
      '主体名称,包保等级,所属旗区,乡镇（街道）\n红星饭店,D,达拉特旗,昭君镇\n阿荣小吃店,D,达拉特旗,昭君镇\n',
    );
    expect(counts.add).toBe(2);
    expect((await handlers['entityChanges:list']({ regionId: '' })).rows).toEqual([]);

    // The next list's new 主体 did open since.
    await importEntities(handlers, '主体名称,包保等级,所属旗区,乡镇（街道）\n鑫源商贸,C,达拉特旗,昭君镇\n');
    expect((await handlers['entityChanges:list']({ regionId: '' })).rows.map((r) => [r.entityName, r.change.kind])).toEqual([
      ['鑫源商贸', '开业'],
    ]);
  });
});
