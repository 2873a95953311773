// Child process for the crash test: opens the library and saves 主体 one after another,
// printing "ack N" only after each save has resolved (i.e. is on disk), until it is killed.
import { openServices } from '../../../main/server/services';

const dataDir = process.argv[2] ?? '';
const start = Number(process.argv[3] ?? '0');
const { handlers } = await openServices(dataDir);
process.stdout.write('ready\n');
for (let n = start; ; n++) {
  await handlers['entities:save']({
    name: `崩溃测试主体${n}`,
    type: '个体工商户',
    grade: 'D',
    regionId: 'hhc',
    notes: 'x'.repeat(n % 500),
  } as never);
  process.stdout.write(`ack ${n}\n`);
}
