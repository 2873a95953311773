import type { Letter } from './letter';

/** 4号 半角宋体 figures, the 一字线 7 mm below the 版心; single pages 右空一字, double pages 左空一字. */
const PAGE_NUMBER =
  "vertical-align: top; padding-top: 7mm; font-family: 'SimSun', '宋体', 'Noto Serif CJK SC', serif; font-size: 14pt; line-height: 1;";

/**
 * The letter as HTML in 公文 style after GB/T 9704-2012 (党政机关公文格式): A4, 版心 156 × 225 mm
 * (天头 37 mm, 订口 28 mm, right 26 mm, bottom 35 mm), 22 lines of 28 characters of 3号 (16 pt)
 * 仿宋, title in 2号 小标宋 (not bold), 成文日期 右空四字 with the 署名 centred on it, page
 * numbers “— 1 —” in 4号 7 mm below the 版心, on the outer side. Windows fonts first, then what
 * other systems have. The app's print view and the CLI's `export letters` files use this one
 * layout, so what the clerk previews is what the file prints.
 *
 * Chrome and Edge print their own header and footer (date, title, address, “1/1”) in the page
 * margins the page leaves unused; each margin here holds a box of the page's own (the page number
 * below, an empty box above), so with the print dialog's default settings they print nothing else.
 */
export const LETTER_CSS = `
@page {
  size: A4 portrait; margin: 37mm 26mm 35mm 28mm;
  @top-center { content: ''; }
}
@page :right {
  @bottom-right { content: '— ' counter(page) ' —'; padding-right: 1em; ${PAGE_NUMBER} }
}
@page :left {
  @bottom-left { content: '— ' counter(page) ' —'; padding-left: 1em; ${PAGE_NUMBER} }
}
.letter-page {
  /* 28 characters in 156 mm: 16 pt glyphs set 0.22 pt closer, as Word's 文档网格 does; 22 lines in 225 mm. */
  --letter-char: calc(16pt - 0.22pt); --letter-line: 28.9pt;
  box-sizing: border-box; width: 210mm; min-height: 297mm; padding: 37mm 26mm 35mm 28mm; margin: 0 auto 8mm;
  background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
  font-family: '仿宋', 'FangSong', '仿宋_GB2312', 'FangSong_GB2312', 'STFangsong', 'Noto Serif CJK SC', serif;
  font-size: 16pt; font-weight: normal; letter-spacing: -0.22pt; line-height: var(--letter-line); overflow-wrap: anywhere;
  /* Every punctuation mark a full character, as on the 公文 grid (Chrome trims pairs like ”（ otherwise). */
  text-spacing-trim: space-all; text-autospace: no-autospace;
}
.letter-page p { margin: 0; }
.letter-title {
  margin: 0 0 var(--letter-line); text-align: center; font-size: 22pt; font-weight: normal; letter-spacing: 0; line-height: var(--letter-line);
  font-family: '方正小标宋简体', 'FZXiaoBiaoSong-B05S', '小标宋', '华文中宋', 'STZhongsong', 'Noto Serif CJK SC', serif;
}
.letter-page p.letter-paragraph { text-indent: calc(2 * var(--letter-char)); text-align: justify; }
/*
 * 正文下空一行; the seal sits over the 署名 and the 成文日期, its top within a line of the 正文.
 * Never a page of its own: the last lines of the 正文 come along to the next page.
 */
.letter-closing { margin-top: var(--letter-line); break-inside: avoid; break-before: avoid; }
.letter-closing p { text-align: right; white-space: nowrap; }
@media print {
  .letter-page { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; break-after: page; }
  .letter-page:last-child { break-after: auto; }
}
`;

/** How wide a line sets, in body characters: Han and full-width forms one, digits and Latin half. */
function widthInChars(text: string): number {
  return [...text].reduce((sum, c) => sum + ((c.codePointAt(0) ?? 0) > 0xff ? 1 : 0.5), 0);
}

/**
 * Characters of space right of each closing line (GB/T 9704 §7.3.5.1): the last line, the 成文日期,
 * 右空四字; the lines above (the 署名) centred on it. A 署名 too wide for that moves the block left
 * so that it ends at the 版心's edge.
 */
export function closingRightSpace(lines: readonly string[]): number[] {
  const date = widthInChars(lines.at(-1) ?? '');
  const centre = Math.max(4 + date / 2, ...lines.map((line) => widthInChars(line) / 2));
  return lines.map((line) => centre - widthInChars(line) / 2);
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Template texts come from the user: never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function letterPageHtml(letter: Letter): string {
  const p = (className: string, text: string): string => `<p class="${className}">${escapeHtml(text)}</p>`;
  const space = closingRightSpace(letter.closing);
  const closing = letter.closing
    .map((text, i) => `<p style="padding-right: calc(${space[i]} * var(--letter-char))">${escapeHtml(text)}</p>`)
    .join('');
  return [
    `<article class="letter-page" data-cadre-id="${escapeHtml(letter.cadreId)}">`,
    `<h1 class="letter-title">${escapeHtml(letter.title)}</h1>`,
    letter.greeting ? p('letter-greeting', letter.greeting) : '',
    ...letter.paragraphs.map((text) => p('letter-paragraph', text)),
    `<div class="letter-closing">${closing}</div>`,
    '</article>',
  ].join('');
}

/** A whole printable file: opened in any browser, 打印 gives each letter its own A4 pages (one, or two when long). */
export function lettersHtmlDocument(letters: readonly Letter[], documentTitle: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${escapeHtml(documentTitle)}</title>`,
    `<style>body { margin: 0; padding: 8mm 0; background: #e8e8e8; } @media print { body { padding: 0; background: none; } }${LETTER_CSS}</style>`,
    '</head><body>',
    ...letters.map(letterPageHtml),
    '</body></html>',
  ].join('\n');
}
