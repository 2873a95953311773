import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildLetters, type Letter } from '@shared/handbook/letter';
import { lettersHtmlDocument } from '@shared/handbook/letter-html';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

/**
 * 致包保领导的一封信 printed by Chromium as Chrome's print dialog does with its default settings
 * (headless `--print-to-pdf` prints the browser's header and footer, like the dialog's default),
 * then measured from the PDF (`pdftotext -bbox`, and the ink of the page at 72 dpi) against
 * GB/T 9704-2012: A4, 版心 156 × 225 mm at 37 mm from the top and 28 mm from the left, 3号 (16 pt)
 * body of 28 characters a line and at most 22 lines a page, 2号 (22 pt) title, “— N —” below the
 * 版心 on the outer side, and nothing from the browser.
 */

const newDir = useTempDirs();
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 };
const TEXT = { left: 28 * MM, top: 37 * MM, right: PAGE.width - 26 * MM, bottom: PAGE.height - 35 * MM };
/** GB/T 9704 allows ±1 mm on the margins. */
const TOLERANCE = 1 * MM;
const PAGE_NUMBER = /^—\s*(\d+)\s*—$/;

interface Word {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

interface Row {
  readonly page: number;
  readonly y: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly text: string;
}

interface Printed {
  readonly pages: number;
  readonly sizes: readonly (readonly [number, number])[];
  readonly rows: readonly Row[];
  readonly words: readonly Word[];
  readonly text: string;
  /** Per page, the rows of pixels (1 pt each) with ink in them. */
  readonly inkRows: readonly (readonly number[])[];
}

/** The letters' file as `export letters` writes it, printed by Chromium with its default settings. */
async function print(letters: readonly Letter[], name: string): Promise<Printed> {
  const dir = await newDir();
  const html = path.join(dir, `${name}.html`);
  const pdf = path.join(dir, `${name}.pdf`);
  writeFileSync(html, lettersHtmlDocument(letters, name));
  execFileSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, pathToFileURL(html).href], {
    stdio: 'ignore',
    timeout: 60_000,
  });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '100', pdf], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const sizes = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const words: Word[] = [];
  execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
    .split('<page ')
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        words.push({ page: i + 1, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5] ?? '' });
      }
    });
  const inkRows: number[][] = [];
  for (let page = 1; page <= pages; page++) {
    const base = path.join(dir, `${name}-${page}`);
    execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
    inkRows.push(inkedRows(readFileSync(`${base}.pgm`)));
    // For looking at the page.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  }
  return {
    pages,
    sizes,
    rows: rowsOf(words),
    words,
    text: execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }),
    inkRows,
  };
}

/** Words on one baseline joined in reading order. */
function rowsOf(words: readonly Word[]): Row[] {
  const rows: Word[][] = [];
  for (const word of words) {
    const row = rows.find((r) => r[0]?.page === word.page && Math.abs((r[0]?.yMin ?? 0) - word.yMin) < 2);
    if (row) row.push(word);
    else rows.push([word]);
  }
  return rows.map((row) => {
    const sorted = [...row].sort((a, b) => a.xMin - b.xMin);
    return {
      page: row[0]?.page ?? 0,
      y: row[0]?.yMin ?? 0,
      xMin: Math.min(...row.map((w) => w.xMin)),
      xMax: Math.max(...row.map((w) => w.xMax)),
      text: sorted.map((w) => w.text).join(''),
    };
  });
}

/** The rows of a binary PGM (P5, 8-bit) with a dark pixel. */
function inkedRows(pgm: Buffer): number[] {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    const row = pgm.subarray(start + y * width, start + (y + 1) * width);
    if (row.some((v) => v < 128)) rows.push(y);
  }
  return rows;
}

/** Han characters and full-width forms only: each one em wide. */
const isFullWidth = (text: string): boolean => [...text].every((c) => (c.codePointAt(0) ?? 0) > 0xff);

function letterOf(body?: string): Letter {
  const doc = smallDoc();
  doc.profile.letter.contactName = '食品协调科 王科长';
  doc.profile.letter.contactPhone = '0477-8581234';
  if (body) doc.profile.letter.body = body;
  const c1 = doc.cadres.find((c) => c.id === 'c1');
  if (!c1) throw new Error('fixture');
  const [letter] = buildLetters(doc, [c1], '2026-12-05');
  if (!letter) throw new Error('no letter');
  return letter;
}

/** What every page must be: A4, text inside the 版心 on the 公文 grid, its number, nothing from the browser. */
function expectGbT9704(printed: Printed, title: string): void {
  expect(printed.sizes).toHaveLength(printed.pages);
  for (const [width, height] of printed.sizes) {
    expect(width).toBeCloseTo(PAGE.width, 0);
    expect(height).toBeCloseTo(PAGE.height, 0);
  }
  // Nothing outside the page.
  for (const w of printed.words) {
    expect(w.xMin).toBeGreaterThanOrEqual(0);
    expect(w.yMin).toBeGreaterThanOrEqual(0);
    expect(w.xMax).toBeLessThanOrEqual(PAGE.width);
    expect(w.yMax).toBeLessThanOrEqual(PAGE.height);
  }
  // No browser header or footer: no address, date, time, document title or “1/1”.
  expect(printed.text).not.toMatch(/file:|\.html|\d+\/\d+|\d{1,2}:\d{2}|AM|PM/);
  expect(printed.words.filter((w) => w.text.includes(title))).toHaveLength(1);

  const body = printed.rows.filter((r) => !PAGE_NUMBER.test(r.text));
  // 订口 28 mm: lines without the paragraph indent start there; none ends past the 26 mm margin.
  expect(Math.abs(Math.min(...body.map((r) => r.xMin)) - TEXT.left)).toBeLessThan(TOLERANCE);
  for (const r of body) {
    expect(r.xMin).toBeGreaterThan(TEXT.left - TOLERANCE);
    expect(r.xMax).toBeLessThan(TEXT.right + TOLERANCE);
  }
  // 3号 body: full lines of Han characters hold 28, each 16 pt wide (± 0.5 pt).
  const full = body.filter((r) => isFullWidth(r.text) && r.xMax - r.xMin > 150 * MM);
  expect(full.length).toBeGreaterThan(0);
  for (const r of full) {
    expect([...r.text]).toHaveLength(28);
    expect(Math.abs((r.xMax - r.xMin) / 28 - 16)).toBeLessThan(0.5);
  }
  // 2号 title, centred on the 版心, not bold (the PDF names no bold font for it is not checkable here; its width is).
  const titleRow = body.find((r) => r.text === title);
  if (!titleRow) throw new Error('no title row');
  expect(Math.abs((titleRow.xMax - titleRow.xMin) / [...title].length - 22)).toBeLessThan(0.5);
  expect(Math.abs((titleRow.xMin + titleRow.xMax) / 2 - (TEXT.left + TEXT.right) / 2)).toBeLessThan(TOLERANCE);

  for (let page = 1; page <= printed.pages; page++) {
    const lines = body.filter((r) => r.page === page);
    expect(lines.length).toBeLessThanOrEqual(22);
    const ink = printed.inkRows[page - 1] ?? [];
    // 天头 37 mm: the first line's glyphs start at its line box's top plus the half-leading
    // ((28.9 pt line − glyph size) / 2) plus the glyph's own top bearing, within ± 1 mm.
    const size = page === 1 ? 22 : 16;
    const firstInk = Math.min(...ink);
    expect(Math.abs(firstInk - (28.9 - size) / 2 - TEXT.top)).toBeLessThan(TOLERANCE + 0.1 * size);
    // The text ends inside the 版心; the page number's 一字线 sits 7 mm below it, nothing between.
    const textInk = ink.filter((y) => y < TEXT.bottom + 3 * MM);
    expect(Math.max(...textInk)).toBeLessThan(TEXT.bottom + TOLERANCE);
    const numberInk = ink.filter((y) => y >= TEXT.bottom + 3 * MM);
    expect(Math.min(...numberInk)).toBeGreaterThan(TEXT.bottom + 7 * MM - TOLERANCE);
    expect(Math.max(...numberInk)).toBeLessThan(TEXT.bottom + 7 * MM + 14 + TOLERANCE);
    // “— N —” in 4号 (14 pt): odd pages 右空一字, even pages 左空一字.
    const numbers = printed.rows.filter((r) => r.page === page && PAGE_NUMBER.test(r.text));
    expect(numbers.map((r) => PAGE_NUMBER.exec(r.text)?.[1])).toEqual([String(page)]);
    const [number] = numbers;
    if (!number) continue;
    if (page % 2 === 1) expect(Math.abs(number.xMax - (TEXT.right - 14))).toBeLessThan(TOLERANCE);
    else expect(Math.abs(number.xMin - (TEXT.left + 14))).toBeLessThan(TOLERANCE);
  }
}

describe('一封信 printed by Chromium (GB/T 9704-2012)', () => {
  it('sets the default letter on one A4 page on the 公文 grid, 署名 and 成文日期 under the text', async () => {
    const letter = letterOf();
    const printed = await print([letter], '一页');
    expect(printed.pages).toBe(1);
    expectGbT9704(printed, letter.title);
    // 成文日期 右空四字 (a character is 16 pt less the 0.22 pt the grid takes off), 署名 centred on it.
    const date = printed.rows.find((r) => r.text === '2026年12月5日');
    const sign = printed.rows.find((r) => r.text === letter.closing[0]);
    if (!date || !sign) throw new Error('no 署名 or 成文日期');
    expect(Math.abs(TEXT.right - date.xMax - 4 * 15.78)).toBeLessThan(TOLERANCE);
    expect(Math.abs((sign.xMin + sign.xMax) / 2 - (date.xMin + date.xMax) / 2)).toBeLessThan(8);
    expect(date.y).toBeGreaterThan(sign.y);
  });

  it('continues a long letter on a second page numbered — 2 — on the left', async () => {
    const long = letterOf(`${letterOf().paragraphs.join('\n')}\n${letterOf().paragraphs.slice(1, 4).join('\n')}`);
    const printed = await print([long], '两页');
    expect(printed.pages).toBe(2);
    expectGbT9704(printed, long.title);
    // The first page is full to within a line (a paragraph leaves no single line behind): of its
    // 22 lines, the title, the blank line under it, the 称呼 and 18 or 19 of text.
    const first = printed.rows.filter((r) => r.page === 1 && !PAGE_NUMBER.test(r.text));
    expect(first.length).toBeGreaterThanOrEqual(20);
  });

  it('never leaves the 署名 and 成文日期 alone on a page', async () => {
    // 19 full lines: with the title, the blank line and the 称呼, the first page is full.
    const full = letterOf('食'.repeat(19 * 28 - 2));
    const printed = await print([full], '落款');
    expect(printed.pages).toBe(2);
    expectGbT9704(printed, full.title);
    const second = printed.rows.filter((r) => r.page === 2 && !PAGE_NUMBER.test(r.text));
    expect(second.map((r) => r.text)).toEqual(['食'.repeat(28), '食'.repeat(28), full.closing[0], '2026年12月5日']);
  });
});
