import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Hostile workbooks for the reader's limits, written entry by entry (exceljs would never write
 * them): a stray cell far below the data, a row-count claim, a shared-string bomb, an entry whose
 * size the zip misstates. Every file is built from code here, never a stored binary.
 */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer | string;
  /** The uncompressed size the zip claims for the entry (its real size if absent). */
  readonly claimedSize?: number;
}

/** A plain zip (deflate, no data descriptors) of the entries, in order. */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const packed = deflateRawSync(data, { level: 1 });
    const size = entry.claimedSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(crc32(data), 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(header, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** `<row>` XML of text cells (inline strings), numbered from `first` (1-based). */
export function rowsXml(rows: readonly (readonly string[])[], first = 1): string {
  return rows
    .map((cells, i) => {
      const r = first + i;
      const xml = cells.map((text, c) => `<c r="${columnName(c)}${r}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('');
      return `<row r="${r}">${xml}</row>`;
    })
    .join('');
}

export interface HostileWorkbook {
  /** 主体 unless given. */
  readonly sheetName?: string;
  /** The sheet's `<sheetData>` content. */
  readonly sheetData: string;
  /** `<dimension ref>` of the sheet, e.g. A1:Z200000000. */
  readonly dimension?: string;
  /** xl/sharedStrings.xml as given (built by the caller: it may be huge). */
  readonly sharedStrings?: Buffer | string;
  /** The size the zip claims for the sheet's entry. */
  readonly sheetClaimedSize?: number;
  /** Further entries, e.g. a bomb among the media. */
  readonly extra?: readonly ZipEntry[];
}

/** A minimal one-sheet workbook as Excel lays it out: workbook and strings before the sheet. */
export function hostileXlsx(book: HostileWorkbook): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const strings = book.sharedStrings !== undefined;
  return zipOf([
    {
      name: '[Content_Types].xml',
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        (strings
          ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
          : '') +
        '</Types>',
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${escapeXml(book.sheetName ?? '主体')}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${pkg}">` +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
        (strings ? `<Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
        '</Relationships>',
    },
    ...(strings ? [{ name: 'xl/sharedStrings.xml', data: book.sharedStrings ?? '' }] : []),
    {
      name: 'xl/worksheets/sheet1.xml',
      data:
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${main}" xmlns:r="${rel}">` +
        (book.dimension ? `<dimension ref="${book.dimension}"/>` : '') +
        `<sheetData>${book.sheetData}</sheetData></worksheet>`,
      ...(book.sheetClaimedSize === undefined ? {} : { claimedSize: book.sheetClaimedSize }),
    },
    ...(book.extra ?? []),
  ]);
}

/** Rows of 主体 that import cleanly into smallDoc, more than one batch of the reading thread (1,000 rows). */
export const GOOD_ROWS = 1500;

export function goodRows(): string[][] {
  const header = ['主体名称', '主体类型', '包保等级', '所属旗区', '乡镇（街道）', '村（社区）'];
  return [
    header,
    ...Array.from({ length: GOOD_ROWS }, (_, i) => [`昭君第${i + 1}号商店`, '个体工商户', 'D', '达拉特旗', '昭君镇', '和胜村']),
  ];
}

/** One cell with a value on Excel's last row, far below the data. */
export const STRAY_CELL = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>最下方的备注</t></is></c></row>';
