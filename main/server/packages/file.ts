import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { z } from 'zod';
import { ApiError } from '@shared/api/result';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, parsePackageContent, type PackageContent } from '@shared/packages/content';
import {
  DOWN_PACKAGE_FORMAT,
  DOWN_PACKAGE_FORMAT_VERSION,
  DownContentSchema,
  type DownContent,
  type DownFile,
} from '@shared/packages/down';
import type { PackageFile } from '@shared/packages/slice';
import { claimedUnpackedSize } from '../import/zip-size';

/**
 * A 上报包 (and a 下发包, the same way) is one .xlsx: the usual print-ready sheets for whoever opens it in Excel or WPS, and a
 * machine part for the app in two extra parts of the same zip — `shian/content.json` (the
 * records, UTF-8 JSON) and `shian/manifest.json` (format, version, and the sha256 of
 * content.json's bytes). The parts are registered in [Content_Types].xml but referenced by no
 * relationship: Excel and WPS open the file as any workbook and, saving it again, drop them. A
 * package opened and saved again is therefore no package any more — refused as edited, never
 * half-read from sheets a person may have changed — and one whose content.json was changed, or
 * whose checksum is missing, fails the checksum.
 */
const CONTENT_PART = 'shian/content.json';
const MANIFEST_PART = 'shian/manifest.json';
const CONTENT_TYPES_PART = '[Content_Types].xml';
const JSON_CONTENT_TYPE = '<Default Extension="json" ContentType="application/json"/>';

/** A province's city package unpacks to some 200 MB (sheets and records); more is no package of ours. */
const MAX_UNPACKED_BYTES = 600 * 1024 * 1024;

/** Which way a package goes: up (上报包, from an area to the office above) or down (下发包, from the office to its areas). */
export type PackageDirection = 'upward' | 'downward';

const KINDS = {
  upward: { noun: '上报包', sender: '报送单位', format: PACKAGE_FORMAT, version: PACKAGE_FORMAT_VERSION },
  downward: { noun: '下发包', sender: '上级', format: DOWN_PACKAGE_FORMAT, version: DOWN_PACKAGE_FORMAT_VERSION },
} as const;

const ManifestPartSchema = z.object({
  format: z.enum([PACKAGE_FORMAT, DOWN_PACKAGE_FORMAT]),
  formatVersion: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

function editedMessage(direction: PackageDirection): string {
  const { noun, sender } = KINDS[direction];
  return `${noun}已被修改（在 Excel/WPS 中打开后另存，或数据部分被改动、校验码缺失），未导入，数据未改动。请让${sender}重新导出${noun}，原样发送，不要打开后另存`;
}

/** What a file given as the other kind is, and where it goes instead. */
const WRONG_KIND: Readonly<Record<PackageDirection, string>> = {
  upward: '是上级下发的下发包，不是上报包，未导入：下发包请在“汇总上报包”页面的“接收下发包”中接收（命令行 import package 会自动识别）',
  downward: '是旗区报送的上报包，不是下发包，未接收：上报包请在“汇总上报包”中汇总；接收下发包请选择上级下发的文件',
};

/** The workbook exceljs wrote, with the machine part added. */
export async function addMachinePart(workbook: Buffer, content: PackageContent | DownContent): Promise<{ bytes: Buffer; sha256: string }> {
  const json = Buffer.from(JSON.stringify(content), 'utf8');
  const sha256 = createHash('sha256').update(json).digest('hex');
  const zip = await JSZip.loadAsync(workbook);
  const types = await zip.file(CONTENT_TYPES_PART)?.async('string');
  if (!types) throw new Error('workbook without [Content_Types].xml');
  zip.file(CONTENT_TYPES_PART, types.includes('Extension="json"') ? types : types.replace(/(<Types[^>]*>)/, `$1${JSON_CONTENT_TYPE}`));
  zip.file(CONTENT_PART, json);
  const { format, formatVersion } = content.manifest;
  zip.file(MANIFEST_PART, JSON.stringify({ format, formatVersion, sha256 }));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, sha256 };
}

/** Which kind of package a file is, by its machine part; null when it is none (or was edited). */
export async function packageDirectionOf(bytes: Uint8Array): Promise<PackageDirection | null> {
  const claimed = claimedUnpackedSize(bytes);
  if (claimed === null || claimed > MAX_UNPACKED_BYTES) return null;
  try {
    const manifest = ManifestPartSchema.safeParse(
      parseJson((await (await JSZip.loadAsync(bytes)).file(MANIFEST_PART)?.async('string')) ?? ''),
    );
    return !manifest.success ? null : manifest.data.format === DOWN_PACKAGE_FORMAT ? 'downward' : 'upward';
  } catch {
    return null;
  }
}

/**
 * The machine part of a package of the expected kind, checked: not a workbook, not a package, the
 * other kind, edited (checksum), or made by a newer version are each refused with one Chinese
 * sentence saying what to do.
 */
async function readMachinePart(
  bytes: Uint8Array,
  fileName: string,
  direction: PackageDirection,
): Promise<{ data: unknown; sha256: string }> {
  const { noun, sender, version } = KINDS[direction];
  const original = `请选择${sender}发来的${noun}原文件`;
  const claimed = claimedUnpackedSize(bytes);
  if (claimed === null) throw new ApiError('invalid-argument', `“${fileName}”不是${noun}（不是 .xlsx 文件或文件已损坏），${original}`);
  if (claimed > MAX_UNPACKED_BYTES) throw new ApiError('invalid-argument', `“${fileName}”解压后过大，不是本软件导出的${noun}，未导入`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ApiError('invalid-argument', `“${fileName}”已损坏，无法读取，请让${sender}重新发送${noun}`);
  }
  const manifestPart = zip.file(MANIFEST_PART);
  const contentPart = zip.file(CONTENT_PART);
  if (!manifestPart && !contentPart && !zip.file('xl/workbook.xml')) {
    throw new ApiError('invalid-argument', `“${fileName}”不是${noun}（不是 .xlsx 文件），${original}`);
  }
  const edited = new ApiError('invalid-argument', `“${fileName}”：${editedMessage(direction)}`);
  if (!manifestPart || !contentPart) throw edited;
  const manifest = ManifestPartSchema.safeParse(parseJson(await manifestPart.async('string')));
  if (!manifest.success) throw edited;
  if (manifest.data.format !== KINDS[direction].format) throw new ApiError('invalid-argument', `“${fileName}”${WRONG_KIND[direction]}`);
  if (manifest.data.formatVersion > version) {
    throw new ApiError(
      'invalid-argument',
      `“${fileName}”由更新版本的软件导出（${noun}格式 ${manifest.data.formatVersion}），请先升级本软件后再导入`,
    );
  }
  const json = await contentPart.async('nodebuffer');
  const sha256 = createHash('sha256').update(json).digest('hex');
  if (sha256 !== manifest.data.sha256) throw edited;
  return { data: parseJson(json.toString('utf8')), sha256 };
}

function unreadable(fileName: string, direction: PackageDirection): ApiError {
  const { noun, sender } = KINDS[direction];
  return new ApiError(
    'invalid-argument',
    `“${fileName}”的数据部分无法识别（可能由其他版本的软件导出），未导入，请让${sender}用同一版本的软件重新导出${noun}`,
  );
}

/** A 上报包 in a file, checked (see readMachinePart). */
export async function readPackageFile(bytes: Uint8Array, fileName: string): Promise<PackageFile> {
  const { data, sha256 } = await readMachinePart(bytes, fileName, 'upward');
  const content = parsePackageContent(data);
  if (!content) throw unreadable(fileName, 'upward');
  const { manifest: made, records } = content;
  if (!records.regions.some((r) => r.id === made.region.id))
    throw new ApiError('invalid-argument', `“${fileName}”的数据部分不完整，未导入，请让报送单位重新导出`);
  return { content, sha256, fileName };
}

/** A 下发包 in a file, checked (see readMachinePart). */
export async function readDownPackageFile(bytes: Uint8Array, fileName: string): Promise<DownFile> {
  const { data, sha256 } = await readMachinePart(bytes, fileName, 'downward');
  const content = DownContentSchema.safeParse(data);
  if (!content.success || !content.data.regions.some((r) => r.id === content.data.manifest.region.id))
    throw unreadable(fileName, 'downward');
  return { content: content.data, sha256, fileName };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
