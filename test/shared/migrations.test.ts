import { describe, expect, it } from 'vitest';
import { migrate } from '@shared/storage/migrations';
import { CURRENT_SCHEMA_VERSION, DataDocSchema, emptyDoc } from '@shared/storage/types';

describe('migrate', () => {
  it('passes a current document through unchanged', () => {
    const doc = emptyDoc(new Date('2027-01-05T08:00:00Z'));
    const result = migrate(JSON.parse(JSON.stringify(doc)));
    expect(result).toEqual({ ok: true, doc, from: CURRENT_SCHEMA_VERSION });
    if (result.ok) expect(DataDocSchema.parse(result.doc)).toEqual(doc);
  });

  it('refuses a file from a newer version with a message that says to upgrade', () => {
    const result = migrate({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(result).toEqual({ ok: false, message: expect.stringContaining('请升级软件') });
  });

  it.each([null, [], 'text', 42, {}, { schemaVersion: 'one' }, { schemaVersion: 0 }])('refuses %j', (raw) => {
    expect(migrate(raw).ok).toBe(false);
  });
});
