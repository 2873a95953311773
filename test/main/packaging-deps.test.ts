import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** The packages the TypeScript files under `folder` import (bare names, `node:` and relative paths left out). */
function importedPackages(folder: string): Set<string> {
  const found = new Set<string>();
  for (const file of readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
    if (!/\.tsx?$/.test(file)) continue;
    const text = readFileSync(path.join(ROOT, folder, file), 'utf8');
    for (const match of text.matchAll(/\bfrom\s+'([^'.][^']*)'|\bimport\s*\(\s*'([^'.][^']*)'\s*\)|^import\s+'([^'.][^']*)'/gm)) {
      const spec = match[1] ?? match[2] ?? match[3]!;
      if (spec.startsWith('node:') || spec.startsWith('@shared/')) continue;
      const parts = spec.split('/');
      found.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
    }
  }
  return found;
}

describe('packages the installer ships (package.json dependencies)', () => {
  // electron-builder packs `dependencies` into app.asar beside out/; the renderer is bundled into out/ already.
  const mainSide = new Set([...importedPackages('main'), ...importedPackages('shared')]);
  const rendererSide = importedPackages('renderer');

  it('the renderer-only packages are devDependencies, bundled once by Vite rather than shipped again', () => {
    const rendererOnly = [...rendererSide].filter((name) => !mainSide.has(name));
    expect(rendererOnly).toEqual(
      expect.arrayContaining(['react', 'antd', 'recharts', 'dayjs', '@ant-design/icons', '@tanstack/react-query']),
    );
    for (const name of rendererOnly) {
      expect(pkg.dependencies, name).not.toHaveProperty(name);
      expect(pkg.devDependencies, name).toHaveProperty(name);
    }
  });
});
