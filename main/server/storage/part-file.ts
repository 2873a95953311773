import { readFile } from 'node:fs/promises';
import { Low, type Adapter } from 'lowdb';
import type { FileWrite } from './commit';
import { checkLibrarySize, fileFault } from './file-faults';
import { jsonBytes } from './json-bytes';

/**
 * Each JSON file of the library goes through lowdb's `Low` (the SPEC's store) with this adapter of
 * ours (docs/architecture.md#data-files). Reading checks the file's size first and says a fault the
 * clerk can fix (file-faults.ts); writing does not touch the disk: it hands the file's bytes
 * (json-bytes.ts, streamed) to the change being saved, which commit.ts writes together with the
 * change's other files as one — lowdb's own file adapters write one file at a time.
 */
class PartAdapter implements Adapter<object | null> {
  /** The text last read (kept by a migration as the pre-migration copy). */
  text: string | null = null;

  constructor(
    private readonly file: string,
    private readonly name: string,
    private readonly change: FileWrite[] | null,
    private readonly options: { readonly ascii?: boolean } = {},
  ) {}

  async read(): Promise<object | null> {
    await checkLibrarySize(this.file, '数据文件');
    try {
      this.text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw fileFault(error, this.file, 'read');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.text);
    } catch {
      throw new NotJsonError();
    }
    if (typeof parsed !== 'object' || parsed === null) throw new NotJsonError();
    return parsed;
  }

  write(data: object | null): Promise<void> {
    if (!this.change) return Promise.reject(new Error(`${this.name} 只读`));
    this.change.push({ name: this.name, blocks: jsonBytes(data ?? {}, this.options) });
    return Promise.resolve();
  }
}

/** The file's content is not a JSON object (cut short, or not written by this program). */
export class NotJsonError extends Error {}

/** A JSON file of the library: its object and text, or null when there is none. Throws NotJsonError. */
export async function readPartFile(file: string): Promise<{ data: Record<string, unknown>; text: string } | null> {
  const adapter = new PartAdapter(file, '', null);
  const db = new Low<object | null>(adapter, null);
  await db.read();
  return db.data && adapter.text !== null ? { data: db.data as Record<string, unknown>, text: adapter.text } : null;
}

/** Puts the file `name` holding `data` into `change` (written by commitFiles); `ascii`: see asciiJson. */
export async function stagePartFile(
  change: FileWrite[],
  name: string,
  data: object,
  options: { readonly ascii?: boolean } = {},
): Promise<void> {
  await new Low<object | null>(new PartAdapter(name, name, change, options), data).write();
}
