import type { ImportProgress } from '@shared/api/contract';

/** How often the screen asks how far a preview has got. */
export const PROGRESS_POLL_MS = 250;

/** An id for the next preview, chosen here so its progress can be asked for (and it can be stopped) before it returns. */
export function newPreviewId(): string {
  return `P-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The busy title: the file being read, then which row is being checked (of how many, once all are read). */
export function progressTitle(progress: ImportProgress | null): string {
  if (progress?.stage !== 'checking') return '正在读取文件…';
  const done = progress.done.toLocaleString('zh-CN');
  if (progress.total === 0) return `正在读取并核对，已核对 ${done} 行…`;
  return `正在核对第 ${done}/${progress.total.toLocaleString('zh-CN')} 行…`;
}

/** Rows checked as a whole percentage; null while their number is not known yet (the file still being read). */
export function progressPercent(progress: ImportProgress | null): number | null {
  if (progress?.stage !== 'checking' || progress.total === 0) return null;
  return Math.floor((progress.done / progress.total) * 100);
}
