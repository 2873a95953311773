import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { EntitySchema } from '@shared/domain/schemas';
import { fromIsoDate, timeText, toIsoDate } from '../../renderer/forms/dates';
import { toNamePath } from '../../renderer/forms/api-errors';
import { entityToFormValues, formValuesToEntityInput } from '../../renderer/forms/entity-form-values';

describe('form dates', () => {
  it('stores a picked date as YYYY-MM-DD and none as empty, and reads them back', () => {
    expect(toIsoDate(dayjs('2027-03-09'))).toBe('2027-03-09');
    expect(toIsoDate(null)).toBe('');
    expect(fromIsoDate('2027-03-09')?.format('YYYY年M月D日')).toBe('2027年3月9日');
    expect(fromIsoDate('')).toBeNull();
    expect(fromIsoDate('不是日期')).toBeNull();
  });

  it('shows a stored time in local time as the lists do, and an unreadable one as it is', () => {
    expect(timeText('2027-03-09T08:05:01')).toBe('2027-03-09 08:05:01');
    expect(timeText('不是时间')).toBe('不是时间');
  });
});

describe('entity form values', () => {
  const entity = EntitySchema.parse({
    id: 'e1',
    name: '内蒙古食用油有限公司',
    uscc: '91350100M000100Y43',
    type: '企业',
    scale: '大型',
    grade: 'C',
    regionId: 'hhc',
    legalRepPhone: '13904771234',
    director: { name: '赵强', phone: '13904770002' },
    safetyOfficers: [{ name: '王芳', phone: '13804770001' }],
    canteen: { kind: '学校', mealHeadcount: 300 },
    duties: { dailyWeeklyMonthly: '2027-01-05', riskList: '', riskSystem: '2026-11-30', commitment: '' },
  });

  it('a 主体 opened in the form and saved unchanged goes back to the service as it was', () => {
    expect(formValuesToEntityInput(entityToFormValues(entity), entity.id)).toEqual(entity);
  });

  it('an empty 总监 and 食堂 become null, spaces around codes and phones go, a new 主体 has no id', () => {
    const values = entityToFormValues(null);
    const input = formValuesToEntityInput(
      { ...values, name: '幸福便利店', uscc: ' 91350100M000100Y43 ', legalRepPhone: '13904771234 ' },
      undefined,
    );
    expect(input).toMatchObject({
      name: '幸福便利店',
      uscc: '91350100M000100Y43',
      legalRepPhone: '13904771234',
      director: null,
      canteen: null,
    });
    expect('id' in input).toBe(false);
    expect(input.duties).toEqual({ dailyWeeklyMonthly: '', riskList: '', riskSystem: '', commitment: '' });
  });

  it('puts a service message on the field it names (nested paths as antd forms name them)', () => {
    expect(toNamePath('safetyOfficers.0.phone')).toEqual(['safetyOfficers', 0, 'phone']);
    expect(toNamePath('duties.commitment')).toEqual(['duties', 'commitment']);
  });
});
