// npm run icons: renders build/icon.svg (48 px and up) and build/icon-small.svg (16–32 px, where
// the 食安 glyphs would blur) to PNGs in the system Chromium, packs them into build/icon.ico
// (PNG entries, which Windows Vista and later read) and writes build/icon.png for Linux and the
// installer. Run it again after changing either SVG; the generated files are committed.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import playwrightConfig from '../playwright.config';

const BUILD = path.resolve(import.meta.dirname, '..', 'build');
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
const SMALL_UP_TO = 32;
const PNG_SIZE = 512;

/** An ICO file whose images are stored as PNG: 6-byte header, 16 bytes per entry, the PNGs. */
function packIco(images: readonly { readonly size: number; readonly png: Uint8Array }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map(({ png }) => Buffer.from(png))]);
}

async function main(): Promise<void> {
  const browser = await chromium.launch(playwrightConfig.use?.launchOptions);
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const render = async (svgFile: string, size: number): Promise<Buffer> => {
      const svg = await readFile(path.join(BUILD, svgFile), 'utf8');
      const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
      await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
      return page.locator('svg').screenshot({ omitBackground: true });
    };
    const images = [];
    for (const size of ICO_SIZES) {
      const png = await render(size <= SMALL_UP_TO ? 'icon-small.svg' : 'icon.svg', size);
      await writeFile(path.join(BUILD, 'icons', `${size}x${size}.png`), png);
      images.push({ size, png });
    }
    await writeFile(path.join(BUILD, 'icon.ico'), packIco(images));
    await writeFile(path.join(BUILD, 'icon.png'), await render('icon.svg', PNG_SIZE));
    console.log(`build/icon.ico (${ICO_SIZES.join(', ')} px), build/icon.png (${PNG_SIZE} px), build/icons/*.png`);
  } finally {
    await browser.close();
  }
}

await main();
