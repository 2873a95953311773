import { describe, expect, it } from 'vitest';
import { RegionIndex } from '@shared/domain/regions';
import { EntitySchema, RegulatorSchema, type Assignment, type Region } from '@shared/domain/schemas';
import { gridOverview, regulatorFillFor } from '@shared/grid/overview';

const regions: Region[] = [
  { id: 'city', name: '鄂尔多斯市', level: 'city', parentId: null, code: '150600000000', kind: '市' },
  { id: 'dls', name: '达拉特旗', level: 'county', parentId: 'city', code: '150621', kind: '旗' },
  { id: 't1', name: '昭君镇', level: 'township', parentId: 'dls', code: '150621103000', kind: '镇' },
  { id: 't2', name: '树林召镇', level: 'township', parentId: 'dls', code: '150621100000', kind: '镇' },
  { id: 'v1', name: '和胜村', level: 'village', parentId: 't1', code: '150621103201', kind: '村' },
  { id: 'v2', name: '新民村', level: 'village', parentId: 't1', code: '150621103202', kind: '村' },
];

const entity = (id: string, regionId: string, grade: 'A' | 'B' | 'C' | 'D', regulatorId = '', status: '在营' | '注销' = '在营') =>
  EntitySchema.parse({ id, name: `主体${id}`, type: '个体工商户', grade, regionId, regulatorId, status });

const regulators = [
  RegulatorSchema.parse({ id: 'g1', name: '高峰', regionIds: ['t1'] }),
  RegulatorSchema.parse({ id: 'g2', name: '刘洋', regionIds: ['v1'] }),
  RegulatorSchema.parse({ id: 'g3', name: '赵敏', regionIds: ['t2'] }),
  RegulatorSchema.parse({ id: 'g4', name: '孙强', regionIds: ['t2'] }),
];

const entities = [
  entity('e1', 'v1', 'D'), // no regulator, village grid g2 is closer than g1's township
  entity('e2', 'v2', 'D'), // no regulator, only g1's township grid holds it
  entity('e3', 't2', 'C', 'g3'),
  entity('e4', 'dls', 'B'), // registered at 旗 level: no grid holds it
  entity('e5', 'v1', 'D', '', '注销'), // closed: not counted
  entity('e6', 't2', 'C', 'gone'), // names a deleted regulator
  entity('e7', 'v2', 'A', 'g3'), // g3's grid is 树林召镇: outside
  entity('e8', 't2', 'D', 'g3'),
];

const assignments: Assignment[] = [
  { id: 'a1', entityId: 'e3', cadreId: 'c1', start: '2027-01-02', end: '', reason: '新建', endReason: '', manual: false },
  { id: 'a2', entityId: 'e7', cadreId: 'c1', start: '2027-01-02', end: '', reason: '新建', endReason: '', manual: false },
  { id: 'a3', entityId: 'e8', cadreId: 'c2', start: '2027-01-02', end: '2027-02-01', reason: '新建', endReason: '调整', manual: false },
];

const input = { entities, regulators, assignments, regions: new RegionIndex(regions) };

describe('网格监管 overview', () => {
  it('counts each regulator’s 主体 by grade, their 包保 and the cadres they work with', () => {
    const { rows, withoutRegulator, fillable } = gridOverview(input);
    const g3 = rows.find((r) => r.id === 'g3');
    expect(g3).toMatchObject({
      grid: ['达拉特旗 / 树林召镇'],
      entities: { total: 3, A: 1, B: 0, C: 1, D: 1 },
      assigned: 2,
      cadres: 1,
      outsideGrid: 1,
    });
    expect(rows.find((r) => r.id === 'g1')).toMatchObject({ entities: { total: 0 }, assigned: 0, cadres: 0, outsideGrid: 0 });
    // e1, e2, e4 and e6 (its regulator is gone); the closed e5 does not count.
    expect(withoutRegulator).toBe(4);
    // e4 lies in no grid.
    expect(fillable).toBe(3);
  });

  it('fills from the closest grid, and among equals gives to the regulator with fewer 主体', () => {
    const fills = regulatorFillFor(input);
    expect(Object.fromEntries(fills)).toEqual({ e1: 'g2', e2: 'g1', e6: 'g4' });
  });

  it('spreads several 主体 over equal grids in turn', () => {
    const more = [...entities, entity('e9', 't2', 'D'), entity('e10', 't2', 'D'), entity('e11', 't2', 'D')];
    const fills = regulatorFillFor({ ...input, entities: more });
    // g3 already has 3, g4 none: g4 takes three; then both have 3 and the id decides.
    expect([fills.get('e6'), fills.get('e9'), fills.get('e10'), fills.get('e11')]).toEqual(['g4', 'g4', 'g4', 'g3']);
  });
});
