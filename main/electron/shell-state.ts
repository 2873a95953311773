import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../server/storage/atomic-file';

const SavedWindowSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type SavedWindow = z.infer<typeof SavedWindowSchema>;

const ShellStateSchema = z.object({
  window: SavedWindowSchema.optional(),
  /** The folder of the last native open/save/folder dialog, where the next one starts. */
  lastFolder: z.string().optional(),
  /** Folders the user picked in the folder dialog, newest first: the page may have exports written there. */
  chosenFolders: z.array(z.string()).optional(),
});
export type ShellState = z.infer<typeof ShellStateSchema>;

/**
 * The desktop shell's own conveniences (window placement, last dialog folder) in
 * userData/shell-state.json, apart from the library: a missing or damaged file only means
 * defaults. Writes are atomic and queued one after another, so the file is never torn.
 */
export class ShellStateFile {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly file: string,
    private state: ShellState,
    private readonly onWriteError: (error: unknown) => void,
  ) {}

  static async open(file: string, onWriteError: (error: unknown) => void): Promise<ShellStateFile> {
    let state: ShellState = {};
    try {
      const parsed = ShellStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success) state = parsed.data;
    } catch {
      // No file yet, or not JSON: start from the defaults.
    }
    return new ShellStateFile(file, state, onWriteError);
  }

  get(): Readonly<ShellState> {
    return this.state;
  }

  update(patch: Partial<ShellState>): Promise<void> {
    this.state = { ...this.state, ...patch };
    const text = JSON.stringify(this.state, null, 2);
    this.writing = this.writing.then(() => writeFileAtomic(this.file, text)).catch(this.onWriteError);
    return this.writing;
  }

  /** Resolves when every queued write is on disk (the app waits for it before quitting). */
  flush(): Promise<void> {
    return this.writing;
  }
}
