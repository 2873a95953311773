import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiSchemas } from '@shared/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { openServices } from '../../main/services';
import { DATA_FILE_NAME } from '../../main/storage/lowdb-store';
import { smallDoc } from './small-doc';
import { useTempDirs } from './temp-dir';

const newDir = useTempDirs();

/**
 * Payloads no schema accepts: wrong top-level types, and objects with a key no method has
 * (every input object is strict) or with the right keys holding the wrong types.
 */
const malformed = fc.oneof(
  fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.array(fc.anything()), fc.constant(null)),
  fc.dictionary(fc.string(), fc.anything()).map((o) => ({ ...o, '\u0000unknown': 1 })),
  fc.record({ id: fc.oneof(fc.integer(), fc.constant(''), fc.array(fc.string())), previewId: fc.integer(), kind: fc.string(), name: fc.integer(), grade: fc.string({ minLength: 2 }) }),
);

describe('every API method refuses malformed input cleanly', () => {
  it('returns an error envelope with a Chinese message and writes nothing', async () => {
    const dir = await newDir();
    const { handlers, store } = await openServices(dir);
    await store.replace(smallDoc());
    const file = path.join(dir, DATA_FILE_NAME);
    const before = await readFile(file);
    for (const method of Object.keys(apiSchemas)) {
      await fc.assert(
        fc.asyncProperty(malformed, async (payload) => {
          const result = await dispatch(handlers, method, payload);
          expect(result.ok, `${method} accepted ${JSON.stringify(payload)}`).toBe(false);
          if (!result.ok) {
            expect(result.error.code).toBe('invalid-argument');
            expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
          }
        }),
        { numRuns: 40, seed: 20271 },
      );
    }
    expect(await readFile(file)).toEqual(before);
  });
});
