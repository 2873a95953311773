import { mkdir, open, readdir, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { fileFault } from './file-faults';
import { jsonBytes } from './json-bytes';

/**
 * Writes `data` so that a crash or power cut at any moment leaves either the old file or the
 * new one, never a torn one: write a temp file in the same folder, fsync it, rename it over
 * the target (atomic on one volume), then fsync the folder so the rename itself is durable.
 * Rename is retried because antivirus or indexers on Windows briefly lock files.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  return replaceAtomic(file, async (temp) => {
    const handle = await open(temp, 'w');
    try {
      for (const block of typeof data === 'string' ? [utf8(data)] : data instanceof Uint8Array ? [data] : data)
        await writeAll(handle, block);
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
}

/** Bytes read and written at a time by copyFileAtomic. */
const COPY_BLOCK_BYTES = 8 * 1024 * 1024;

/**
 * Copies `from` to `to` as writeFileAtomic writes: the whole copy or nothing at `to`. Always a copy,
 * never a hard link: a backup must survive damage written into the library file in place (another
 * program, a disk fault). Read and written here rather than by fs.copyFile, whose in-kernel copy
 * fails on some targets with EINVAL instead of the fault a clerk can fix (a full disk).
 */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  try {
    await mkdir(path.dirname(to), { recursive: true });
  } catch (error) {
    throw fileFault(error, to, 'write');
  }
  await replaceAtomic(to, async (temp) => {
    const source = await open(from, 'r');
    try {
      const target = await open(temp, 'w');
      try {
        const buffer = Buffer.allocUnsafe(COPY_BLOCK_BYTES);
        for (let read = 0; (read = (await source.read(buffer, 0, buffer.length, null)).bytesRead) > 0;)
          await writeAll(target, buffer.subarray(0, read));
        await target.sync();
      } finally {
        await target.close();
      }
    } finally {
      await source.close();
    }
  });
}

async function writeAll(handle: FileHandle, block: Uint8Array): Promise<void> {
  for (let done = 0; done < block.length;) done += (await handle.write(block, done)).bytesWritten;
}

/** Fills a temp file beside `file` with `fill`, then renames it over `file`. */
async function replaceAtomic(file: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await mkdir(dir, { recursive: true });
    await fill(temp);
    await renameWithRetry(temp, file);
  } catch (error) {
    // A full disk stays full: a half-written temp file left behind would only make it fuller.
    // (Not a folder in its way: rm without recursive leaves that to the user, as the message says.)
    await rm(temp, { force: true }).catch(() => undefined);
    throw fileFault(error, file, 'write');
  }
  await syncDirectory(dir);
}

/** The temp files writeFileAtomic names. */
const TEMP_NAME = /^\..+\.\d+\.tmp$/;

/**
 * Removes temp files left in `dir` by writes that a crash or power cut interrupted. Only for a
 * folder this process alone writes to (the data folder under its lock): another writer's temp
 * file would be removed mid-write.
 */
export async function sweepTempFiles(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (TEMP_NAME.test(name)) await rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/**
 * UTF-8 bytes of a string. Node's own conversion (what writeFile does with a string) is about ten
 * times slower than TextEncoder.encodeInto for Chinese text: ~60 ms of a city library's save.
 */
function utf8(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafe(Buffer.byteLength(text));
  new TextEncoder().encodeInto(text, bytes);
  return bytes;
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}

async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** lowdb adapter over the atomic writer. Parsing errors surface to the store, which validates. */
export class AtomicJsonFile<T extends object | null> implements Adapter<T> {
  constructor(private readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    return writeFileAtomic(this.file, data === null ? 'null' : jsonBytes(data));
  }
}
