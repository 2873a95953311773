import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, PLAYWRIGHT_DISABLED_FEATURES } from '../e2e/chromium-args';

/** The features the installed Playwright disables itself (its chromiumSwitches.ts, inside its bundle). */
function playwrightDisabledFeatures(): string[] {
  const bundle = readFileSync(
    path.join(path.dirname(createRequire(import.meta.url).resolve('playwright-core/package.json')), 'lib/coreBundle.js'),
    'utf8',
  );
  const list = /disabledFeatures = \[([\s\S]*?)\]/.exec(bundle)?.[1] ?? '';
  return [...list.replace(/\/\/.*$/gm, '').matchAll(/"([^"]+)"/g)].map((match) => match[1]!);
}

describe("the browser tests' Chromium switches (test/e2e/chromium-args.ts)", () => {
  it('keep every feature Playwright disables: Chromium keeps only the last --disable-features, ours', () => {
    const ours = PLAYWRIGHT_DISABLED_FEATURES as readonly string[];
    const playwrights = playwrightDisabledFeatures();
    expect(playwrights.length).toBeGreaterThan(5);
    expect(playwrights.filter((name) => !ours.includes(name))).toEqual([]);
  });

  it('a test page gets no renderer of its own for the address bar popup', async () => {
    const browser = await chromium.launch({
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS],
    });
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto('about:blank');
      const cdp = await browser.newBrowserCDPSession();
      // The popup is loaded a moment after the window opens.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
      expect(targetInfos.map((target) => target.url)).toEqual(['about:blank']);
    } finally {
      await browser.close();
    }
  });
});
