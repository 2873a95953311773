// `tsx test/e2e/prepare.ts`: prepares what Playwright's global setup would (the bundled programs and
// the demo libraries) ahead of the run and prints the folder; a run given it in BAOBAO_E2E_DIR uses it
// as it is and leaves it in place. npm test (scripts/test.mjs) prepares it beside lint and typecheck.
import { prepareE2eDir } from './global-setup';

process.stdout.write(`${await prepareE2eDir()}\n`);
