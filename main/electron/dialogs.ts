import { mkdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { dialog, shell, type BrowserWindow } from 'electron';
import type { FileContent } from '@shared/api/contract';
import type { FileFilter, OpenFileOptions } from '@shared/api/desktop';
import { ApiError } from '@shared/api/result';
import { isInsideFolder, PRODUCT_NAME } from '../server/paths';
import type { ShellStateFile } from './shell-state';
import { writeFileAtomic } from '../server/storage/atomic-file';
import { safeFileName } from '../server/export/unique-name';

/** What the save dialog offers for the file types the app writes. */
const SAVE_FILTERS: Readonly<Record<string, FileFilter>> = {
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
  pdf: { name: 'PDF 文件', extensions: ['pdf'] },
  json: { name: '备份文件', extensions: ['json'] },
  csv: { name: 'CSV 文件', extensions: ['csv'] },
};

/** How many folders picked in the folder dialog stay usable for exports (the most recent ones). */
const MAX_CHOSEN_FOLDERS = 20;

/** A problem the user can fix, said on the window in Chinese: what happened and what to do. */
export async function tellOnWindow(window: BrowserWindow, message: string, detail: string): Promise<void> {
  await dialog.showMessageBox(window, { type: 'warning', title: PRODUCT_NAME, message, detail, buttons: ['知道了'], noLink: true });
}

function sizeText(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Native open/save/folder dialogs and Explorer, starting where the user last was (else the
 * export folder). Failures the user can fix (a file open in Excel, too big, unreadable) are
 * shown in a message box on the window and the call resolves to null, as if cancelled.
 */
export class Dialogs {
  constructor(
    private readonly state: ShellStateFile,
    /** The data folder's 导出 folder: where the first dialog starts. */
    private readonly exportDir: string,
  ) {}

  /** The last folder used while it still exists, else the export folder (created on first use). */
  private async startFolder(): Promise<string> {
    const last = this.state.get().lastFolder;
    if (
      last &&
      (await stat(last).then(
        (info) => info.isDirectory(),
        () => false,
      ))
    )
      return last;
    await mkdir(this.exportDir, { recursive: true }).catch(() => undefined);
    return this.exportDir;
  }

  private remember(folder: string): void {
    void this.state.update({ lastFolder: folder });
  }

  /** Asks where to save `fileName`, then writes what `make` produces there; the path or null. */
  async saveBytes(window: BrowserWindow, fileName: string, make: () => Promise<Uint8Array>): Promise<string | null> {
    const startFolder = await this.startFolder();
    // A name proposed by the page: a plain name (no folders), nothing Windows refuses.
    const name = safeFileName(startFolder, fileName);
    const extension = path.extname(name).slice(1).toLowerCase();
    const filter = SAVE_FILTERS[extension];
    const { canceled, filePath } = await dialog.showSaveDialog(window, {
      title: '保存文件',
      defaultPath: path.join(startFolder, name),
      filters: filter ? [{ ...filter, extensions: [...filter.extensions] }] : [],
    });
    if (canceled || !filePath) return null;
    try {
      await writeFileAtomic(filePath, await make());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why =
        code === 'EBUSY' || code === 'EPERM' || code === 'EACCES'
          ? '文件可能正在 Excel/WPS 中打开，或该文件夹不允许写入'
          : `写入时出错（${error instanceof Error ? error.message : String(error)}）`;
      await tellOnWindow(
        window,
        `未能保存“${path.basename(filePath)}”`,
        `${why}。\n请关闭正在打开该文件的程序，或换一个文件名、文件夹后再保存一次。`,
      );
      return null;
    }
    this.remember(path.dirname(filePath));
    return filePath;
  }

  saveFile(window: BrowserWindow, file: FileContent): Promise<string | null> {
    return this.saveBytes(window, file.fileName, async () => Buffer.from(file.contentBase64, 'base64'));
  }

  async openFile(window: BrowserWindow, options: OpenFileOptions): Promise<FileContent | null> {
    const { canceled, filePaths } = await dialog.showOpenDialog(window, {
      title: options.title,
      defaultPath: await this.startFolder(),
      properties: ['openFile'],
      filters: options.filters.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] })),
    });
    const chosen = filePaths[0];
    if (canceled || !chosen) return null;
    const fileName = path.basename(chosen);
    this.remember(path.dirname(chosen));
    try {
      const { size } = await stat(chosen);
      if (size > options.maxBytes) {
        await tellOnWindow(
          window,
          `文件“${fileName}”太大`,
          `它有 ${sizeText(size)}，超过 ${sizeText(options.maxBytes)} 的上限。请删去无关的工作表、图片，或分成几个文件后再选择。`,
        );
        return null;
      }
      return { fileName, contentBase64: (await readFile(chosen)).toString('base64') };
    } catch {
      await tellOnWindow(
        window,
        `无法读取文件“${fileName}”`,
        '文件可能已被移动，或正被其他程序占用。请关闭 Excel/WPS 中的该文件后重新选择。',
      );
      return null;
    }
  }

  async chooseFolder(window: BrowserWindow, title: string): Promise<string | null> {
    const { canceled, filePaths } = await dialog.showOpenDialog(window, {
      title,
      defaultPath: await this.startFolder(),
      properties: ['openDirectory', 'createDirectory'],
    });
    const chosen = filePaths[0];
    if (canceled || !chosen) return null;
    const earlier = (this.state.get().chosenFolders ?? []).filter((folder) => folder !== chosen);
    void this.state.update({ lastFolder: chosen, chosenFolders: [chosen, ...earlier].slice(0, MAX_CHOSEN_FOLDERS) });
    return chosen;
  }

  /**
   * Whether the page may have files written into `target`, or shown in Explorer: the export
   * folder or a folder the user picked in the folder dialog (this run or an earlier one), or
   * inside one. A path the page made up is refused.
   */
  mayUse(target: string): boolean {
    return [this.exportDir, ...(this.state.get().chosenFolders ?? [])].some((folder) => isInsideFolder(target, folder));
  }

  /**
   * A folder opens in Explorer; a file is shown selected in its folder (never opened: a page
   * must not be able to run a program).
   */
  async showInFolder(fullPath: string): Promise<void> {
    const info = await stat(fullPath).catch(() => null);
    if (!info) throw new ApiError('not-found', `找不到“${fullPath}”，它可能已被移动或删除`);
    if (!info.isDirectory()) {
      shell.showItemInFolder(fullPath);
      return;
    }
    const failure = await shell.openPath(fullPath);
    if (failure) throw new ApiError('internal', `无法在资源管理器中打开“${fullPath}”：${failure}`);
  }

  /** The menu's 打开…文件夹: creates the folder when it does not exist yet (e.g. 导出 before the first export). */
  async openFolder(folder: string): Promise<void> {
    await mkdir(folder, { recursive: true });
    await this.showInFolder(folder);
  }
}
