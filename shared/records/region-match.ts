import { toHalfWidth } from '../domain/normalize';
import type { RegionIndex } from '../domain/regions';
import type { Region, RegionLevel } from '../domain/schemas';

export interface RegionNames {
  readonly county: string;
  readonly township: string;
  readonly village: string;
}

export type RegionMatch =
  | { ok: true; region: Region; warning?: string }
  | { ok: false; message: string }
  /** No names given at all. */
  | { ok: true; region: null };

/** The office rather than the place: 昭君镇人民政府 is 昭君镇. */
const BODY_SUFFIX = /(人民政府|办事处|村民委员会|居民委员会|村委会|居委会)$/;
/** The kind of place: 昭君镇 and 昭君街道 are different places sharing the stem 昭君. */
const KIND_SUFFIX = /(街道|苏木|嘎查|社区|镇|乡|村|旗|区|县|市)$/;

function stem(name: string): string {
  const bare = name.replace(KIND_SUFFIX, '');
  return bare.length >= 2 ? bare : name;
}

const LEVEL_WORD: Readonly<Record<RegionLevel, string>> = { city: '市', county: '旗区', township: '乡镇', village: '村（社区、嘎查）' };

/**
 * Finds region nodes by the names a sheet gives (旗区 / 乡镇 / 村 columns). An exact name wins;
 * otherwise a unique match on the name without its suffix. Several candidates are reported, never
 * guessed: 达拉特旗 has both 昭君镇 and 昭君街道; 锡尼街道 is in 达拉特旗 but 锡尼镇 in 杭锦旗.
 */
export class RegionMatcher {
  private readonly byLevel = new Map<RegionLevel, Region[]>();
  private readonly below = new Map<string, Region[]>();

  constructor(
    private readonly index: RegionIndex,
    regions: readonly Region[],
  ) {
    for (const r of regions) {
      const list = this.byLevel.get(r.level) ?? [];
      list.push(r);
      this.byLevel.set(r.level, list);
    }
  }

  /** Nodes of `level` under `scope` (cached: an import asks the same question for every row). */
  private candidates(scope: Region | null, level: RegionLevel): readonly Region[] {
    if (!scope) return this.byLevel.get(level) ?? [];
    const key = `${scope.id}|${level}`;
    let found = this.below.get(key);
    if (!found) {
      found = [];
      const walk = (id: string): void => {
        for (const child of this.index.children(id)) {
          if (child.level === level) found?.push(child);
          else walk(child.id);
        }
      };
      walk(scope.id);
      this.below.set(key, found);
    }
    return found;
  }

  /**
   * The place a sheet's name or title names (“交通街道”, “东胜区食品安全包保主体名单（交通街道）”): the
   * named 旗区/乡镇/村 whose chain holds most of the others named. null when none is named, or
   * when two places fit equally (a 乡镇 name found in two 旗区 with no 旗区 named).
   */
  findInText(raw: string): Region | null {
    const text = clean(raw);
    if (text === '') return null;
    const named: Region[] = [];
    for (const level of ['county', 'township', 'village'] as const) {
      for (const r of this.byLevel.get(level) ?? []) if (r.name.length >= 2 && text.includes(r.name)) named.push(r);
    }
    const ids = new Set(named.map((r) => r.id));
    let best: Region | null = null;
    let bestScore = 0;
    let tied = false;
    for (const r of named) {
      const score = this.index.ancestry(r.id).filter((a) => ids.has(a.id)).length;
      if (score > bestScore) [best, bestScore, tied] = [r, score, false];
      else if (score === bestScore) tied = true;
    }
    return tied ? null : best;
  }

  match(raw: RegionNames): RegionMatch {
    const names = { county: clean(raw.county), township: clean(raw.township), village: clean(raw.village) };
    let scope: Region | null = null;
    for (const level of ['county', 'township', 'village'] as const) {
      const name = names[level];
      if (!name) continue;
      const found = pick(this.candidates(scope, level), name);
      if (found.length === 1) {
        scope = found[0] ?? null;
        continue;
      }
      const where = scope ? `${this.index.path(scope.id)}` : '区划表';
      if (found.length > 1) {
        const options = found.map((r) => this.index.path(r.id)).join('、');
        return { ok: false, message: `${LEVEL_WORD[level]}“${name}”对应多个区划（${options}），请补充所属旗区或乡镇` };
      }
      if (level === 'village' && scope?.level === 'township') {
        return { ok: true, region: scope, warning: `村“${name}”不在${where}中，已归到${scope.name}` };
      }
      return { ok: false, message: `${LEVEL_WORD[level]}“${name}”在${where}中找不到，请核对名称或先导入区划` };
    }
    return scope ? { ok: true, region: scope } : { ok: true, region: null };
  }
}

function clean(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '');
}

/**
 * Exact name first, then the name without 人民政府/办事处…; a name with no kind suffix at all
 * ("达拉特", "乌兰") matches by stem. A name with a different kind never does: 锡尼镇 is not 锡尼街道.
 */
function pick(candidates: readonly Region[], name: string): Region[] {
  const place = name.replace(BODY_SUFFIX, '');
  for (const wanted of [name, place]) {
    const exact = candidates.filter((r) => r.name === wanted);
    if (exact.length > 0) return exact;
  }
  if (KIND_SUFFIX.test(place)) return [];
  return candidates.filter((r) => stem(r.name) === place);
}
