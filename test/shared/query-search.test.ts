import { describe, expect, it } from 'vitest';
import { EntityQuerySchema } from '@shared/api/contract';
import { generateDemo } from '@shared/demo/generate';
import { ListIndex } from '@shared/query/lists';
import { makeSearchKey, pinyinInitials, textMatcher } from '@shared/query/search';

const query = (text: string) => EntityQuerySchema.parse({ text });

describe('search by pinyin initials', () => {
  it('keys give the initials of the name, letters and digits kept', () => {
    expect(makeSearchKey('内蒙古食用油有限公司', []).initials).toBe('nmgsyyyxgs');
    expect(pinyinInitials('7天连锁KTV')).toBe('7tlsktv');
    expect(textMatcher('nmgsy')?.(makeSearchKey('内蒙古食用油有限公司', []))).toBe(true);
  });

  it('finds the same 主体 right after the index is built as once the background work is done', async () => {
    const doc = generateDemo('district', 7, new Date('2027-01-05T00:00:00Z'));
    const early = new ListIndex(doc);
    // Searched before the background slices have run: the initials are worked out on demand.
    const before = early.entities(query('nmg')).map((r) => r.id);
    await early.searchReady;
    const after = new ListIndex(doc).entities(query('nmg')).map((r) => r.id);
    const expected = doc.entities.filter((e) => pinyinInitials(e.name).includes('nmg')).map((e) => e.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(before).toEqual(expected);
    expect(after).toEqual(expected);
  });
});
