// Child process for start-modules.test.ts: opens the services on a folder as the app, the CLI and the
// web harness do, and prints whether exceljs was loaded; then makes a workbook and prints it again.
import { createRequire } from 'node:module';
import { buildWorkbook } from '../../../main/server/export/xlsx';
import { openServices } from '../../../main/server/services';

const exceljsLoaded = (): boolean =>
  Object.keys(createRequire(import.meta.url).cache).some((file) => file.includes('/node_modules/exceljs/'));

const { store } = await openServices(process.argv[2] ?? '');
process.stdout.write(`after start: ${exceljsLoaded()}\n`);
await buildWorkbook([]);
process.stdout.write(`after a workbook: ${exceljsLoaded()}\n`);
await store.close();
