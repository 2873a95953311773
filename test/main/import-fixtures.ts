import ExcelJS from 'exceljs';

/** Test files are built here from code, never hand-edited binaries. */
export async function xlsxOf(sheets: { name: string; rows: unknown[][]; merges?: string[] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function csvOf(rows: string[][], encoding: 'utf8' | 'utf8-bom' | 'gbk'): Buffer {
  const text = rows.map((row) => row.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n');
  if (encoding === 'gbk') return gbkOf(text);
  return Buffer.concat([encoding === 'utf8-bom' ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
}

/** Windows' GBK code table (two-byte codes), read off the platform's GB18030 decoder. */
function gbkCodeTable(): Map<string, number[]> {
  const codes = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) codes.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail]);
    }
  }
  return codes;
}

let gbkCodes: Map<string, number[]> | undefined;

/** GBK bytes as Excel writes a CSV on Chinese Windows. */
function gbkOf(text: string): Buffer {
  const codes = (gbkCodes ??= gbkCodeTable());
  return Buffer.from(
    Array.from(text).flatMap((ch) => {
      if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
      const code = codes.get(ch);
      if (!code) throw new Error(`“${ch}” has no GBK code`);
      return code;
    }),
  );
}

/** The start of an OLE compound file, as legacy .xls and password-protected .xlsx files begin. */
export function oleFile(): Buffer {
  return Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0)]);
}

/**
 * The messy 主体 list of a 旗区 office: a merged title and a note above the header, synonyms
 * for the column names, full-width values, serial and text dates, blank and 合计 rows.
 */
export function messyEntityRows(): unknown[][] {
  return [
    ['达拉特旗食品安全包保主体名单（2027年）', null, null, null, null, null, null, null, null, null],
    ['填报单位：达拉特旗市场监督管理局', null, null, null, null, null, null, null, null, null],
    [
      '序号',
      '企业名称',
      '社会信用代码',
      '许可证号',
      '主体类别',
      '包保等级',
      '所属旗区',
      '乡镇（街道）',
      '村（社区）',
      '负责人',
      '手机号',
      '日管控周排查月调度',
    ],
    /* 4 */ [
      1,
      '昭君羊肉馆',
      '９１４４０３００７０８４６１１３６Ｔ',
      'JY21506210000001',
      '小餐饮',
      'Ｄ级',
      '达拉特旗',
      '昭君镇',
      '和胜村',
      '刘 军',
      '１３９０４７７５６７８',
      46447,
    ],
    /* 5 */ [
      2,
      '内蒙古食用油有限公司',
      '91350100m000100y43',
      'SC10615062100017',
      '企业',
      'C',
      '达拉特旗',
      '昭君镇',
      '和胜村',
      '王芳',
      '13904771234',
      '2027年3月1日',
    ],
    /* 6 */ [3, '错码商店', '91350100M000100Y44', '', '个体', 'D', '达拉特旗', '昭君街道', '幸福社区', '', '', ''],
    /* 7 */ [4, '昭君羊肉馆分店', '914403007084611 36T', '', '小餐饮', 'D', '达拉特旗', '昭君镇', '', '', '', ''],
    /* 8 */ [],
    /* 9 */ [5, '无处可寻超市', '', '', '个体工商户', 'D', '达拉特旗', '不存在镇', '', '', '', ''],
    /* 10 */ [6, '模糊乡镇商店', '', '', '个体工商户', 'D', '达拉特旗', '昭君', '', '', '', ''],
    /* 11 */ [7, '新民村小卖部', '', '', '个体工商户', 'D', '达拉特旗', '昭君镇', '新民村', '', '12345', ''],
    /* 12 */ [8, '新民村便利店', '', '', '个体工商户', 'Ａ', '', '昭君镇', '新民村', '', '', '2027.3.1'],
    /* 13 */ [9, '', '', '', '', 'B', '达拉特旗', '昭君镇', '', '', '', ''],
    /* 14 */ [10, '阳光粮油店', '', '', '', 'D', '达拉特旗', '昭君街道', '幸福社区', '', '', ''],
    /* 15 */ ['合计', '10 户', null, null, null, null, null, null, null, null, null, null],
  ];
}
