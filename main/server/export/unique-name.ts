import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '@shared/api/result';
import { fileNameText } from '@shared/domain/text';

/** Device names Windows will not create a file as, with or without an extension (NUL.html). */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[1-9]|LPT[1-9])(?=\.|$)/i;
/** Explorer and many tools fail on paths of 260 characters or more (MAX_PATH). */
const MAX_PATH = 259;
/** Most file systems (NTFS counts UTF-16 units, ext4 and APFS bytes) take at most 255 per name. */
const MAX_NAME_BYTES = 255;
/** Left for the -2, -3 … that uniqueFileName may add. */
const SUFFIX_ROOM = 4;

/**
 * `wanted` as a name Windows (and any other system) accepts in `dir`: names stored before the text
 * rule (shared/domain/text.ts) may hold control or bidi characters, a name proposed by a page may
 * point to another folder, be a device name or end in a dot, and a long 旗区-乡镇-姓名 must not push
 * the path past MAX_PATH. The extension is kept.
 */
export function safeFileName(dir: string, wanted: string): string {
  const clean = fileNameText(wanted).trim();
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(clean)?.[0] ?? '';
  // Leading dots would hide the file (or name a folder: ..); trailing ones Windows drops itself.
  let stem =
    clean
      .slice(0, clean.length - ext.length)
      .replace(/^[. ]+|[. ]+$/g, '')
      .replace(RESERVED, '$1_') || '未命名';
  const room = Math.max(8, MAX_PATH - path.resolve(dir).length - 1 - ext.length - SUFFIX_ROOM);
  const chars = [...stem];
  while (chars.length > room || Buffer.byteLength(chars.join('') + ext) > MAX_NAME_BYTES - SUFFIX_ROOM) chars.pop();
  stem = chars.join('').replace(/[. ]+$/, '') || '未命名';
  return `${stem}${ext}`;
}

/**
 * safeFileName(dir, wanted), or with -2, -3 … when a file of that name exists or was already
 * written in this run (namesakes in one 乡镇, an earlier export into the same folder): bulk
 * exports never overwrite a file silently.
 */
export function uniqueFileName(dir: string, wanted: string, used: Set<string> = new Set()): string {
  const safe = safeFileName(dir, wanted);
  const { name, ext } = path.parse(safe);
  let candidate = safe;
  for (let n = 2; used.has(candidate) || existsSync(path.join(dir, candidate)); n++) candidate = `${name}-${n}${ext}`;
  used.add(candidate);
  return candidate;
}

/** A file a bulk export could not write, and why: the export goes on with the others. */
export interface SkippedFile {
  readonly fileName: string;
  readonly reason: string;
}

export function skippedFile(fileName: string, error: unknown): SkippedFile {
  // writeFileAtomic words the faults a clerk can fix (full disk, no permission); others keep their code.
  const reason =
    error instanceof ApiError
      ? error.message
      : `系统拒绝写入该文件（${(error as NodeJS.ErrnoException | null)?.code ?? String(error)}），请检查导出文件夹后重新导出`;
  return { fileName, reason };
}
