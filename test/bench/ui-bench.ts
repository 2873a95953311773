// Browser part of `npm run bench` (not a test): the real renderer in the system Chromium against the
// web harness on a prepared library, with the plan year's 督导 planned first (the city in use).
// `tsx test/bench/ui-bench.ts <data folder>` (WEB_DIST = the built renderer) prints
// {"uiListReady": …, "uiScroll": …, "uiSearch": …, "uiSave": …, "uiScreen…": …, "uiDashboardReady": …} as its last line.
import { chromium, type Page } from '@playwright/test';
import { pinyinInitials } from '../../shared/query/search';
import type { DataDoc } from '../../shared/storage/types';
import { CHROMIUM_ARGS } from '../e2e/chromium-args';
import { E2E_DIR_VARIABLE, startHarness } from '../e2e/harness';

const dataDir = process.argv[2] ?? '';
/** Scrolling the whole list is done in this many wheel turns, each one a screenful or more. */
const SCROLL_STEPS = 40;
/** A clerk's normal typing pace: about six keys a second. */
const KEY_DELAY_MS = 160;
/**
 * What shows on screen: every element matching `selector` (whose text matches `text`, when given) is
 * tested; `visible` wants one of them visible, `hidden` none visible, `absent` none in the page.
 */
interface Shown {
  readonly selector: string;
  readonly text?: string;
  readonly state?: 'visible' | 'hidden' | 'absent';
}

/**
 * Waits until every `shown` holds, tested in the page at each animation frame: the figure ends at the
 * frame the screen got there. (Playwright's own waits poll at 0, 20, 50, 100, 100 ms and then every
 * 500 ms, which rounded a figure past a few hundred ms up by as much as half a second.)
 */
async function frameWhen(page: Page, ...shown: Shown[]): Promise<void> {
  await page.waitForFunction(
    (tests) =>
      tests.every(({ selector, text, state = 'visible' }) => {
        const matching = [...document.querySelectorAll(selector)].filter((e) => !text || new RegExp(text).test(e.textContent ?? ''));
        if (state === 'absent') return matching.length === 0;
        const visible = matching.some((e) => e.checkVisibility());
        return state === 'visible' ? visible : !visible;
      }),
    shown,
    { polling: 'raf', timeout: 60_000 },
  );
}

/** Menu item → what shows once that screen is usable. */
const SCREENS: readonly { readonly name: string; readonly menu: string; readonly ready: readonly Shown[] }[] = [
  { name: 'uiScreenVisits', menu: '督导', ready: [{ selector: '.ant-table-row' }] },
  { name: 'uiScreenEntities', menu: '包保主体', ready: [{ selector: '.ant-table-row .row-link' }] },
  { name: 'uiScreenCadres', menu: '包保干部', ready: [{ selector: '.ant-typography', text: '^共 [\\d,]+ 名$' }] },
  { name: 'uiScreenDashboard', menu: '首页概览', ready: [{ selector: '.recharts-bar-rectangle path' }] },
];

// The harness runs from the bundle the browser tests' global setup makes; made here for this run when not given.
const cleanUp = process.env[E2E_DIR_VARIABLE] ? null : await (await import('../e2e/global-setup')).default();
let harness = await startHarness({ dataDir });

async function call<T>(method: string, input: object): Promise<T> {
  const response = await fetch(`${harness.url}api/${method}`, { method: 'POST', headers: harness.apiHeaders, body: JSON.stringify(input) });
  const result = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!result.ok) throw new Error(`${method}: ${result.error?.message}`);
  return result.value;
}

/** The id of the list's last row, asked of the service the screen uses. */
async function lastEntityId(total: number): Promise<string> {
  const { rows } = await call<{ rows: { id: string }[] }>('entities:query', { offset: total - 1, limit: 1 });
  return rows[0]?.id ?? '';
}

/** A 主体 whose first nine pinyin initials no other 主体 shares: typed key by key, it alone matches. */
function searchTarget(doc: DataDoc): { name: string; keys: string } {
  const keysOf = (name: string) => pinyinInitials(name).slice(0, 9);
  const counts = new Map<string, number>();
  for (const e of doc.entities) counts.set(keysOf(e.name), (counts.get(keysOf(e.name)) ?? 0) + 1);
  const entity = doc.entities.find((e) => /^[a-z]{9}$/.test(keysOf(e.name)) && counts.get(keysOf(e.name)) === 1);
  if (!entity) throw new Error('库中找不到拼音首字母有 9 个的主体');
  return { name: entity.name, keys: keysOf(entity.name) };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const round = (n: number) => Math.round(n * 10) / 10;

const doc = (await harness.readDoc()) as DataDoc;
// A year's plan, as a library in use has it (85,000 督导 at city scale).
if (doc.visits.length === 0) await call('visits:plan', { year: doc.profile.planYear });
const planned = (await harness.readDoc()).visits.length;

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  // The browser tests' switches: without them headless Chromium spends a renderer on the address bar's popup, which the app's window has not.
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const rows = page.locator('.ant-table-row');
  const figures: Record<string, { ms: number; note: string; requests?: number; largestKb?: number }> = {};

  // From navigation to a 主体 list that shows its rows and takes typing: the figure a clerk waits.
  const start = performance.now();
  await page.goto(`${harness.url}#/entities`);
  await frameWhen(
    page,
    { selector: '.ant-typography', text: '^共 [\\d,]+ 户$' },
    { selector: '.ant-table-row' },
    { selector: '.ant-spin-spinning', state: 'absent' },
    { selector: 'input[aria-label="搜索主体"]' },
  );
  figures['uiListReady'] = { ms: round(performance.now() - start), note: '' };
  const total = Number((await page.getByText(/共 [\d,]+ 户/).textContent())?.match(/[\d,]+/)?.[0]?.replaceAll(',', ''));
  figures['uiListReady'].note = `navigation to ${total} 主体 listed and searchable (web harness, Chromium)`;

  // Through every row to the last with the mouse wheel; each turn waits for the next painted frame.
  const box = await page.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first().boundingBox();
  if (!box) throw new Error('找不到主体列表的表体');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const rowHeight = (await rows.first().boundingBox())?.height ?? 40;
  const frames: number[] = [];
  const scrollStart = performance.now();
  // The turns add up to a screenful past the end: the row height read from one row may be a little off.
  const turn = Math.ceil((total * rowHeight + box.height) / SCROLL_STEPS);
  for (let i = 0; i < SCROLL_STEPS; i++) {
    const before = performance.now();
    await page.mouse.wheel(0, turn);
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    frames.push(performance.now() - before);
  }
  await frameWhen(page, { selector: `.ant-table-row[data-row-key="${await lastEntityId(total)}"]` });
  figures['uiScroll'] = {
    ms: round(performance.now() - scrollStart),
    note: `${total} rows top to bottom in ${SCROLL_STEPS} wheel turns; slowest turn ${round(Math.max(...frames))} ms`,
  };
  // BENCH_SCREENSHOT=FILE.png keeps a picture of the list scrolled to its end, to look at.
  if (process.env['BENCH_SCREENSHOT']) await page.screenshot({ path: process.env['BENCH_SCREENSHOT'] });

  // Nine pinyin initials typed key by key: from the last key to the match on screen, and what went over the wire.
  const target = searchTarget(doc);
  const answers: Promise<number>[] = [];
  page.on('response', (response) => {
    if (decodeURIComponent(response.url()).endsWith('/api/entities:query')) answers.push(response.body().then((body) => body.length));
  });
  const search = page.getByRole('textbox', { name: '搜索主体' });
  await search.focus();
  await page.keyboard.type(target.keys.slice(0, -1), { delay: KEY_DELAY_MS });
  await page.waitForTimeout(KEY_DELAY_MS);
  const lastKey = performance.now();
  await page.keyboard.press(target.keys.at(-1)!);
  await frameWhen(page, { selector: '.ant-table-row', text: escapeRegExp(target.name) });
  const searchMs = performance.now() - lastKey;
  const sizes = await Promise.all(answers);
  const largestKb = round(Math.max(0, ...sizes) / 1024);
  figures['uiSearch'] = {
    ms: round(searchMs),
    requests: sizes.length,
    largestKb,
    note: `last of 9 keys (${KEY_DELAY_MS} ms apart) to the match shown; ${sizes.length} list requests, largest ${largestKb} kB`,
  };

  // One 主体 saved from its form: from Enter to the form closed and 已保存 shown.
  await page.locator('.ant-table-row', { hasText: target.name }).locator('.row-link').click();
  await page
    .getByRole('dialog', { name: target.name })
    .getByRole('button', { name: /编\s*辑/ })
    .click();
  const form = page.getByRole('dialog', { name: `编辑主体：${target.name}` });
  const nameInput = form.getByLabel('主体名称');
  await nameInput.fill(`${target.name}（测量）`);
  const saveRequest = page.waitForEvent('requestfinished', (r) => decodeURIComponent(r.url()).endsWith('/api/entities:save'));
  const saveStart = performance.now();
  await nameInput.press('Enter');
  await frameWhen(
    page,
    { selector: '.ant-modal-title', text: escapeRegExp(`编辑主体：${target.name}`), state: 'hidden' },
    { selector: '.ant-message-notice', text: '已保存' },
  );
  const saveMs = performance.now() - saveStart;
  // The request's own time, sent to answered: the service's part (the handler and the write of the library).
  const { requestStart, responseEnd } = (await saveRequest).timing();
  figures['uiSave'] = {
    ms: round(saveMs),
    note: `主体 edited in its form: Enter to saved (atomic write of the library) and the form closed; entities:save itself ${round(responseEnd - requestStart)} ms`,
  };
  await page.keyboard.press('Escape');

  // Each screen from the side menu, in a clerk's order, until it shows its data.
  await page.getByRole('menuitem', { name: '首页概览' }).click();
  await frameWhen(page, ...SCREENS[3]!.ready);
  for (const screen of SCREENS) {
    const begin = performance.now();
    await page.getByRole('menuitem', { name: screen.menu }).click();
    await frameWhen(page, ...screen.ready);
    figures[screen.name] = {
      ms: round(performance.now() - begin),
      note: `side menu → ${screen.menu} showing its data (${planned} 督导 in the library)`,
    };
  }

  // A cold start on 首页概览: the harness started afresh (nothing computed or cached on either side)
  // and a new browser profile, from navigation to the charts drawn.
  await page.close();
  await harness.stop();
  harness = await startHarness({ dataDir });
  const fresh = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const dashboardStart = performance.now();
  await fresh.goto(`${harness.url}#/dashboard`);
  await frameWhen(fresh, ...SCREENS[3]!.ready);
  const dashboardMs = performance.now() - dashboardStart;
  const statsMs = await fresh.evaluate(() => {
    const stats = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/stats%3Aget')) as
      PerformanceResourceTiming | undefined;
    return stats ? stats.responseEnd - stats.requestStart : 0;
  });
  figures['uiDashboardReady'] = {
    ms: round(dashboardMs),
    note: `cold start: navigation to 首页概览 with its charts drawn (harness and browser started afresh, ${planned} 督导); stats:get itself ${round(statsMs)} ms`,
  };

  console.log(JSON.stringify(figures));
} finally {
  await browser.close();
  await harness.stop();
  await cleanUp?.();
}
