import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Comments point to docs/ for the domain rules and the architecture: every `docs/x.md#anchor`
 * they cite must name a heading that exists, so a maintainer who follows one lands somewhere.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE_FOLDERS = ['main', 'shared', 'renderer', 'scripts', 'test', 'docs'];

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return name === 'fixtures' ? [] : filesUnder(full);
    return /\.(ts|tsx|mjs|md)$/.test(name) ? [full] : [];
  });
}

/** GitHub's heading anchor: lower case, punctuation dropped (Han characters kept), spaces → hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(doc: string): Set<string> {
  const text = readFileSync(path.join(ROOT, 'docs', doc), 'utf8');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1] ?? '')));
}

describe('references to docs/', () => {
  it('builds anchors the way GitHub does', () => {
    expect(anchorOf('包保关系的规则')).toBe('包保关系的规则');
    expect(anchorOf('One contract, three transports')).toBe('one-contract-three-transports');
    expect(anchorOf('Data files')).toBe('data-files');
  });

  it('every docs/x.md#anchor cited in the repository names an existing heading', () => {
    const docs = new Map(readdirSync(path.join(ROOT, 'docs')).map((doc) => [doc, anchorsOf(doc)]));
    const broken: string[] = [];
    let cited = 0;
    for (const file of SOURCE_FOLDERS.flatMap((folder) => filesUnder(path.join(ROOT, folder)))) {
      if (file === import.meta.filename) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/docs\/([\w-]+\.md)(?:#([^\s,;:.)`'"，。、）]+))?/g)) {
        cited++;
        const [, doc = '', anchor] = m;
        const anchors = docs.get(doc);
        if (!anchors || (anchor && !anchors.has(anchor))) broken.push(`${path.relative(ROOT, file)}: ${m[0]}`);
      }
    }
    expect(cited).toBeGreaterThan(0);
    expect(broken).toEqual([]);
  });

  it('no comment points to a spec outside the repository', () => {
    const outside = SOURCE_FOLDERS.flatMap((folder) => filesUnder(path.join(ROOT, folder)))
      .filter((file) => file !== import.meta.filename)
      .filter((file) => /SPEC §|SPEC\.md/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(ROOT, file));
    expect(outside).toEqual([]);
  });
});
