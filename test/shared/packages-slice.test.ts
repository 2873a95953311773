import { describe, expect, it } from 'vitest';
import { packageOf, planPackage } from '@shared/packages/slice';
import { smallDoc } from '../main/small-doc';

const maker = { unit: '达拉特旗市场监督管理局', operator: '张三', createdAt: '2027-03-01T01:00:00.000Z' };
const newId = (prefix: string): string => `${prefix}-new`;

describe('上报包 slices', () => {
  it('takes a package of its own 旗区 back unchanged, and matches regions without codes only under the same parent', () => {
    const doc = smallDoc();
    const content = packageOf(doc, 'dls', 2027, maker);
    const same = planPackage(doc, { content, sha256: 'x', fileName: 'a.xlsx' }, newId);
    expect(same.conflicts).toEqual([]);
    expect(same.counts.entities).toEqual({ added: 0, updated: 0, removed: 0, unchanged: doc.entities.length });

    // Another city's 达拉特旗, neither carrying 区划代码: the same ids and names, but not this library's.
    const elsewhere = structuredClone(content);
    for (const r of elsewhere.records.regions) {
      r.code = '';
      if (r.level === 'city') r.name = '包头市';
    }
    const stripped = smallDoc();
    for (const r of stripped.regions) r.code = '';
    const plan = planPackage(stripped, { content: elsewhere, sha256: 'y', fileName: 'b.xlsx' }, newId);
    expect(plan.areaId).not.toBe('dls');
    expect(plan.conflicts.map((c) => c.message)).toEqual(expect.arrayContaining([expect.stringContaining('不在本库的行政区划中')]));
  });
});
