// Browser part of `npm run bench` (not a test): the real renderer in the system Chromium against the
// web harness on a prepared library. `tsx test/bench/ui-bench.ts <data folder>` (WEB_DIST = the
// built renderer) prints {"uiListReady": …, "uiScroll": …} as its last line.
import { chromium } from '@playwright/test';
import { startHarness } from '../e2e/harness';

const dataDir = process.argv[2] ?? '';
/** Scrolling the whole list is done in this many wheel turns, each one a screenful or more. */
const SCROLL_STEPS = 40;

const harness = await startHarness({ dataDir });

/** The id of the list's last row, asked of the service the screen uses. */
async function lastEntityId(): Promise<string> {
  const response = await fetch(`${harness.url}api/entities:query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const result = (await response.json()) as { value: { rows: { id: string }[] } };
  return result.value.rows.at(-1)?.id ?? '';
}
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const rows = page.locator('.ant-table-row');

  // From navigation to a 主体 list that shows its rows and takes typing: the figure a clerk waits.
  const start = performance.now();
  await page.goto(`${harness.url}#/entities`);
  await page.getByText(/共 \d+ 户/).waitFor();
  await rows.first().waitFor();
  await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  await page.getByPlaceholder(/名称 \/ 拼音首字母/).waitFor();
  const listReadyMs = performance.now() - start;
  const total = Number((await page.getByText(/共 \d+ 户/).textContent())?.match(/\d+/)?.[0]);

  // Through every row to the last with the mouse wheel; each turn waits for the next painted frame.
  const box = await page.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first().boundingBox();
  if (!box) throw new Error('找不到主体列表的表体');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const rowHeight = (await rows.first().boundingBox())?.height ?? 40;
  const frames: number[] = [];
  const scrollStart = performance.now();
  for (let i = 0; i < SCROLL_STEPS; i++) {
    const before = performance.now();
    await page.mouse.wheel(0, Math.ceil((total * rowHeight) / SCROLL_STEPS));
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    frames.push(performance.now() - before);
  }
  const last = page.locator(`.ant-table-row[data-row-key="${await lastEntityId()}"]`);
  await last.waitFor();
  const scrollMs = performance.now() - scrollStart;
  // BENCH_SCREENSHOT=FILE.png keeps a picture of the list scrolled to its end, to look at.
  if (process.env['BENCH_SCREENSHOT']) await page.screenshot({ path: process.env['BENCH_SCREENSHOT'] });
  const worstFrame = Math.max(...frames);

  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      uiListReady: { ms: round(listReadyMs), note: `navigation to ${total} 主体 listed and searchable (web harness, Chromium)` },
      uiScroll: { ms: round(scrollMs), note: `${total} rows top to bottom in ${SCROLL_STEPS} wheel turns; slowest turn ${round(worstFrame)} ms` },
    }),
  );
} finally {
  await browser.close();
  await harness.stop();
}
