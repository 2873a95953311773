import { emptyDoc, type DataDoc } from '@shared/storage/types';
import { CadreSchema, EntitySchema, RegulatorSchema } from '@shared/domain/schemas';

/** A hand-made library: one 旗区 with two 乡镇, a village each, two 主体 and two cadres. */
export function smallDoc(): DataDoc {
  const doc = emptyDoc(new Date('2027-01-05T08:00:00Z'));
  doc.regions = [
    { id: 'city', name: '鄂尔多斯市', level: 'city', parentId: null, code: '150600000000', kind: '市' },
    { id: 'dls', name: '达拉特旗', level: 'county', parentId: 'city', code: '150621', kind: '旗' },
    { id: 'zjz', name: '昭君镇', level: 'township', parentId: 'dls', code: '150621103000', kind: '镇' },
    { id: 'zjjd', name: '昭君街道', level: 'township', parentId: 'dls', code: '150621004000', kind: '街道' },
    { id: 'hhc', name: '和胜村', level: 'village', parentId: 'zjz', code: '150621103201', kind: '村' },
    { id: 'xfsq', name: '幸福社区', level: 'village', parentId: 'zjjd', code: '150621004001', kind: '社区' },
  ];
  doc.entities = [
    EntitySchema.parse({
      id: 'e1',
      name: '内蒙古食用油有限公司',
      uscc: '91350100M000100Y43',
      license: 'SC10615062100017',
      type: '企业',
      scale: '大型',
      grade: 'C',
      regionId: 'hhc',
      legalRepPhone: '13904771234',
      safetyOfficers: [{ name: '王芳', phone: '13804770001' }],
    }),
    EntitySchema.parse({ id: 'e2', name: '幸福便利店', type: '个体工商户', grade: 'D', regionId: 'xfsq' }),
  ];
  doc.cadres = [
    CadreSchema.parse({ id: 'c1', name: '张伟', level: 'township', regionId: 'zjz', phone: '13900000001' }),
    CadreSchema.parse({ id: 'c2', name: '李娜', level: 'village', regionId: 'xfsq', phone: '13900000002' }),
  ];
  doc.regulators = [
    RegulatorSchema.parse({
      id: 'g1',
      name: '高峰',
      unit: '达拉特旗市场监督管理局昭君市场监督管理所',
      phone: '13904779001',
      regionIds: ['zjz', 'zjjd'],
    }),
  ];
  doc.entities[0] = { ...doc.entities[0]!, regulatorId: 'g1' };
  doc.assignments = [
    { id: 'a1', entityId: 'e1', cadreId: 'c1', start: '2027-01-02', end: '', reason: '新建', endReason: '', manual: false },
  ];
  return doc;
}
