import type { DataDoc } from '../storage/types';

type Library = Pick<DataDoc, 'regions' | 'entities' | 'cadres' | 'regulators' | 'assignments' | 'visits' | 'inspections'>;

/** How many problems of one sort are spelled out; the rest are counted. */
const SHOWN = 5;

/**
 * What no screen of the app can produce but a hand-edited or foreign file can: an id used twice
 * in one list, and a record pointing at a 主体, cadre, region or regulator that is not there
 * (docs/architecture.md#data-files). Visits may name a 主体 deleted since (deleting a 主体 keeps its 督导 history), so
 * they are checked for duplicates only; a cadre with 督查 records is never deleted. One Chinese sentence per problem sort; none: [].
 */
export function findIntegrityProblems(doc: Library): string[] {
  const problems: string[] = [];
  const report = (found: readonly string[], what: string): void => {
    if (found.length === 0) return;
    const more = found.length > SHOWN ? `等 ${found.length} 处` : '';
    problems.push(`${what}：${found.slice(0, SHOWN).join('、')}${more}`);
  };

  const lists = [
    ['行政区划', doc.regions],
    ['包保主体', doc.entities],
    ['包保干部', doc.cadres],
    ['网格监管人员', doc.regulators],
    ['包保关系', doc.assignments],
    ['督导记录', doc.visits],
    ['督查记录', doc.inspections],
  ] as const;
  for (const [label, records] of lists) {
    const seen = new Map<string, number>();
    for (const { id } of records) seen.set(id, (seen.get(id) ?? 0) + 1);
    report(
      [...seen].filter(([, n]) => n > 1).map(([id, n]) => `“${id}”出现 ${n} 次`),
      `${label}的编号重复`,
    );
  }

  const regionIds = new Set(doc.regions.map((r) => r.id));
  const entityIds = new Set(doc.entities.map((e) => e.id));
  const cadreIds = new Set(doc.cadres.map((c) => c.id));
  const regulatorIds = new Set(doc.regulators.map((r) => r.id));
  report(
    doc.assignments.filter((a) => !entityIds.has(a.entityId)).map((a) => `${a.id}（主体“${a.entityId}”）`),
    '包保关系指向不存在的包保主体',
  );
  report(
    doc.assignments.filter((a) => !cadreIds.has(a.cadreId)).map((a) => `${a.id}（干部“${a.cadreId}”）`),
    '包保关系指向不存在的包保干部',
  );
  report(
    doc.inspections.filter((i) => !cadreIds.has(i.cadreId)).map((i) => `${i.id}（干部“${i.cadreId}”）`),
    '督查记录指向不存在的包保干部',
  );
  report(
    doc.regions.filter((r) => r.parentId !== null && !regionIds.has(r.parentId)).map((r) => `${r.name}（上级“${r.parentId}”）`),
    '行政区划的上级区划不存在',
  );
  report(
    doc.entities.filter((e) => !regionIds.has(e.regionId)).map((e) => `${e.name}（“${e.regionId}”）`),
    '包保主体的所属区划不存在',
  );
  report(
    doc.cadres.filter((c) => !regionIds.has(c.regionId)).map((c) => `${c.name}（“${c.regionId}”）`),
    '包保干部的包保区域不存在',
  );
  report(
    doc.entities.filter((e) => e.regulatorId !== '' && !regulatorIds.has(e.regulatorId)).map((e) => `${e.name}（“${e.regulatorId}”）`),
    '包保主体的网格监管人员不存在',
  );
  report(
    doc.regulators.flatMap((g) => g.regionIds.filter((id) => !regionIds.has(id)).map((id) => `${g.name}（“${id}”）`)),
    '网格监管人员的网格区划不存在',
  );
  return problems;
}
