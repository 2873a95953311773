import { describe, expect, it } from 'vitest';
import { decodeText, readSheets } from '../../main/server/import/read-sheets';

/** Bytes written out by hand from the GBK / GB18030 code tables, not produced by any encoder. */
const bytes = (...parts: number[][]) => Uint8Array.from(parts.flat());
const comma = [0x2c];
const crlf = [0x0d, 0x0a];
const ascii = (text: string) => Array.from(text, (ch) => ch.charCodeAt(0));

describe('CSV text that is not UTF-8', () => {
  it('reads a GBK list as Excel saves it on Chinese Windows', async () => {
    const file = bytes(
      [0xc3, 0xfb, 0xb3, 0xc6],
      comma,
      [0xb1, 0xb8, 0xd7, 0xa2],
      crlf, // 名称,备注
      [0xd6, 0xec, 0xe9, 0x46, 0xbb, 0xf9],
      comma,
      [0xb4, 0xef, 0xc0, 0xad, 0xcc, 0xd8, 0xc6, 0xec],
      crlf, // 朱镕基,达拉特旗
      [0xcd, 0xf5, 0xbd, 0xa8, 0xb9, 0xfa],
      comma,
      ascii('5'),
      [0x80],
      crlf, // 王建国,5€ (0x80 is € in Windows' GBK)
    );
    const sheets = await readSheets('干部.csv', file);
    expect(sheets[0]?.rows).toEqual([
      ['名称', '备注'],
      ['朱镕基', '达拉特旗'],
      ['王建国', '5€'],
    ]);
  });

  it('reads the four-byte GB18030 sequences of characters outside GBK', () => {
    // 𠀀 U+20000 (CJK Extension B), 㐀 U+3400 (Extension A), € in GB18030's own two-byte code.
    const text = bytes([0x95, 0x32, 0x82, 0x36], [0x81, 0x39, 0xee, 0x39], [0xa2, 0xe3]);
    expect(decodeText(text)).toBe('𠀀㐀€');
  });

  it('reads the codes GB18030-2022 moved out of the private-use area as the real characters', () => {
    // A6D9 is the vertical comma ︐ (U+FE10), FE59 the CJK radical 龴 (U+9FB4); older tables gave U+E78D and U+E81E.
    expect(decodeText(bytes([0xa6, 0xd9], [0xfe, 0x59]))).toBe('︐龴');
  });
});
