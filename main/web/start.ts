import path from 'node:path';
import { parseArgs, stringFlag, UsageError } from '../cli/args';
import { defaultDataDir } from '../paths';
import { openServices } from '../services';
import { createWebServer } from './server';

/** `npm run web -- --data DIR --port N`: the real renderer and services in a browser. */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(stringFlag(args, 'data') ?? defaultDataDir());
  const port = Number(stringFlag(args, 'port') ?? '5175');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('端口号应为 0–65535 的整数', 'port must be an integer 0-65535');
  const { handlers } = await openServices(dataDir, { backupAtStart: true });
  const server = createWebServer(handlers);
  server.listen(port, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(`食安包保工作台（网页调试模式）: http://127.0.0.1:${address.port}/  数据文件夹 data folder: ${dataDir}`);
  });
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`错误：${error.chinese} / Error: ${error.english}`);
  else console.error(`错误 / Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
