import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ApiError } from '@shared/api/result';

/**
 * The largest library file (data or backup) read: its text must fit in one string (V8 allows about
 * 512 MB) and parse in memory. A province library is about 80 MB.
 */
export const MAX_LIBRARY_BYTES = 500 * 1024 * 1024;

/**
 * A file-system failure as one Chinese sentence that names the file and the fix, for the faults a
 * clerk can fix (full disk, no permission, a folder where a file should be). Other errors pass
 * through unchanged.
 */
export function fileFault(error: unknown, file: string, action: 'read' | 'write'): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const verb = action === 'read' ? '读取' : '写入';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new ApiError(
        'internal',
        `磁盘空间已满，未能写入 ${file}，原有数据未改动。请清理该磁盘（例如删除不再需要的导出文件、旧备份或回收站中的文件）后重试`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ApiError(
        'internal',
        `没有${verb} ${file} 的权限（也可能是该文件正被 Excel、WPS 等程序打开，或磁盘只读），原有数据未改动。请关闭打开该文件的程序后重试；仍不行时，请换一个有读写权限的文件夹（例如“文档”下的文件夹），或请管理员为当前用户开放 ${path.dirname(file)} 的读写权限`,
      );
    case 'EISDIR':
      return new ApiError('internal', `${file} 是一个文件夹，不能当作文件${verb}，原有数据未改动。请把这个文件夹改名或移到别处后重试`);
    case 'ENOTDIR':
    case 'EEXIST': // from creating the folder: a file has its name
      return new ApiError(
        'internal',
        `无法${verb} ${file}：路径 ${path.dirname(file)} 中有一项应是文件夹，却是同名的文件，原有数据未改动。请把这个文件改名或移到别处后重试`,
      );
    default:
      return error;
  }
}

/** Refuses a library file too large to read, before reading it; `what` names it (数据文件, 备份“…”). */
export async function checkLibrarySize(file: string, what: string): Promise<void> {
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
  if (size > MAX_LIBRARY_BYTES) {
    throw new ApiError(
      'invalid-argument',
      `${what} ${file} 过大（${Math.round(size / 1024 / 1024)} MB，本软件最多读取 ${MAX_LIBRARY_BYTES / 1024 / 1024} MB），未被读取或改动。请确认它是本软件的数据或备份文件；如不是，请把它移出 ${path.dirname(file)} 后重试`,
    );
  }
}
