import { describe, expect, it } from 'vitest';
import { guessEntityType } from '@shared/records/kinds/entity-type-guess';

describe('主体类型 from the 统一社会信用代码 and the name', () => {
  it('reads the code’s authority and kind digits (GB 32100: 91 企业, 92 个体工商户)', () => {
    expect(guessEntityType('91150621MA0N12345X', '某某餐馆')).toEqual({ type: '企业', from: '统一社会信用代码' });
    expect(guessEntityType('92150621MA0N12345X', '某某有限公司')).toEqual({ type: '个体工商户', from: '统一社会信用代码' });
    // 农民专业合作社 (93), 事业单位 (12), 社会团体 (51): none of the types the code names; the name decides.
    expect(guessEntityType('93150621MA0N12345X', '丰收种植专业合作社')).toBeNull();
    expect(guessEntityType('12150621MA0N12345X', '第一中学食堂')).toBeNull();
  });

  it('reads the name where there is no telling code', () => {
    expect(guessEntityType('', '鄂尔多斯市伊泰食品有限责任公司')?.type).toBe('企业');
    expect(guessEntityType('', '达拉特旗面粉厂')?.type).toBe('企业');
    expect(guessEntityType('', '王记豆腐作坊')?.type).toBe('小作坊');
    expect(guessEntityType('', '夜市烧烤摊')?.type).toBe('食品摊贩');
    expect(guessEntityType('', '阿荣小吃店')).toEqual({ type: '个体工商户', from: '名称' });
    expect(guessEntityType('', '新民村小卖部')?.type).toBe('个体工商户');
    expect(guessEntityType('', '昭君镇中心学校')).toBeNull();
  });
});
