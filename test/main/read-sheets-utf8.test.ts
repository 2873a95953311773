import { describe, expect, it } from 'vitest';
import { readSheets } from '../../main/server/import/read-sheets';
import { xlsxOf } from './import-fixtures';

describe('reading a large workbook of Chinese text', () => {
  it('keeps every character whole, wherever the zip stream splits it', async () => {
    // Distinct names fill a sharedStrings.xml far larger than one decompressed chunk (16 kB), so
    // many 3-byte characters straddle two chunks.
    const rows = Array.from({ length: 5000 }, (_, i) => [`鄂尔多斯市东胜区第${i}号德顺生鲜超市`, `内蒙古自治区${i}号`]);
    const sheets = await readSheets('主体.xlsx', await xlsxOf([{ name: '主体', rows }]));
    const read = sheets[0]?.rows ?? [];
    expect(read.flat().filter((cell) => String(cell).includes('\uFFFD'))).toEqual([]);
    expect(read).toEqual(rows);
  });
});
