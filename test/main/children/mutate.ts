// Child process for the crash test: opens the library and saves 主体 one after another, each
// followed by a 督导 record of one of 2026's visits (its year file written the new way: layout.ts),
// printing "ack N" only after both saves have resolved (i.e. are on disk), until it is killed.
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
  const visit = `V-2026-${n % 30}`;
  const day = `2026-${String((n % 11) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
  await handlers['visits:record']({
    id: visit,
    doneDate: day,
    checklist: [{ item: '三类人在岗履职', result: '符合' }],
    problems: [],
    notes: `崩溃测试${n}`,
  } as never);
  process.stdout.write(`ack ${n}\n`);
}
