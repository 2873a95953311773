// Child process that holds a data folder's lock until it is killed.
import { openServices } from '../../../main/server/services';

await openServices(process.argv[2] ?? '');
process.stdout.write('ready\n');
setInterval(() => undefined, 1000);
