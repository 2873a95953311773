// Child process for the lock race: waits for the go file, then tries to take the data folder's
// lock once, prints "won" or "lost <message>", and holds whatever it got until it is killed.
import { existsSync } from 'node:fs';
import { acquireLock } from '../../../main/server/storage/lock';

const [dataDir = '', goFile = ''] = process.argv.slice(2);
process.stdout.write('ready\n');
// Wait in 1 ms steps without a busy loop, so the three children start within a millisecond or two.
const pause = new Int32Array(new SharedArrayBuffer(4));
while (!existsSync(goFile)) Atomics.wait(pause, 0, 0, 1);
acquireLock(dataDir).then(
  () => process.stdout.write('won\n'),
  (error: unknown) => process.stdout.write(`lost ${error instanceof Error ? error.message : String(error)}\n`),
);
setInterval(() => undefined, 1000);
