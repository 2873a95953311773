/** The chosen file's bytes and their base64 form (what import:preview takes). */
export interface LoadedFile {
  readonly name: string;
  readonly size: number;
  readonly bytes: Uint8Array;
  readonly base64: string;
}

/** Matches the service's limit (main/server/import/read-sheets.ts): larger files are refused there too. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export async function loadFile(file: File): Promise<LoadedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, size: file.size, bytes, base64: bytesToBase64(bytes) };
}

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
