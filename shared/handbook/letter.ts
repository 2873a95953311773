import { RegionIndex } from '../domain/regions';
import { CADRE_LEVEL_LABELS, GRADES, REGION_LEVELS, type Cadre, type Grade, type LetterTemplate } from '../domain/schemas';
import { textProblem, type TextLines } from '../domain/text';
import { inPlanYear } from '../stats/tally';
import type { DataDoc } from '../storage/types';
import { cadreFileName, chineseDate, namesakeNote } from './handbook';

/** The merge fields a letter template may use, in the order the 设置 editor lists them. */
export const LETTER_FIELDS: readonly { readonly name: string; readonly note: string }[] = [
  { name: '姓名', note: '包保干部姓名' },
  { name: '职务', note: '干部的职务' },
  { name: '单位', note: '干部的工作单位' },
  { name: '包保层级', note: '市级、旗区级、乡镇级或村级' },
  { name: '包保区域', note: '干部负责的区划，如“鄂尔多斯市准格尔旗薛家湾镇”' },
  { name: '包保主体总数', note: '当前包保的主体户数' },
  { name: 'A级数', note: '其中A级主体户数' },
  { name: 'B级数', note: '其中B级主体户数' },
  { name: 'C级数', note: '其中C级主体户数' },
  { name: 'D级数', note: '其中D级主体户数' },
  { name: '年度督导次数', note: '本年度督导计划中的次数（与工作手册一致；尚未编制计划时按设置中的督导频次）' },
  { name: '工作职责', note: '按干部层级填写的工作职责（见下方）' },
  { name: '联系人', note: '有问题时联系的人（见下方）' },
  { name: '联系电话', note: '联系人的电话（见下方）' },
  { name: '年度', note: '计划年度，如 2027' },
  { name: '落款单位', note: '落款单位，未填写时为单位名称' },
  { name: '日期', note: '成文日期，打印或导出时选定（默认当天），如“2027年3月1日”' },
];

const KNOWN_FIELDS = new Set(LETTER_FIELDS.map((f) => f.name));
const FIELD_PATTERN = /\{([^{}\n]{1,20})\}/g;
/** An empty value prints as a line the official or the clerk can fill in by hand. */
export const BLANK = '＿＿＿＿＿＿';

/** The template texts the editor checks for unknown merge fields, with their names in Chinese. */
export const LETTER_TEXTS: readonly { readonly key: 'title' | 'greeting' | 'body' | 'closing'; readonly label: string }[] = [
  { key: 'title', label: '信件标题' },
  { key: 'greeting', label: '称呼' },
  { key: 'body', label: '信件正文' },
  { key: 'closing', label: '落款' },
];

/** The `{…}` names in a text that are not merge fields, each once, in order of appearance. */
export function unknownFields(text: string): string[] {
  const found = [...text.matchAll(FIELD_PATTERN)].map((m) => m[1] ?? '').filter((name) => !KNOWN_FIELDS.has(name));
  return [...new Set(found)];
}

/** What is wrong with one template text, in Chinese, or '' when every `{…}` is a merge field. */
export function unknownFieldsMessage(label: string, text: string): string {
  const unknown = unknownFields(text);
  if (unknown.length === 0) return '';
  return `${label}中有未知的合并字段 ${unknown.map((n) => `{${n}}`).join(' ')}，请改成可用字段列表中的名称（含花括号）`;
}

/**
 * A message per template text that breaks the text rule or uses unknown merge fields (profile:save
 * refuses them), keyed by the text's path in the template.
 */
export function letterTemplateProblems(template: LetterTemplate): { key: string; message: string }[] {
  const checked = (key: string, label: string, text: string, lines: TextLines, merged: boolean) => ({
    key,
    message: textProblem(text, label, lines) ?? (merged ? unknownFieldsMessage(label, text) : ''),
  });
  return [
    ...LETTER_TEXTS.map(({ key, label }) =>
      checked(key, label, template[key], key === 'body' || key === 'closing' ? 'multi' : 'single', true),
    ),
    ...REGION_LEVELS.map((level) =>
      checked(`dutiesByLevel.${level}`, `${CADRE_LEVEL_LABELS[level]}工作职责`, template.dutiesByLevel[level], 'multi', false),
    ),
    checked('contactName', '联系人', template.contactName, 'single', false),
    checked('contactPhone', '联系电话', template.contactPhone, 'single', false),
    checked('signOrg', '落款单位', template.signOrg, 'single', false),
  ].filter((p) => p.message !== '');
}

/**
 * Why the letters cannot go out yet, in Chinese, or '': the template prints 联系人 or 联系电话 and
 * 设置 leaves them empty (every letter would say “请联系＿＿＿”).
 */
export function letterContactProblem(template: LetterTemplate): string {
  const used = new Set(LETTER_TEXTS.flatMap(({ key }) => [...template[key].matchAll(FIELD_PATTERN)].map((m) => m[1])));
  const missing = [
    ['联系人', template.contactName],
    ['联系电话', template.contactPhone],
  ].filter(([name, value]) => used.has(name) && value?.trim() === '');
  if (missing.length === 0) return '';
  return `信中要印出的${missing.map(([name]) => name).join('和')}还没有填写，请到“设置 → 致包保领导的一封信”填写后再打印或导出`;
}

export interface Letter {
  readonly cadreId: string;
  readonly cadreName: string;
  /** 旗区-乡镇-姓名-致包保领导的一封信-年度.html, for a file per cadre. */
  readonly fileName: string;
  readonly title: string;
  readonly greeting: string;
  readonly paragraphs: readonly string[];
  /** The lines under the body, the last one the 成文日期 they centre on: 落款单位 and 日期 by default. */
  readonly closing: readonly string[];
  readonly entityCount: number;
  readonly byGrade: Readonly<Record<Grade, number>>;
  /** `{…}` names the template uses that are not merge fields; they are printed as written. */
  readonly unknownFields: readonly string[];
  /** Merge fields that had no value (printed as a blank line to fill in by hand). */
  readonly emptyFields: readonly string[];
}

/**
 * Builds 《致食品安全包保领导的一封信》 for cadres from the profile's template: counts of their
 * current 主体 by grade, their visits in the year's plan, their level's duties, the office's
 * contacts, dated `date` (the 成文日期, YYYY-MM-DD). Indexes the library once, so a whole city
 * (2,684 letters) is one pass over the assignments and visits.
 */
export function buildLetters(
  doc: DataDoc,
  cadres: readonly Cadre[],
  date: string,
  year = doc.profile.planYear,
  regions = new RegionIndex(doc.regions),
): Letter[] {
  const wanted = new Set(cadres.map((c) => c.id));
  const gradeOf = new Map(doc.entities.map((e) => [e.id, e.grade]));
  const counts = new Map<string, Record<Grade, number>>();
  const current = new Set<string>();
  for (const a of doc.assignments) {
    const grade = gradeOf.get(a.entityId);
    if (a.end !== '' || !grade || !wanted.has(a.cadreId)) continue;
    let byGrade = counts.get(a.cadreId);
    if (!byGrade) counts.set(a.cadreId, (byGrade = { A: 0, B: 0, C: 0, D: 0 }));
    byGrade[grade]++;
    current.add(`${a.cadreId}|${a.entityId}`);
  }
  // Counted as the handbook's 督导计划 counts them: the year's visits to the cadre's current 主体.
  const planned = new Map<string, number>();
  let yearPlanned = false;
  for (const v of doc.visits) {
    if (!inPlanYear(v, year)) continue;
    yearPlanned = true;
    if (current.has(`${v.cadreId}|${v.entityId}`)) planned.set(v.cadreId, (planned.get(v.cadreId) ?? 0) + 1);
  }
  const { profile } = doc;
  const template = profile.letter;
  const unknown = [...new Set(LETTER_TEXTS.flatMap(({ key }) => unknownFields(template[key])))];
  return cadres.map((cadre): Letter => {
    const byGrade = counts.get(cadre.id) ?? { A: 0, B: 0, C: 0, D: 0 };
    const values: Readonly<Record<string, string>> = {
      姓名: cadre.name,
      职务: cadre.position,
      单位: cadre.unit,
      包保层级: CADRE_LEVEL_LABELS[cadre.level],
      // Prose, not a list column: 鄂尔多斯市东胜区交通街道.
      包保区域: regions
        .ancestry(cadre.regionId)
        .reverse()
        .map((r) => r.name)
        .join(''),
      包保主体总数: String(GRADES.reduce((sum, g) => sum + byGrade[g], 0)),
      A级数: String(byGrade.A),
      B级数: String(byGrade.B),
      C级数: String(byGrade.C),
      D级数: String(byGrade.D),
      // Before the year's plan is made, what the 督导频次 in 设置 asks for.
      年度督导次数: String(
        yearPlanned ? (planned.get(cadre.id) ?? 0) : GRADES.reduce((sum, g) => sum + byGrade[g] * profile.visitRules.perYearByGrade[g], 0),
      ),
      工作职责: template.dutiesByLevel[cadre.level],
      联系人: template.contactName,
      联系电话: template.contactPhone,
      年度: String(year),
      落款单位: template.signOrg || profile.orgName,
      日期: chineseDate(date),
    };
    const empty = new Set<string>();
    const merge = (text: string): string =>
      text.replace(FIELD_PATTERN, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) return whole;
        if (value.trim() === '') empty.add(name);
        return value.trim() || BLANK;
      });
    const lines = (text: string): string[] =>
      merge(text)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    return {
      cadreId: cadre.id,
      cadreName: cadre.name,
      fileName: cadreFileName(cadre, regions, '致包保领导的一封信', year, 'html', namesakeNote(doc.cadres, cadre, regions)),
      title: merge(template.title),
      greeting: merge(template.greeting),
      paragraphs: lines(template.body),
      closing: lines(template.closing),
      entityCount: Number(values['包保主体总数']),
      byGrade,
      unknownFields: unknown,
      emptyFields: [...empty],
    };
  });
}
