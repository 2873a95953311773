import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { z } from 'zod';
import { ApiError } from '@shared/api/result';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, PackageContentSchema, type PackageContent } from '@shared/packages/content';
import type { PackageFile } from '@shared/packages/slice';
import { claimedUnpackedSize } from '../import/zip-size';

/**
 * A 上报包 is one .xlsx: the usual print-ready sheets for whoever opens it in Excel or WPS, and a
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

const ManifestPartSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const EDITED_MESSAGE =
  '上报包已被修改（在 Excel/WPS 中打开后另存，或数据部分被改动、校验码缺失），未导入，数据未改动。请让报送单位重新导出上报包，原样发送，不要打开后另存';

/** The workbook exceljs wrote, with the machine part added. */
export async function addMachinePart(workbook: Buffer, content: PackageContent): Promise<{ bytes: Buffer; sha256: string }> {
  const json = Buffer.from(JSON.stringify(content), 'utf8');
  const sha256 = createHash('sha256').update(json).digest('hex');
  const zip = await JSZip.loadAsync(workbook);
  const types = await zip.file(CONTENT_TYPES_PART)?.async('string');
  if (!types) throw new Error('workbook without [Content_Types].xml');
  zip.file(CONTENT_TYPES_PART, types.includes('Extension="json"') ? types : types.replace(/(<Types[^>]*>)/, `$1${JSON_CONTENT_TYPE}`));
  zip.file(CONTENT_PART, json);
  zip.file(MANIFEST_PART, JSON.stringify({ format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, sha256 }));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { bytes, sha256 };
}

/**
 * The package in a file, checked: not a workbook, not a package, edited (checksum), or made by a
 * newer version are each refused with one Chinese sentence saying what to do.
 */
export async function readPackageFile(bytes: Uint8Array, fileName: string): Promise<PackageFile> {
  const claimed = claimedUnpackedSize(bytes);
  if (claimed === null)
    throw new ApiError('invalid-argument', `“${fileName}”不是上报包（不是 .xlsx 文件或文件已损坏），请选择报送单位发来的上报包原文件`);
  if (claimed > MAX_UNPACKED_BYTES) throw new ApiError('invalid-argument', `“${fileName}”解压后过大，不是本软件导出的上报包，未导入`);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ApiError('invalid-argument', `“${fileName}”已损坏，无法读取，请让报送单位重新发送上报包`);
  }
  const manifestPart = zip.file(MANIFEST_PART);
  const contentPart = zip.file(CONTENT_PART);
  if (!manifestPart && !contentPart && !zip.file('xl/workbook.xml')) {
    throw new ApiError('invalid-argument', `“${fileName}”不是上报包（不是 .xlsx 文件），请选择报送单位发来的上报包原文件`);
  }
  if (!manifestPart || !contentPart) throw new ApiError('invalid-argument', `“${fileName}”：${EDITED_MESSAGE}`);
  const manifest = ManifestPartSchema.safeParse(parseJson(await manifestPart.async('string')));
  if (!manifest.success) throw new ApiError('invalid-argument', `“${fileName}”：${EDITED_MESSAGE}`);
  if (manifest.data.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw new ApiError(
      'invalid-argument',
      `“${fileName}”由更新版本的软件导出（上报包格式 ${manifest.data.formatVersion}），请先升级本软件后再导入`,
    );
  }
  const json = await contentPart.async('nodebuffer');
  const sha256 = createHash('sha256').update(json).digest('hex');
  if (sha256 !== manifest.data.sha256) throw new ApiError('invalid-argument', `“${fileName}”：${EDITED_MESSAGE}`);
  const content = PackageContentSchema.safeParse(parseJson(json.toString('utf8')));
  if (!content.success)
    throw new ApiError(
      'invalid-argument',
      `“${fileName}”的数据部分无法识别（可能由其他版本的软件导出），未导入，请让报送单位用同一版本的软件重新导出`,
    );
  const { manifest: made, records } = content.data;
  if (!records.regions.some((r) => r.id === made.region.id))
    throw new ApiError('invalid-argument', `“${fileName}”的数据部分不完整，未导入，请让报送单位重新导出`);
  return { content: content.data, sha256, fileName };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
