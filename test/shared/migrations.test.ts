import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate } from '@shared/storage/migrations';
import { DEFAULT_INSPECTION_ITEMS, DEFAULT_LETTER } from '@shared/handbook/texts';
import { CURRENT_SCHEMA_VERSION, DataDocSchema, emptyDoc } from '@shared/storage/types';

// A library as version 1 of the app wrote it (before the 作战图 and visits existed).
const V1_LIBRARY = JSON.parse(readFileSync(new URL('../fixtures/library-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
// Version 2: no 督查 records, and the shipped texts still called the visit checklist 督查清单.
const V2_LIBRARY = JSON.parse(readFileSync(new URL('../fixtures/library-v2.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('migrate', () => {
  it('brings a version-1 library forward to the current shape, keeping every record', () => {
    const result = migrate(structuredClone(V1_LIBRARY));
    if (!result.ok) throw new Error(result.message);
    expect(result.from).toBe(1);
    const doc = DataDocSchema.parse(result.doc);
    expect(doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(doc.entities).toEqual(DataDocSchema.shape.entities.parse(V1_LIBRARY['entities']));
    expect(doc).toMatchObject({ battleMap: null, visits: [], calendar: { extraHolidays: [], extraWorkdays: [] } });
    expect(doc.profile.visitRules.perYearByGrade).toEqual({ A: 4, B: 4, C: 4, D: 4 });
  });

  it('fills the settings added later (fallbacks, visits by level, 现场 grades, 节前 visits, problem deadlines) into a stored profile', () => {
    // The visit rules as the version before these settings stored them.
    const stored = { orgName: '达拉特旗市场监督管理局', visitRules: { perYearByGrade: { A: 6, B: 4, C: 4, D: 2 }, weeklyCapPerCadre: 8 } };
    const profile = DataDocSchema.shape.profile.parse(stored);
    expect(profile.visitRules).toEqual({
      perYearByGrade: { A: 6, B: 4, C: 4, D: 2 },
      perYearByLevel: { city: 0, county: 0, township: 0, village: 0 },
      weeklyCapPerCadre: 8,
      onSiteGrades: ['A', 'B'],
      holidayExtras: { holidays: [], grades: ['A', 'B'], workingDaysBefore: 10 },
      problemDays: { assign: 3, review: 5 },
    });
    expect(profile.assignFallbacks).toEqual({ villageInTownship: true, levelAbove: true });
  });

  it('brings a version-2 library forward: no 督查 records yet, the visit checklist called 督导检查要点 where the shipped texts said 督查清单', () => {
    const result = migrate(structuredClone(V2_LIBRARY));
    if (!result.ok) throw new Error(result.message);
    expect(result.from).toBe(2);
    const doc = DataDocSchema.parse(result.doc);
    expect(doc.inspections).toEqual([]);
    expect(doc.profile.letter.body).toBe(DEFAULT_LETTER.body);
    expect(doc.profile.letter.contactName).toBe('王敏');
    expect(doc.visits[0]?.checklist).toEqual([{ item: '督导检查要点综合检查', result: '符合' }]);
    const methods = doc.battleMap?.tasks.map((t) => t.method) ?? [];
    expect(methods[0]).toBe('各级包保干部对所包保主体开展首轮督导，对照督导检查要点逐项检查，填写督导记录。');
    // The 三单一书's 督查清单 is the real one and stays.
    expect(methods[1]).toContain('（责任清单、任务清单、督查清单和承诺书）');
    expect(doc.profile.inspectionItems).toEqual(DEFAULT_INSPECTION_ITEMS);
    expect(doc.entities).toEqual(DataDocSchema.shape.entities.parse(V2_LIBRARY['entities']));
  });

  it('leaves an office’s own wording of the letter alone', () => {
    const own = structuredClone(V2_LIBRARY) as { profile: { letter: { body: string } } };
    own.profile.letter.body = '请对照督查清单自查。';
    const result = migrate(own);
    if (!result.ok) throw new Error(result.message);
    expect(DataDocSchema.parse(result.doc).profile.letter.body).toBe('请对照督查清单自查。');
  });

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
