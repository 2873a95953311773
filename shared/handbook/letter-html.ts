import type { Letter } from './letter';

/**
 * The letter as HTML, one A4 portrait page each, in 公文 style (GB/T 9704: 小标宋-style title,
 * 仿宋 body; Windows fonts first, then what other systems have). The app's print view and the CLI's
 * `export letters` files use this one layout, so what the clerk previews is what the file prints.
 */
export const LETTER_CSS = `
@page { size: A4 portrait; margin: 25mm 26mm 22mm 26mm; }
.letter-page {
  box-sizing: border-box; width: 210mm; min-height: 297mm; padding: 25mm 26mm 22mm 26mm; margin: 0 auto 8mm;
  background: #fff; color: #000; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
  font-family: 'FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif;
  font-size: 14pt; line-height: 1.6; overflow-wrap: anywhere;
}
.letter-title {
  margin: 0 0 8mm; text-align: center; font-size: 20pt; font-weight: bold; line-height: 1.4;
  font-family: '方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'SimHei', '黑体', 'Noto Serif CJK SC', 'Noto Sans CJK SC', sans-serif;
}
.letter-greeting { margin: 0; }
.letter-page p.letter-paragraph { margin: 0; text-indent: 2em; text-align: justify; }
.letter-closing { margin-top: 10mm; text-align: right; }
.letter-closing p { margin: 0; }
@media print {
  .letter-page { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; break-after: page; }
  .letter-page:last-child { break-after: auto; }
}
`;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Template texts come from the user: never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function letterPageHtml(letter: Letter): string {
  const p = (className: string, text: string): string => `<p class="${className}">${escapeHtml(text)}</p>`;
  return [
    `<article class="letter-page" data-cadre-id="${escapeHtml(letter.cadreId)}">`,
    `<h1 class="letter-title">${escapeHtml(letter.title)}</h1>`,
    letter.greeting ? p('letter-greeting', letter.greeting) : '',
    ...letter.paragraphs.map((text) => p('letter-paragraph', text)),
    `<div class="letter-closing">${letter.closing.map((text) => p('', text)).join('')}</div>`,
    '</article>',
  ].join('');
}

/** A whole printable file: opened in any browser, 打印 gives one A4 page per letter. */
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
