import path from 'node:path';
import { parseArgs, stringFlag, UsageError } from '../cli/args';
import { defaultDataDir, exportDirOf } from '../paths';
import { openServices } from '../services';
import { createWebServer } from './server';

/** `npm run web -- --data DIR --port N`: the real renderer and services in a browser. */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), { data: { type: 'string' }, port: { type: 'string' } });
  const dataDir = path.resolve(stringFlag(args, 'data') ?? defaultDataDir());
  const port = Number(stringFlag(args, 'port') ?? '5175');
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError('端口号应为 0–65535 的整数', 'port must be an integer 0-65535');
  const { handlers, store } = await openServices(dataDir, { backupAtStart: true });
  const server = createWebServer(handlers, { exportDir: exportDirOf(dataDir) });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  // Ctrl+C or a kill ends the server with the data folder's lock released.
  const stop = (): void => {
    server.close();
    void store.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // A failure outside any request (a background job) is logged; the server keeps serving.
  process.on('uncaughtException', (error) => console.error('[web] unexpected error', error));
  process.on('unhandledRejection', (error) => console.error('[web] unexpected error', error));
  const address = server.address() as { port: number };
  console.log(`食安包保工作台（网页调试模式）: http://127.0.0.1:${address.port}/  数据文件夹 data folder: ${dataDir}`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`错误：${error.chinese} / Error: ${error.english}`);
  else console.error(`错误 / Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
