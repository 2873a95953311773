import { describe, expect, it } from 'vitest';
import { PackageContentSchema, parsePackageContent, type PackageContent } from '@shared/packages/content';
import { packageOf } from '@shared/packages/slice';
import { smallDoc } from '../main/small-doc';

const maker = { unit: '达拉特旗市场监督管理局', operator: '张三', createdAt: '2027-03-01T01:00:00.000Z' };

/** A package's machine part as read from its file (the JSON text parsed), edited as someone else might have. */
function parsedJson(edit: (content: PackageContent) => void = () => undefined): unknown {
  const content = JSON.parse(JSON.stringify(packageOf(smallDoc(), 'dls', 2027, maker))) as PackageContent;
  edit(content);
  return content;
}

describe('a 上报包’s machine part checked a record at a time', () => {
  it('gives what the whole-content zod parse gives, unknown keys dropped, for good and bad content alike', () => {
    const cases: Record<string, (content: PackageContent) => void> = {
      'as made': () => undefined,
      'unknown keys': (c) => {
        Object.assign(c, { extra: 1 });
        Object.assign(c.records, { extra: [1] });
        Object.assign(c.records.entities[0]!, { extra: 'x' });
        Object.assign(c.manifest, { extra: 'x' });
      },
      'format 1, without inspections': (c) => delete c.records.inspections,
      'a bad record': (c) => Object.assign(c.records.cadres[0]!, { name: 5 }),
      'a list that is none': (c) => Object.assign(c.records, { visits: {} }),
      'a list missing': (c) => Reflect.deleteProperty(c.records, 'regulators'),
      'a bad manifest': (c) => (c.manifest.year = 1900),
      'no records': (c) => Reflect.deleteProperty(c, 'records'),
    };
    for (const [name, edit] of Object.entries(cases)) {
      const whole = PackageContentSchema.safeParse(parsedJson(edit));
      expect(parsePackageContent(parsedJson(edit)), name).toEqual(whole.success ? whole.data : null);
    }
    expect(parsePackageContent(null)).toBeNull();
    expect(parsePackageContent([])).toBeNull();
  });

  it('keeps the checked records in the parsed lists instead of a second copy of every list (docs/performance.md)', () => {
    const data = parsedJson() as PackageContent;
    const entities = data.records.entities;
    expect(entities.length).toBeGreaterThan(0);
    expect(parsePackageContent(data)?.records.entities).toBe(entities);
  });
});
