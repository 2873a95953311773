import { describe, expect, it } from 'vitest';
import { RegionIndex } from '@shared/domain/regions';
import { cellText, excelSerialToIso, maskMobiles, parseDateCell, parsePeople, parseYesNo } from '@shared/records/cell';
import { findHeaderRow, mapColumns } from '@shared/records/header';
import { RegionMatcher } from '@shared/records/region-match';
import { entityColumns } from '@shared/records/kinds/entities';
import { region as r } from './region-fixture';

const REGIONS = [
  r('city', '鄂尔多斯市', 'city', null),
  r('dlt', '达拉特旗', 'county', 'city'),
  r('hj', '杭锦旗', 'county', 'city'),
  r('etk', '鄂托克旗', 'county', 'city'),
  r('ws', '乌审旗', 'county', 'city'),
  r('zjz', '昭君镇', 'township', 'dlt'),
  r('zjjd', '昭君街道', 'township', 'dlt'),
  r('xnjd', '锡尼街道', 'township', 'dlt'),
  r('xnz', '锡尼镇', 'township', 'hj'),
  r('wlz', '乌兰镇', 'township', 'etk'),
  r('wltlg', '乌兰陶勒盖镇', 'township', 'ws'),
  r('hsc', '和胜村', 'village', 'zjz'),
];
const matcher = new RegionMatcher(new RegionIndex(REGIONS), REGIONS);
const match = (county: string, township: string, village = '') => matcher.match({ county, township, village });

describe('RegionMatcher', () => {
  it('finds the one 乌兰镇, with or without its 旗', () => {
    expect(match('', '乌兰镇')).toMatchObject({ ok: true, region: { id: 'wlz' } });
    expect(match('鄂托克旗', '乌兰镇')).toMatchObject({ ok: true, region: { id: 'wlz' } });
    expect(match('乌审旗', '乌兰镇')).toEqual({ ok: false, message: expect.stringContaining('找不到') });
  });

  it('keeps 镇 and 街道 apart and reports names it cannot place', () => {
    expect(match('达拉特旗', '昭君镇')).toMatchObject({ region: { id: 'zjz' } });
    expect(match('达拉特旗', '昭君街道')).toMatchObject({ region: { id: 'zjjd' } });
    expect(match('达拉特旗', '昭君')).toEqual({ ok: false, message: expect.stringContaining('对应多个区划') });
    expect(match('', '锡尼镇')).toMatchObject({ region: { id: 'xnz' } });
    expect(match('达拉特旗', '锡尼镇')).toEqual({ ok: false, message: expect.stringContaining('找不到') });
    expect(match('', '锡尼')).toEqual({ ok: false, message: expect.stringContaining('达拉特旗 / 锡尼街道、杭锦旗 / 锡尼镇') });
  });

  it('accepts office names and short 旗区 names', () => {
    expect(match('达拉特', '昭君镇人民政府')).toMatchObject({ region: { id: 'zjz' } });
  });

  it('finds the place a sheet name or title names, the deepest one that fits the others', () => {
    expect(matcher.findInText('达拉特旗食品安全包保主体名单（昭君街道）')?.id).toBe('zjjd');
    expect(matcher.findInText('和胜村')?.id).toBe('hsc');
    expect(matcher.findInText('杭锦旗')?.id).toBe('hj');
    expect(matcher.findInText('Sheet1')).toBeNull();
    // Two places that do not sit in one another: not guessed.
    expect(matcher.findInText('锡尼镇、乌兰镇')).toBeNull();
  });

  it('attaches an unknown 村 to its 乡镇 with a warning', () => {
    expect(match('达拉特旗', '昭君镇', '和胜村')).toMatchObject({ region: { id: 'hsc' } });
    expect(match('达拉特旗', '昭君镇', '新民村')).toEqual({
      ok: true,
      region: expect.objectContaining({ id: 'zjz' }),
      warning: expect.stringContaining('已归到昭君镇'),
    });
  });
});

describe('cells', () => {
  it('reads dates in the ways clerks write them', () => {
    for (const text of ['2027-3-1', '2027.3.1', '2027/03/01', '2027年3月1日', '20270301', '２０２７－０３－０１', '2027-03-01 00:00:00']) {
      expect(parseDateCell(text, '日期')).toEqual({ ok: true, value: '2027-03-01' });
    }
    expect(parseDateCell(46447, '日期')).toEqual({ ok: true, value: '2027-03-01' });
    expect(parseDateCell({ date: '2027-03-01' }, '日期')).toEqual({ ok: true, value: '2027-03-01' });
    expect(parseDateCell('2027-02-30', '签订日期')).toEqual({
      ok: false,
      message: expect.stringContaining('签订日期“2027-02-30”不是有效日期'),
    });
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(12)).toBeNull();
  });

  it('masks mobile numbers for lists that leave the office, not other numbers', () => {
    expect(maskMobiles('王芳 13804770001；李强 13904770002')).toBe('王芳 138****0001；李强 139****0002');
    expect(maskMobiles('0477-8581234')).toBe('0477-8581234');
    expect(maskMobiles('91150602MA13904770X')).toBe('91150602MA13904770X');
    expect(maskMobiles('150621103201')).toBe('150621103201');
  });

  it('writes long numbers without exponent', () => {
    expect(cellText(13904771234)).toBe('13904771234');
    expect(cellText(150621103201)).toBe('150621103201');
    expect(cellText(' 王　芳 ')).toBe('王 芳');
  });

  it('reads people lists and yes/no words', () => {
    expect(parsePeople('王芳 13804770001；李强（13904770002）、赵敏')).toEqual([
      { name: '王芳', phone: '13804770001' },
      { name: '李强', phone: '13904770002' },
      { name: '赵敏', phone: '' },
    ]);
    expect(parseYesNo('是', '在岗', false)).toEqual({ ok: true, value: true });
    expect(parseYesNo('调离', '在岗', true)).toEqual({ ok: true, value: false });
    expect(parseYesNo('', '在岗', true)).toEqual({ ok: true, value: true });
    expect(parseYesNo('也许', '在岗', true).ok).toBe(false);
  });
});

describe('header detection', () => {
  const rows = [
    ['鄂尔多斯市食品安全包保主体名单', null, null],
    ['填报单位：达拉特旗市场监督管理局', null, null],
    [],
    ['序号', '企业名称', '社会信用代码', '包保等级', '乡镇（街道）', '联系电话', '备 注'],
  ];

  it('skips title rows and maps synonyms', () => {
    const header = findHeaderRow(rows, entityColumns);
    expect(header).toBe(3);
    const { columns, fields } = mapColumns(rows[3] ?? [], entityColumns);
    expect(fields).toEqual({ name: 1, uscc: 2, grade: 3, township: 4, legalRepPhone: 5, notes: 6 });
    expect(columns[0]).toMatchObject({ index: 0, header: '序号', key: null, status: 'unmapped', note: '未识别' });
  });

  it('marks two columns naming one field as ambiguous, and lets the user decide', () => {
    const header = ['主体名称', '电话', '手机号'];
    const { columns, fields } = mapColumns(header, entityColumns);
    expect(columns.map((c) => c.status)).toEqual(['mapped', 'ambiguous', 'ambiguous']);
    expect(fields).toEqual({ name: 0 });
    const fixed = mapColumns(header, entityColumns, { 电话: '' });
    expect(fixed.fields).toEqual({ name: 0, legalRepPhone: 2 });
  });
});
