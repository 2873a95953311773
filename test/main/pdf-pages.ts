import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';
import { childrenCpuSeconds } from './cpu-time';

/** A word of `pdftotext -bbox`, its box in points from the page's top left. */
export interface Word {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
  /** The page's words in reading order, joined: for finding text. */
  readonly text: string;
}

/**
 * Prints workbooks to PDF with LibreOffice in one run (its own profile in `dir`), next to them, and
 * returns the run's CPU seconds. Needs LibreOffice and poppler (Debian: libreoffice-calc, poppler-utils).
 */
export function printWithLibreOffice(dir: string, files: readonly string[], timeoutMs: number): number {
  const before = childrenCpuSeconds();
  execFileSync(
    'soffice',
    ['--headless', `-env:UserInstallation=file://${dir}/lo-profile`, '--convert-to', 'pdf', '--outdir', dir, ...files],
    { timeout: timeoutMs, stdio: 'ignore' },
  );
  return childrenCpuSeconds() - before;
}

/** Every page of `pdf` with its size and its words. */
export function pdfPages(pdf: string): PdfPage[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => {
    const words = [
      ...(page[3] ?? '').matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g),
    ].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5] ?? '',
    }));
    return { width: Number(page[1]), height: Number(page[2]), words, text: words.map((w) => w.text).join('') };
  });
}

/** A Han character (or full-width mark) is one em wide: a word of them, its width over its length, is its type size. */
export function typeSize(word: Word): number {
  expect(word.text).toMatch(/^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+$/);
  return (word.xMax - word.xMin) / word.text.length;
}

/** The word on `page` that is exactly `text`; fails the test if there is none. */
export function wordOn(page: PdfPage, text: string): Word {
  const word = page.words.find((w) => w.text === text);
  if (!word) throw new Error(`页面上没有“${text}”：${page.text.slice(0, 200)}`);
  return word;
}

/** Nothing printed within 5 mm of the paper's edge (a printer cannot print there), nothing off the page: one check for all its words. */
export function expectInsidePaper(page: PdfPage, where: string): void {
  const edge = (5 / 25.4) * 72;
  const outside = page.words.filter((w) => Math.min(w.xMin, w.yMin) < edge || w.xMax > page.width - edge || w.yMax > page.height - edge);
  expect(
    outside.map((w) => w.text),
    `${where}：这些字超出页边`,
  ).toEqual([]);
}

export const MM = 72 / 25.4;
