import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '@shared/demo/generate';
import { writeFileAtomic } from '../../main/server/storage/atomic-file';
import { jsonBytes } from '../../main/server/storage/json-bytes';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

const joined = (blocks: readonly Uint8Array[]): Buffer => Buffer.concat(blocks);
const stringified = (value: unknown): Buffer => Buffer.from(JSON.stringify(value), 'utf8');

describe('jsonBytes', () => {
  it('gives the bytes of JSON.stringify for a demo library', () => {
    const doc = generateDemo('district', 7, new Date('2027-01-05T00:00:00Z'));
    expect(joined(jsonBytes(doc)).equals(stringified(doc))).toBe(true);
  });

  it('keeps what JSON.stringify keeps and leaves out what it leaves out', () => {
    const long = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? undefined : { n: i, s: '东胜区\n"引号"\\', f: () => 1 }));
    const doc = { a: undefined, b: () => 1, c: [], d: long, e: { nested: [1, undefined] }, f: null, g: '😀\ud800', h: [1, 2] };
    expect(joined(jsonBytes(doc)).toString('utf8')).toBe(JSON.stringify(doc));
    expect(joined(jsonBytes({})).toString('utf8')).toBe('{}');
  });

  it('runs over several blocks of output (a list of more than 4 MB of Chinese text)', async () => {
    const entities = Array.from({ length: 30_000 }, (_, i) => ({ id: `E${i}`, name: `鄂尔多斯市东胜区第${i}号食品经营者`.repeat(4) }));
    const doc = { schemaVersion: 1, entities, notes: '完' };
    const blocks = jsonBytes(doc);
    expect(blocks.length).toBeGreaterThan(1);
    const file = path.join(await newDir(), 'data.json');
    await writeFileAtomic(file, blocks);
    expect((await readFile(file)).equals(stringified(doc))).toBe(true);
  });
});
