import { constants } from 'node:fs';
import { copyFile, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileFault } from './file-faults';

/**
 * Writes `data` so that a crash or power cut at any moment leaves either the old file or the
 * new one, never a torn one: write a temp file in the same folder, fsync it, rename it over
 * the target (atomic on one volume), then fsync the folder so the rename itself is durable.
 * Rename is retried because antivirus or indexers on Windows briefly lock files.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[]): Promise<void> {
  return replaceAtomic(file, (temp) =>
    fillTempFile(file, temp, typeof data === 'string' ? [utf8(data)] : data instanceof Uint8Array ? [data] : data),
  );
}

/** The temp file a write of `file` by this process goes through (removed by sweepTempFiles after a crash). */
export function tempFileOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

/** Writes `blocks` into `temp` and fsyncs it; a fault the clerk can fix is said for `file`. */
export async function fillTempFile(file: string, temp: string, blocks: readonly Uint8Array[]): Promise<void> {
  try {
    const handle = await open(temp, 'w');
    try {
      for (const block of blocks) await writeAll(handle, block);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw fileFault(error, file, 'write');
  }
}

/** Bytes read and written at a time by copyBytes. */
const COPY_BLOCK_BYTES = 8 * 1024 * 1024;

/** Faults fs.copyFile reports as they are (a clerk can fix them); any other failure is tried again by copyBytes. */
const COPY_FAULTS = new Set(['ENOSPC', 'EDQUOT', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'EISDIR', 'ENOTDIR']);

/**
 * Copies `from` to `to` byte for byte and fsyncs the copy (a file in a backup's fresh temp folder:
 * the folder is renamed into place once every file is in). fs.copyFile copies in the kernel (at
 * `cityInUse` about three times faster than reading and writing here); where it refuses the target
 * (EINVAL on some, or something already there: COPYFILE_EXCL, as it would remove what is there when
 * it fails) the bytes are read and written here instead, and a full disk is said as such.
 */
export async function copyFileSynced(from: string, to: string): Promise<void> {
  try {
    try {
      await copyFile(from, to, constants.COPYFILE_EXCL);
    } catch (error) {
      if (COPY_FAULTS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await copyBytes(from, to);
    }
    const handle = await open(to, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileFault(error, to, 'write');
  }
}

async function copyBytes(from: string, to: string): Promise<void> {
  const source = await open(from, 'r');
  try {
    const target = await open(to, 'w');
    try {
      const buffer = Buffer.allocUnsafe(COPY_BLOCK_BYTES);
      for (let read = 0; (read = (await source.read(buffer, 0, buffer.length, null)).bytesRead) > 0;)
        await writeAll(target, buffer.subarray(0, read));
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

async function writeAll(handle: FileHandle, block: Uint8Array): Promise<void> {
  for (let done = 0; done < block.length;) done += (await handle.write(block, done)).bytesWritten;
}

/** Fills a temp file beside `file` with `fill`, then renames it over `file`. */
async function replaceAtomic(file: string, fill: (temp: string) => Promise<void>): Promise<void> {
  const dir = path.dirname(file);
  const temp = tempFileOf(file);
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
 * Removes temp files left in `dir` by writes that a crash or power cut interrupted, and with
 * `folders` the temp folders of backups being copied. Only for a folder this process alone writes
 * to (the data folder under its lock): another writer's temp file would be removed mid-write.
 */
export async function sweepTempFiles(dir: string, { folders = false } = {}): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (TEMP_NAME.test(name)) await rm(path.join(dir, name), { force: true, recursive: folders }).catch(() => undefined);
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

export async function renameWithRetry(from: string, to: string): Promise<void> {
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

export async function syncDirectory(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
