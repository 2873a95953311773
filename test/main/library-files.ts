import type { DataDoc } from '@shared/storage/types';
import { readLibraryFolder } from '../../main/server/storage/library-folder';

/** The library a data folder (or a backup folder) holds on disk: data.json and the files of its history. */
export async function readLibrary(dir: string): Promise<DataDoc> {
  const check = await readLibraryFolder(dir, { log: 'read' });
  if (!check) throw new Error(`${dir} 中没有数据文件`);
  if (!check.ok) throw new Error(`${check.file}：${check.reason}`);
  return check.doc;
}
