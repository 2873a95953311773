import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@shared/api/result';
import { checkUscc } from '@shared/domain/uscc';
import { cellText, parseDateCell, parsePeople, type Cell } from '@shared/records/cell';
import { RECORD_DEFINITIONS } from '@shared/records';
import { planImport } from '@shared/records/import-plan';
import { RECORD_KINDS } from '@shared/records/types';
import { RegionIndex } from '@shared/domain/regions';
import { RegionMatcher } from '@shared/records/region-match';
import { parseCsv, readSheets } from '../../main/server/import/read-sheets';
import { smallDoc } from './small-doc';

const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 5000 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
  fc.constantFrom('合计', '２０２７年３月１日', 'Ａ级', '91350100M000100Y43', '昭君镇', '1e21', '=SUM(A1:A9)', '#N/A'),
);

function context() {
  const doc = smallDoc();
  const regions = new RegionIndex(doc.regions);
  let n = 0;
  return { doc, regions, matcher: new RegionMatcher(regions, doc.regions), today: '2027-03-01', newId: (p: string) => `${p}-${++n}` };
}

describe('importer robustness', () => {
  it('cell readers never throw, whatever the cell', () => {
    fc.assert(
      fc.property(cell, (c) => {
        expect(typeof cellText(c)).toBe('string');
        const date = parseDateCell(c, '日期');
        if (date.ok) expect(date.value === '' || /^\d{4}-\d{2}-\d{2}$/.test(date.value)).toBe(true);
        expect(Array.isArray(parsePeople(c))).toBe(true);
        expect(typeof checkUscc(cellText(c)).ok).toBe('boolean');
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it('plans any grid of cells for every kind without throwing, and every row gets an outcome', async () => {
    const header = fc.shuffledSubarray([
      '主体名称',
      '统一社会信用代码',
      '等级',
      '乡镇',
      '村',
      '姓名',
      '层级',
      '联系电话',
      '包保干部',
      '区划代码',
      '负责区域',
      '其他列',
    ]);
    await fc.assert(
      fc.asyncProperty(
        header,
        fc.array(fc.array(cell, { maxLength: 14 }), { maxLength: 40 }),
        fc.constantFrom(...RECORD_KINDS),
        async (head, rows, kind) => {
          const result = await planImport(RECORD_DEFINITIONS[kind], [{ name: 'S', rows: [head, ...rows] }], context());
          if (result.ok) {
            const { counts, rows: planned } = result.plan;
            expect(counts.add + counts.update + counts.unchanged + counts.reject).toBe(planned.length);
            for (const r of planned) if (r.outcome === 'reject') expect(r.reasons.length).toBeGreaterThan(0);
          } else {
            expect(result.message).toMatch(/[\u4e00-\u9fff]/);
          }
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('CSV parsing gives back exactly the fields written, quoted or not, with CRLF or LF', () => {
    const field = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('', '"', '""', ',', '\t', '\r\n', '\n', ' 昭君镇 ', '"羊肉馆"', 'a,"b"'),
    );
    const grid = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(
        grid,
        fc.constantFrom(',', '\t'),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        (rows, separator: ',' | '\t', lineEnd, quoteAll) => {
          // As Excel writes it: a field is quoted when it must be (or always), its quotes doubled.
          const quote = (f: string): string =>
            quoteAll || /["\r\n]/.test(f) || f.includes(separator) ? `"${f.replaceAll('"', '""')}"` : f;
          const text = rows.map((row) => row.map(quote).join(separator) + lineEnd).join('');
          expect(parseCsv(text, separator)).toEqual(rows);
        },
      ),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('file reading reads random bytes or refuses them with a Chinese message, never crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.constantFrom('a.xlsx', 'a.csv', 'a.xls', 'a.txt', 'a'),
        async (bytes, name) => {
          try {
            const sheets = await readSheets(name, bytes);
            expect(Array.isArray(sheets)).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).message).toMatch(/[\u4e00-\u9fff]/);
          }
        },
      ),
      { numRuns: 300, seed: 5 },
    );
  });

  it('reads formula, error, rich-text, hyperlink and merged cells as their shown values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('主体');
    sheet.addRow(['名单']);
    sheet.mergeCells('A1:D1');
    sheet.addRow(['主体名称', '统一社会信用代码', '等级', '乡镇']);
    sheet.addRow([
      { richText: [{ text: '昭君' }, { text: '羊肉馆', font: { bold: true } }] },
      { formula: 'UPPER("91440300708461136t")', result: '91440300708461136T' },
      { text: 'D', hyperlink: 'https://example.invalid' },
      '昭君镇',
    ]);
    sheet.addRow(['坏公式', { formula: '1/0', result: { error: '#DIV/0!' } }, 'D', '昭君镇']);
    sheet.addRow(['长名'.repeat(20000), '', 'D', '昭君镇']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const sheets = await readSheets('a.xlsx', bytes);
    const result = await planImport(RECORD_DEFINITIONS.entities, sheets, context());
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.rows.map((r) => `${r.outcome}:${r.name.slice(0, 10)}`)).toEqual([
      'add:昭君羊肉馆',
      'add:坏公式',
      'reject:长名长名长名长名长名',
    ]);
    expect(result.plan.rows[2]?.reasons).toEqual(['主体名称不能超过100个字']);
  });
});
