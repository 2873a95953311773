import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultBattleTemplate } from '@shared/battlemap/template';
import { buildHandbook } from '@shared/handbook/handbook';
import { DEFAULT_LETTER, DUTIES_HOW, DUTIES_WHAT } from '@shared/handbook/texts';
import { smallDoc } from '../main/small-doc';

/**
 * docs/domain.md#包保干部的规则, docs/domain.md#设置的规则: what a cadre checks on a visit is the 督导检查要点; the 督查清单 is what the
 * 督查组 check the cadre against. Nothing the clerk or a cadre reads calls the first by the second's name.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('督导检查要点 and 督查清单 are not confused', () => {
  it('the visit side (the 督导 screens, the 督导检查要点 in 设置, visit records) never says 督查清单', () => {
    const visitSide = [
      ...sources('renderer/components/visits'),
      'renderer/components/settings/ChecklistCard.tsx',
      ...sources('shared/visits'),
    ];
    expect(visitSide.length).toBeGreaterThan(5);
    expect(visitSide.filter((file) => readFileSync(path.join(ROOT, file), 'utf8').includes('督查清单'))).toEqual([]);
  });

  it('the shipped texts a cadre reads about visits say 督导检查要点; 督查清单 appears only as one of the 三单一书', () => {
    const visitTexts = [...DUTIES_WHAT, ...DUTIES_HOW, DEFAULT_LETTER.body, ...Object.values(DEFAULT_LETTER.dutiesByLevel)];
    expect(visitTexts.filter((text) => text.includes('督查清单'))).toEqual([]);
    expect(visitTexts.some((text) => text.includes('督导检查要点'))).toBe(true);
    const methods = defaultBattleTemplate().map((task) => task.method);
    expect(methods.filter((text) => text.includes('督查清单'))).toEqual([
      expect.stringContaining('“三单一书”（责任清单、任务清单、督查清单和承诺书）'),
    ]);
    expect(methods.some((text) => text.includes('对照督导检查要点逐项检查'))).toBe(true);
  });

  it('the handbook has both: the 督查清单 of the 督查组 and the 督导检查要点 of the cadre’s level', () => {
    const doc = smallDoc();
    const cadre = doc.cadres[0];
    if (!cadre) throw new Error('fixture');
    const sheets = buildHandbook(doc, cadre, '2027-03-01').sheets;
    const inspection = sheets.find((s) => s.sheetName === '督查清单');
    const visit = sheets.find((s) => s.sheetName === '督导检查要点');
    expect(inspection?.rows.map((r) => r[1])).toEqual(doc.profile.inspectionItems);
    expect(visit?.rows.map((r) => r[1])).toEqual(doc.profile.checklistByLevel[cadre.level]);
    expect(`${visit?.title}${visit?.subtitle}`).not.toContain('督查清单');
  });
});
