import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The images of an ICO file: its directory entries and the PNG each points at. */
function icoImages(ico: Buffer): { entrySize: number; png: Buffer }[] {
  expect(ico.readUInt16LE(2)).toBe(1);
  return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const bytes = ico.readUInt32LE(entry + 8);
    const offset = ico.readUInt32LE(entry + 12);
    return { entrySize: ico.readUInt8(entry) || 256, png: ico.subarray(offset, offset + bytes) };
  });
}

describe('installer configuration (electron-builder.yml)', () => {
  it('is what electron-builder itself loads and accepts, with the settings docs/release.md#installer asks for', async () => {
    // getConfig reads electron-builder.yml beside package.json, as `electron-builder` does.
    const config = await getConfig(ROOT, null, null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({
      appId: expect.stringMatching(/^[a-z]+(\.[a-z]+)+$/),
      productName: '食安包保工作台',
      directories: { buildResources: 'build' },
      extraMetadata: { main: 'out/main/index.cjs' },
      win: { icon: 'build/icon.ico', target: [{ target: 'nsis' }] },
      nsis: {
        oneClick: false,
        perMachine: false,
        allowToChangeInstallationDirectory: true,
        createDesktopShortcut: 'always',
        createStartMenuShortcut: true,
        shortcutName: '食安包保工作台',
        installerLanguages: ['zh_CN'],
        deleteAppDataOnUninstall: false,
      },
      linux: { target: ['AppImage', 'dir'], icon: 'build/icons' },
      asar: true,
      // The installed app is no general-purpose Node.js and runs only its own, checked code.
      electronFuses: {
        runAsNode: false,
        enableCookieEncryption: true,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        enableEmbeddedAsarIntegrityValidation: true,
        onlyLoadAppFromAsar: true,
      },
    });
    // The version comes from package.json: the config must not pin its own.
    expect(config).not.toHaveProperty('extraMetadata.version');
    expect(config.files).toEqual([{ filter: expect.arrayContaining(['out/**', '!test/**', '!**/*.ts']) }]);
    const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(packageJson.main).toBe('out/main/index.cjs');
    expect(packageJson.scripts['dist:win']).toMatch(/electron-vite build && electron-builder --win nsis/);
  });

  it('ships a Windows icon with every size from 16 to 256 px and the PNG icons for Linux', () => {
    const images = icoImages(readFileSync(path.join(ROOT, 'build/icon.ico')));
    expect(images.map((image) => image.entrySize)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const { entrySize, png } of images) expect(pngSize(png)).toEqual({ width: entrySize, height: entrySize });

    expect(pngSize(readFileSync(path.join(ROOT, 'build/icon.png'))).width).toBeGreaterThanOrEqual(256);
    for (const size of [16, 32, 48, 64, 128, 256]) {
      expect(pngSize(readFileSync(path.join(ROOT, `build/icons/${size}x${size}.png`)))).toEqual({ width: size, height: size });
    }
  });
});
