import { describe, expect, it } from 'vitest';
import type { ImportProgress } from '@shared/api/contract';
import { bytesToBase64, loadFile, sizeText } from '../../renderer/import/file-bytes';
import { mappingRows, missingRequired, sameEdits, type SheetHeader } from '../../renderer/import/mapping';
import { progressPercent, progressTitle } from '../../renderer/import/preview-progress';

/** A sheet as the last preview read it: 名称 and 法人 matched, 序号 not, 电话 unclear, 备注 unmapped. */
const header: SheetHeader = {
  sheetName: '主体名单',
  headerRow: 2,
  columns: [
    { index: 0, header: '序号', key: null, status: 'unmapped', confidence: 0, note: '未识别' },
    { index: 1, header: '主体名称', key: 'name', status: 'mapped', confidence: 1 },
    { index: 2, header: '法人', key: 'legalRep', status: 'mapped', confidence: 0.8 },
    {
      index: 3,
      header: '电话',
      key: null,
      status: 'unclear',
      confidence: 0.5,
      candidates: ['legalRepPhone', 'directorPhone'],
      note: '请确认是“法定代表人电话”还是“总监电话”',
    },
    { index: 4, header: '', key: null, status: 'unmapped', confidence: 0 },
    { index: 27, header: '备注', key: null, status: 'unmapped', confidence: 0, note: '表中另有备注列' },
  ],
  fields: [
    { key: 'name', label: '主体名称', required: true },
    { key: 'uscc', label: '统一社会信用代码', required: true },
    { key: 'legalRep', label: '法定代表人', required: false },
  ],
  sheets: [],
  skippedSheets: [],
  ignored: [],
  missing: [],
};

describe('import mapping step', () => {
  it('shows each named column with its letter, the status the choices give and the note that says more', () => {
    expect(mappingRows(header, {}).map((r) => [r.letter, r.header, r.value, r.status, r.edited, r.note])).toEqual([
      ['A', '序号', '', 'unmapped', false, ''],
      ['B', '主体名称', 'name', 'mapped', false, ''],
      ['C', '法人', 'legalRep', 'mapped', false, ''],
      ['D', '电话', '', 'unclear', false, '请确认是“法定代表人电话”还是“总监电话”'],
      ['AB', '备注', '', 'unmapped', false, '表中另有备注列'],
    ]);
  });

  it('marks two columns given the same field as ambiguous, and a column set to 不导入 as ignored and sure', () => {
    const rows = mappingRows(header, { 电话: 'legalRep', 主体名称: '' });
    expect(rows.map((r) => [r.header, r.status, r.confidence])).toEqual([
      ['序号', 'unmapped', 0],
      ['主体名称', 'ignored', 1],
      ['法人', 'ambiguous', 0.8],
      ['电话', 'ambiguous', 1],
      ['备注', 'unmapped', 0],
    ]);
  });

  it('asks for one of the required fields until a column is mapped to one', () => {
    expect(missingRequired(header, mappingRows(header, {}))).toBe('');
    expect(missingRequired(header, mappingRows(header, { 主体名称: '' }))).toBe('“主体名称”或“统一社会信用代码”');
    // Two columns on 名称 are not yet a mapping: still asked.
    expect(missingRequired(header, mappingRows(header, { 序号: 'name' }))).toBe('“主体名称”或“统一社会信用代码”');
    expect(missingRequired(header, mappingRows(header, { 主体名称: '', 序号: 'uscc' }))).toBe('');
  });

  it('tells the same choices apart from changed ones, whatever their order', () => {
    expect(sameEdits({ a: 'name', b: '' }, { b: '', a: 'name' })).toBe(true);
    expect(sameEdits({ a: 'name' }, { a: 'uscc' })).toBe(false);
    expect(sameEdits({ a: 'name' }, { a: 'name', b: '' })).toBe(false);
    expect(sameEdits({ a: '' }, {})).toBe(false);
  });
});

describe('import preview progress', () => {
  const checking = (done: number, total: number): ImportProgress => ({ stage: 'checking', done, total });

  it('says what is being done: reading, then rows checked (of how many once all are read)', () => {
    expect(progressTitle(null)).toBe('正在读取文件…');
    expect(progressTitle(checking(1500, 0))).toBe('正在读取并核对，已核对 1,500 行…');
    expect(progressTitle(checking(12000, 21893))).toBe('正在核对第 12,000/21,893 行…');
  });

  it('gives a whole percentage only once the number of rows is known', () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent(checking(1500, 0))).toBeNull();
    expect(progressPercent(checking(21892, 21893))).toBe(99);
    expect(progressPercent(checking(21893, 21893))).toBe(100);
  });
});

describe('import file bytes', () => {
  it('reads a chosen file (a DOM File) into bytes and the base64 import:preview takes, across chunk boundaries', async () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 5 }, (_, i) => (i * 7919) % 256);
    const loaded = await loadFile(new File([bytes], '主体名单.xlsx'));
    expect(loaded.name).toBe('主体名单.xlsx');
    expect(loaded.size).toBe(bytes.length);
    expect(loaded.bytes).toEqual(bytes);
    expect(loaded.base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('writes sizes as a clerk reads them', () => {
    expect(sizeText(512)).toBe('512 字节');
    expect(sizeText(300 * 1024)).toBe('300 KB');
    expect(sizeText(28.4 * 1024 * 1024)).toBe('28.4 MB');
  });
});
