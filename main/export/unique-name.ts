import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * `wanted` in `dir`, or wanted-2, wanted-3 … when a file of that name exists or was already
 * written in this run (namesakes in one 乡镇, an earlier export into the same folder): bulk
 * exports never overwrite a file silently.
 */
export function uniqueFileName(dir: string, wanted: string, used: Set<string> = new Set()): string {
  const { name, ext } = path.parse(wanted);
  let candidate = wanted;
  for (let n = 2; used.has(candidate) || existsSync(path.join(dir, candidate)); n++) candidate = `${name}-${n}${ext}`;
  used.add(candidate);
  return candidate;
}
