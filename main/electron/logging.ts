import path from 'node:path';
import { clipboard, dialog, type WebContents } from 'electron';
import log from 'electron-log/node';
import { PRODUCT_NAME } from '../server/paths';

export type Logger = Pick<Console, 'info' | 'warn' | 'error'>;

export const LOG_FILE_NAME = 'main.log';

/**
 * Writes the main process's log (and the page's reported errors) to `<userData>/logs/main.log`,
 * synchronously so the last lines before a crash are on disk; over 5 MB it rolls to main.old.log.
 */
export function startLogging(logsDir: string): Logger {
  log.transports.file.resolvePathFn = () => path.join(logsDir, LOG_FILE_NAME);
  log.transports.file.maxSize = 5 * 1024 * 1024;
  return log;
}

export interface FatalErrorContext {
  readonly log: Logger;
  readonly version: string;
  readonly logsDir: string;
  /** The library's folder, named in the copied text so support knows where the data is. */
  readonly dataDir: () => string;
}

function describe(error: unknown): { summary: string; details: string } {
  if (error instanceof Error) return { summary: error.message || error.name, details: error.stack ?? `${error.name}: ${error.message}` };
  return { summary: String(error), details: String(error) };
}

/**
 * Handles an error nothing else caught: logs it and tells the user in Chinese what happened,
 * that the data is safe and what to do, with 「复制错误信息」 for support. It writes nothing to
 * the library — every save is atomic, so the data file holds the last completed save — and
 * while one dialog is open, further errors are only logged.
 */
export function createFatalErrorReporter(context: FatalErrorContext): (error: unknown) => Promise<void> {
  let showing = false;
  return async (error) => {
    const { summary, details } = describe(error);
    context.log.error('[fatal]', details);
    if (showing) return;
    showing = true;
    try {
      const report = [
        `${PRODUCT_NAME} ${context.version}`,
        `时间：${new Date().toISOString()}`,
        `数据文件夹：${context.dataDir()}`,
        `日志文件夹：${context.logsDir}`,
        '',
        details,
      ].join('\n');
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: `${PRODUCT_NAME} — 出现意外错误`,
        message: '软件遇到了一个意外错误',
        detail:
          `发生了什么：${summary}\n\n` +
          '数据是安全的：每次保存都是先完整写入临时文件再替换，已保存的内容不会损坏，未完成的那一步不会只写入一半。\n\n' +
          `请这样做：点「复制错误信息」，把它发给维护人员（粘贴到微信或邮件）；然后关闭并重新打开本软件，检查最后一步操作是否已保存。日志在：${context.logsDir}`,
        buttons: ['复制错误信息', '关闭'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response === 0) clipboard.writeText(report);
    } catch (dialogError) {
      context.log.error('[fatal] could not show the error dialog', dialogError);
    } finally {
      showing = false;
    }
  };
}

/** Routes uncaught exceptions and unhandled rejections of the main process to the reporter. */
export function catchFatalErrors(report: (error: unknown) => Promise<void>): void {
  process.on('uncaughtException', (error) => void report(error));
  process.on('unhandledRejection', (reason) => void report(reason));
}

/**
 * The page's errors go to the same log: its uncaught exceptions and rejections (Chromium prints
 * them to the console as errors) and a crashed or killed renderer, which is also reported.
 */
export function logPageErrors(contents: WebContents, log: Logger, report: (error: unknown) => Promise<void>): void {
  contents.on('console-message', ({ level, message, sourceId, lineNumber }) => {
    if (level === 'error') log.error(`[renderer] ${message} (${sourceId}:${lineNumber})`);
  });
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit')
      void report(new Error(`页面进程意外退出（${details.reason}，退出码 ${details.exitCode}）。请点“视图 → 重新加载”或重新打开本软件`));
  });
}
