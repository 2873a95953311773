import { toHalfWidth } from '../domain/normalize';
import { cellText, type Cell } from './cell';

/** Header text as compared: half width, no spaces, no required-field stars or colons, （）→(). */
export function normalizeHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[\s*＊:：]/g, '');
}

export interface HeaderSpec {
  readonly key: string;
  readonly label: string;
  readonly synonyms: readonly string[];
  /**
   * A header containing one of these words is never this field, however it reads otherwise:
   * 风险等级 is the 2016 风险分级 scale (A = lowest risk), not 包保等级 (A = highest).
   */
  readonly notWords?: readonly string[];
  /**
   * Said of a column with a notWord when no column is this field, after “第 F 列“风险等级””: the
   * sheet then asks the user rather than importing without the field.
   */
  readonly lookalikeQuestion?: string;
}

/**
 * mapped: the column fills `key`. unmapped: no field (see `note`). ambiguous: two columns name
 * the same field equally well. unclear: the header reads as two fields (`candidates`).
 */
export type ColumnStatus = 'mapped' | 'unmapped' | 'ambiguous' | 'unclear';

export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  readonly index: number;
  readonly header: string;
  readonly key: string | null;
  readonly status: ColumnStatus;
  /** How sure the match is, 0–1: 1 for the field's own name or the user's choice. */
  readonly confidence: number;
  /** The fields an unclear header could be. */
  readonly candidates?: readonly string[];
  /** Why the column is not imported, in Chinese ('' when it is). */
  readonly note?: string;
}

/** Field key → column index, for the fields that got exactly one column. */
export type FieldColumns = Readonly<Record<string, number>>;

export const HEADER_SCAN_ROWS = 30;

/** A, B, … Z, AA, AB … as Excel/WPS label the column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 第 F 列“风险等级”: how messages name a column. */
export function columnName(index: number, header: string): string {
  return `第 ${columnLetter(index)} 列“${header}”`;
}

/** Below this a header is not taken as a field at all. */
export const MIN_CONFIDENCE = 0.55;
/** A header of slash-separated names read as one (法人/负责人电话) only when its words cover it this well. */
const SURE_OF_WHOLE = 0.65;
/** Two fields whose scores are closer than this (and neither contains the other's word) are asked about. */
const CLOSE = 0.1;

/** "3." "3、" "(三)" "一、" "①" "第3列" before the name. */
const NUMBERING = /^(?:第?\d{1,2}[列项]?[.、．)]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳])/;
/** Remarks: (盖章), 【必填】, [注] …; kept in the first form, as 村(社区) carries meaning. */
const REMARKS = /\([^()]*\)|【[^【】]*】|\[[^[\]]*\]/g;
/** Words before the field that say whose or which: 所在旗区, 户籍所在村, 现任职务, 被包保主体. */
const PREFIX = /^(?:被包保|包保|户籍所在|户籍|所在|所属|现任|现)(?=.)/;
/** 旗区名称, 村名: the name of the place is the place. 姓名 stays. */
const NAME_SUFFIX = /(?:名称|(?<!姓)名)$/;

/** Header text without spaces, line breaks, stars, colons, leading numbering or stray marks (zero-width, �); （）→(). */
function plainHeader(text: string): string {
  let plain = normalizeHeader(text).replace(/[\u200b-\u200d\ufeff\ufffd]/g, '');
  const numbered = plain.replace(NUMBERING, '');
  if (numbered !== '') plain = numbered;
  return plain.replace(/^[、.．,，;；]+|[、.．,，;；]+$/g, '');
}

/** The header's core words: no remarks, no 所在/所属… before, no 名称 after. */
function coreOf(plain: string): string {
  let core = plain.replace(REMARKS, '');
  if (core === '') core = plain.replace(/[()]/g, '');
  for (let i = 0; i < 2; i++) core = core.replace(PREFIX, '');
  const bare = core.replace(NAME_SUFFIX, '');
  return bare.length > 0 ? bare : core;
}

interface FieldWords {
  readonly key: string;
  /** Plain forms of the label and synonyms: an exact hit is certain. */
  readonly plain: ReadonlySet<string>;
  /** Their cores: an exact hit is nearly certain. */
  readonly cores: ReadonlySet<string>;
  /** Cores of two characters or more, longest first, looked for inside longer headers. */
  readonly words: readonly string[];
  readonly notWords: readonly string[];
}

export interface HeaderGuess {
  readonly key: string | null;
  readonly confidence: number;
  /** Set when two fields read equally well. */
  readonly candidates?: readonly string[];
  /** The field this header was kept away from by its notWords (风险等级 from 包保等级). */
  readonly lookalikeOf?: string;
}

const compiled = new WeakMap<readonly HeaderSpec[], readonly FieldWords[]>();

function fieldWords(specs: readonly HeaderSpec[]): readonly FieldWords[] {
  let found = compiled.get(specs);
  if (!found) {
    found = specs.map((spec) => {
      const plain = new Set([spec.label, ...spec.synonyms].map(plainHeader));
      const cores = new Set([...plain].map(coreOf));
      const words = [...cores].filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);
      return { key: spec.key, plain, cores, words, notWords: spec.notWords ?? [] };
    });
    compiled.set(specs, found);
  }
  return found;
}

/** How well one field's best word reads in a core: at its end (the head noun) or inside, and how much of it. */
function wordScore(field: FieldWords, core: string): { score: number; word: string } {
  let best = { score: 0, word: '' };
  for (const word of field.words) {
    const at = core.lastIndexOf(word);
    if (at < 0) continue;
    const coverage = word.length / core.length;
    // Chinese puts the head noun last: 负责人联系电话 is a 电话, 食品安全总监姓名 a name.
    const score = at + word.length === core.length ? 0.4 + 0.45 * coverage : 0.2 + 0.5 * coverage;
    if (score > best.score) best = { score, word };
  }
  return best;
}

/**
 * What a header means: its field and how sure that is. The field's own name or a synonym
 * (after half width, spaces, numbering) is certain; the same without remarks, 所在/所属/户籍/现
 * and 名称 nearly so; otherwise the field whose words cover most of the header, the last word
 * counting most. Two fields reading alike are returned as candidates, not guessed.
 */
export function guessHeader(text: string, specs: readonly HeaderSpec[]): HeaderGuess {
  const plain = plainHeader(text);
  if (plain === '') return { key: null, confidence: 0 };
  const fields = fieldWords(specs);
  const core = coreOf(plain);
  const allowed = fields.filter((f) => !f.notWords.some((w) => plain.includes(w)));
  // 风险等级 ends in a 包保等级 word: kept from that field, and said so if the sheet lacks it.
  const lookalikeOf = fields.find((f) => !allowed.includes(f) && f.words.some((w) => core.endsWith(w)))?.key;
  const withLookalike = (guess: HeaderGuess): HeaderGuess => (lookalikeOf && guess.key === null ? { ...guess, lookalikeOf } : guess);

  const exact = allowed.filter((f) => f.plain.has(plain));
  if (exact.length === 1) return { key: exact[0]?.key ?? null, confidence: 1 };
  if (exact.length > 1) return { key: null, confidence: 1, candidates: exact.map((f) => f.key) };
  const unremarked = plain.replace(REMARKS, '');
  const withoutRemarks = allowed.filter((f) => f.plain.has(unremarked));
  if (withoutRemarks.length === 1) return { key: withoutRemarks[0]?.key ?? null, confidence: 0.95 };
  const byCore = allowed.filter((f) => f.cores.has(core));
  if (byCore.length === 1) return { key: byCore[0]?.key ?? null, confidence: 0.9 };
  if (byCore.length > 1) return { key: null, confidence: 0.9, candidates: byCore.map((f) => f.key) };
  const whole = guessByWords(allowed, [core]);
  const parts = plain.split(/[/／]/).map(coreOf).filter(Boolean);
  if (parts.length < 2) return withLookalike(whole);
  if (whole.key && whole.confidence >= SURE_OF_WHOLE) return whole;
  // 统一信用代码/注册号: names the column goes by. 负责人/电话, 状态/类型: two fields in one column.
  const named = new Set(allowed.filter((f) => parts.some((part) => f.cores.has(part))).map((f) => f.key));
  if (whole.key) named.add(whole.key);
  if (named.size === 1) return { key: [...named][0] ?? null, confidence: 0.9 };
  if (named.size > 1) return { key: null, confidence: 0.9, candidates: [...named] };
  return withLookalike(guessByWords(allowed, parts));
}

/** The field whose words cover most of one of the cores, the last word counting most; close calls are candidates. */
function guessByWords(allowed: readonly FieldWords[], cores: readonly string[]): HeaderGuess {
  const scored = allowed
    .map((field) => {
      let best = { score: 0, word: '' };
      for (const core of cores) {
        const s = wordScore(field, core);
        if (s.score > best.score) best = s;
      }
      return { key: field.key, ...best };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const [first, second] = scored;
  if (!first || first.score < MIN_CONFIDENCE) return { key: null, confidence: first?.score ?? 0 };
  const confidence = Math.round(first.score * 100) / 100;
  if (second && second.score >= MIN_CONFIDENCE && first.score - second.score < CLOSE && !first.word.includes(second.word)) {
    return { key: null, confidence, candidates: [first.key, second.key] };
  }
  return { key: first.key, confidence };
}

/**
 * The header row is the first of the top rows that names the most known columns (title rows,
 * notes and merged banners above it name none). Returns its 0-based index, or -1.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[], specs: readonly HeaderSpec[]): number {
  let best = -1;
  let bestHits = 1;
  rows.slice(0, HEADER_SCAN_ROWS).forEach((row, index) => {
    const keys = new Set<string>();
    for (const cell of row) {
      // Long cells are titles, notes or data, never a column name.
      const text = typeof cell === 'string' && cell.length <= 40 ? cell : '';
      const key = text ? guessHeader(text, specs).key : null;
      if (key) keys.add(key);
    }
    if (keys.size > bestHits) {
      best = index;
      bestHits = keys.size;
    }
  });
  return best;
}

/**
 * Maps each header cell to a field by meaning (`guessHeader`), with the user's saved or chosen
 * names first (`overrides`: normalised header → field key, '' to ignore the column). When two
 * columns name one field, the one named surely wins over guesses; equally sure columns are
 * both ambiguous, and neither is used until the user picks one.
 */
export function mapColumns(
  headerRow: readonly Cell[],
  specs: readonly HeaderSpec[],
  overrides: Readonly<Record<string, string>> = {},
): { columns: ColumnMapping[]; fields: FieldColumns; lookalikes: { index: number; header: string; of: string }[] } {
  const known = new Set(specs.map((s) => s.key));
  const label = new Map(specs.map((s) => [s.key, s.label]));
  const lookalikes: { index: number; header: string; of: string }[] = [];
  const guesses = headerRow.map((cell, index) => {
    const header = cellText(cell);
    const override = overrides[normalizeHeader(header)];
    if (override !== undefined)
      return { header, guess: { key: known.has(override) ? override : null, confidence: 1 } as HeaderGuess, chosen: true };
    const guess = header === '' ? { key: null, confidence: 0 } : guessHeader(header, specs);
    if (guess.lookalikeOf) lookalikes.push({ index, header, of: guess.lookalikeOf });
    return { header, guess, chosen: false };
  });
  const best = new Map<string, number>();
  for (const { guess } of guesses) if (guess.key) best.set(guess.key, Math.max(best.get(guess.key) ?? 0, guess.confidence));
  const winners = new Map<string, number[]>();
  guesses.forEach(({ guess }, index) => {
    if (guess.key && guess.confidence === best.get(guess.key)) winners.set(guess.key, [...(winners.get(guess.key) ?? []), index]);
  });
  const nameOf = (index: number) => columnName(index, guesses[index]?.header ?? '');
  const columns = guesses.map(({ header, guess, chosen }, index): ColumnMapping => {
    const { key, confidence } = guess;
    if (!key) {
      if (guess.candidates) {
        const names = guess.candidates.map((k) => `“${label.get(k) ?? k}”`).join('还是');
        return {
          index,
          header,
          key: null,
          status: 'unclear',
          confidence,
          candidates: guess.candidates,
          note: `无法确定是${names}，请在“列对应”中指定`,
        };
      }
      if (header === '') return { index, header, key: null, status: 'unmapped', confidence: 0, note: '没有列名' };
      if (guess.lookalikeOf)
        return {
          index,
          header,
          key: null,
          status: 'unmapped',
          confidence,
          note: `不是“${label.get(guess.lookalikeOf) ?? guess.lookalikeOf}”，未导入`,
        };
      return {
        index,
        header,
        key: null,
        status: 'unmapped',
        confidence: chosen ? 1 : confidence,
        note: chosen ? '已选择不导入' : '未识别',
      };
    }
    const sameField = winners.get(key) ?? [];
    if (!sameField.includes(index)) {
      const winner = sameField[0] ?? index;
      return {
        index,
        header,
        key: null,
        status: 'unmapped',
        confidence,
        note: `“${label.get(key) ?? key}”已由${nameOf(winner)}导入，本列未导入`,
      };
    }
    if (sameField.length > 1) {
      const others = sameField
        .filter((i) => i !== index)
        .map(nameOf)
        .join('、');
      return { index, header, key, status: 'ambiguous', confidence, note: `与${others}都对应“${label.get(key) ?? key}”，请只保留一列` };
    }
    return { index, header, key, status: 'mapped', confidence };
  });
  const fields: Record<string, number> = {};
  for (const c of columns) if (c.status === 'mapped' && c.key) fields[c.key] = c.index;
  return { columns, fields, lookalikes: lookalikes.filter((l) => !(l.of in fields)) };
}
