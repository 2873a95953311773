// Child process for the migration test: opens (and so migrates) the library, until it is killed.
import { LowdbStore } from '../../../main/server/storage/lowdb-store';

const dataDir = process.argv[2] ?? '';
process.stdout.write('ready\n');
const store = await LowdbStore.open(dataDir);
await store.close();
process.stdout.write('opened\n');
