import type { ImportPreview } from '@shared/api/contract';
import type { Cell } from '@shared/records/cell';
import { findHeaderRow, mapColumns } from '@shared/records/header';
import { RECORD_DEFINITIONS } from '@shared/records';
import type { RecordKind } from '@shared/records/types';

/**
 * The header of a file the service refused because a required column is not recognised
 * ("表中缺少“主体名称”列"). import:preview then returns no columns, so the mapping step reads
 * the header here, the same way the service finds it, and the user can point a column at the
 * missing field and preview again. Only the first rows are read; null when the file has no
 * recognisable header (then the service's message is all there is to say).
 */
export interface LocalHeader {
  readonly sheetName: string;
  readonly headerRow: number;
  readonly columns: ImportPreview['columns'];
  readonly fields: ImportPreview['fields'];
}

const SCAN_ROWS = 30;

export async function readLocalHeader(kind: RecordKind, fileName: string, bytes: Uint8Array): Promise<LocalHeader | null> {
  let sheets: { name: string; rows: Cell[][] }[];
  try {
    const lower = fileName.toLowerCase();
    if (lower.endsWith('.csv') || lower.endsWith('.txt')) sheets = [{ name: fileName.replace(/\.[^.]+$/, ''), rows: parseCsvTop(decodeText(bytes)) }];
    else sheets = await readXlsxTop(bytes);
  } catch {
    return null;
  }
  const def = RECORD_DEFINITIONS[kind];
  const importable = def.columns.filter((c) => c.importable);
  for (const sheet of sheets) {
    const index = findHeaderRow(sheet.rows, def.columns);
    if (index < 0) continue;
    const { columns } = mapColumns(sheet.rows[index] ?? [], importable);
    return {
      sheetName: sheet.name,
      headerRow: index + 1,
      columns,
      fields: importable.map((c) => ({ key: c.key, label: c.label, required: def.requiredKeys.includes(c.key) })),
    };
  }
  return null;
}

// ---- CSV -----------------------------------------------------------------------------------

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const head = bytes.subarray(0, 256 * 1024);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    // A cut in the middle of a multi-byte character is not a reason to call the file GBK.
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastLineEnd(head)));
    } catch {
      return new TextDecoder('gbk').decode(head);
    }
  }
}

function lastLineEnd(bytes: Uint8Array): number {
  const at = bytes.lastIndexOf(0x0a);
  return at < 0 ? bytes.length : at + 1;
}

function parseCsvTop(text: string): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < SCAN_ROWS; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (rows.length < SCAN_ROWS && (field !== '' || row.length > 0)) rows.push([...row, field]);
  return rows;
}

// ---- xlsx: a zip of XML parts, read with the browser's own inflate ---------------------------

interface ZipEntry {
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad zip directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, { method: view.getUint16(at + 10, true), compressedSize: view.getUint32(at + 20, true), localOffset: view.getUint32(at + 42, true) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * One zip entry as text. `enough` sees each new piece of text and says when the rest is not
 * needed (the first rows of a 20,000-row sheet are at its start).
 */
async function entryText(bytes: Uint8Array, entry: ZipEntry, enough: (piece: string) => boolean = () => false): Promise<string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.slice(start, start + entry.compressedSize);
  if (entry.method === 0) return new TextDecoder('utf-8').decode(data);
  if (entry.method !== 8) throw new Error('unsupported compression');
  const reader = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')).pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += value;
    if (enough(value)) {
      await reader.cancel();
      break;
    }
  }
  return text;
}

const XML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? '';
  });
}

function attr(attrs: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return match?.[1] === undefined ? undefined : xmlText(match[1]);
}

/** All <t> text inside an element (rich text has several runs; phonetic runs are skipped). */
function runsText(xml: string): string {
  const withoutPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const match of withoutPhonetic.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) text += xmlText(match[1] ?? '');
  return text;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.') out.push(part);
  }
  return out.join('/');
}

interface RawCell {
  readonly column: number;
  readonly type: string;
  readonly value: string;
}

async function readXlsxTop(bytes: Uint8Array): Promise<{ name: string; rows: Cell[][] }[]> {
  const entries = zipEntries(bytes);
  const part = (name: string): ZipEntry => {
    const entry = entries.get(name);
    if (!entry) throw new Error(`missing ${name}`);
    return entry;
  };
  const workbook = await entryText(bytes, part('xl/workbook.xml'));
  const rels = await entryText(bytes, part('xl/_rels/workbook.xml.rels'));
  const targets = new Map<string, string>();
  for (const match of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(match[1] ?? '', 'Id');
    const target = attr(match[1] ?? '', 'Target');
    if (id && target) targets.set(id, resolvePart(target));
  }

  const sheets: { name: string; raw: RawCell[][] }[] = [];
  let maxShared = -1;
  for (const match of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = match[1] ?? '';
    const target = targets.get(attr(attrs, 'r:id') ?? '');
    const entry = target ? entries.get(target) : undefined;
    if (!entry) continue;
    let rowsSeen = 0;
    const xml = await entryText(bytes, entry, (piece) => {
      rowsSeen += piece.split('</row>').length - 1;
      return rowsSeen > SCAN_ROWS;
    });
    const raw: RawCell[][] = [];
    for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const number = Number(attr(row[1] ?? '', 'r') ?? raw.length + 1);
      if (number > SCAN_ROWS) break;
      const cells: RawCell[] = [];
      let next = 0;
      for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const cAttrs = c[1] ?? '';
        const ref = attr(cAttrs, 'r');
        const column = ref ? columnIndex(ref) : next;
        next = column + 1;
        const type = attr(cAttrs, 't') ?? 'n';
        const body = c[2] ?? '';
        const value = type === 'inlineStr' ? runsText(body) : xmlText(/<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '');
        if (type === 's' && value !== '') maxShared = Math.max(maxShared, Number(value));
        cells.push({ column, type, value });
      }
      raw[number - 1] = cells;
    }
    sheets.push({ name: attr(attrs, 'name') ?? '', raw });
  }

  const shared: string[] = [];
  const sharedEntry = entries.get('xl/sharedStrings.xml');
  if (sharedEntry && maxShared >= 0) {
    let seen = 0;
    const xml = await entryText(bytes, sharedEntry, (piece) => {
      seen += piece.split('</si>').length - 1;
      return seen > maxShared;
    });
    for (const si of xml.matchAll(/<si>([\s\S]*?)<\/si>/g)) shared.push(runsText(si[1] ?? ''));
  }

  return sheets.map(({ name, raw }) => ({
    name,
    rows: Array.from(raw, (cells) => {
      const row: Cell[] = [];
      for (const cell of cells ?? []) {
        row[cell.column] =
          cell.type === 's' ? (shared[Number(cell.value)] ?? '') : cell.type === 'b' ? cell.value === '1' : cell.type === 'n' && cell.value !== '' ? Number(cell.value) : cell.value;
      }
      return Array.from(row, (c) => c ?? null);
    }),
  }));
}
