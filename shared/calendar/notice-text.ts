import { dayOfDate, isoDate, parseIsoDate, weekdayOfDay } from './days';

/**
 * 国务院办公厅关于YYYY年部分节假日安排的通知, read from its text as a clerk pastes it: the rest days
 * and 调休 working days of each festival, so a year the built-in calendar does not carry yet gets
 * its real arrangement in one step (docs/domain.md#督导的规则).
 */

/** A day the notice names: a rest day or a 调休 working day, with its festival. */
export interface NoticeEntry {
  readonly date: string;
  readonly name: string;
}

/** What the notice says, as the office keeps it in 设置 (it replaces the year's provisional calendar). */
export interface EnteredNotice {
  readonly year: number;
  readonly holidays: readonly NoticeEntry[];
  readonly workdays: readonly NoticeEntry[];
}

export interface NoticeReading extends EnteredNotice {
  /** One line per festival as read, for the clerk to compare with the notice (“春节：2月15日至2月23日放假，共 9 天；2月14日、2月28日上班”). */
  readonly summary: readonly string[];
  /** What does not add up (a 共N天 that differs, a 上班 day that is not a weekend …), in Chinese. */
  readonly warnings: readonly string[];
}

const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

/** Full-width digits, colons and brackets as half-width; everything in brackets (周四, 农历除夕) dropped. */
function plain(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/[（(][^（()）]*[)）]/g, '');
}

const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/g;

interface Mention {
  readonly day: number;
  readonly index: number;
  readonly end: number;
}

/** The dates of a sentence, a day without month (“至3日”) taking the month and year of the one before. */
function mentions(sentence: string, context: { year: number; month: number }): Mention[] {
  const found: Mention[] = [];
  for (const m of sentence.matchAll(DATE)) {
    if (m[1]) context.year = Number(m[1]);
    if (m[2]) context.month = Number(m[2]);
    if (!m[2] && context.month === 0) continue;
    const text = `${context.year}-${String(context.month).padStart(2, '0')}-${String(Number(m[3])).padStart(2, '0')}`;
    const day = parseIsoDate(text);
    if (day !== null) found.push({ day, index: m.index, end: m.index + m[0].length });
  }
  return found;
}

/**
 * Reads the notice. `year`: the notice's year when the text does not say it (“现将2027年元旦…”).
 * Returns null with a reason when nothing a notice holds is found.
 */
export function readHolidayNotice(text: string, year?: number): NoticeReading | { readonly problem: string } {
  const body = plain(text);
  const stated = /(\d{4})\s*年(?:部分)?节假日安排|现将\s*(\d{4})\s*年/.exec(body);
  const noticeYear = stated ? Number(stated[1] ?? stated[2]) : year;
  if (noticeYear === undefined || !Number.isInteger(noticeYear)) {
    return { problem: '没有读到通知的年度：请粘贴通知全文（含“关于XXXX年部分节假日安排的通知”或“现将XXXX年……”），或先选择年度' };
  }
  // Items start with 一、二、… at the start of a line or after a full stop.
  const items = body.split(/(?:^|(?<=[\s。;；]))(?=[一二三四五六七八九十]{1,2}、)/);
  const holidays = new Map<number, string>();
  const workdays = new Map<number, string>();
  const summary: string[] = [];
  const warnings: string[] = [];
  for (const item of items) {
    const head = /^[一二三四五六七八九十]{1,2}、([^:]{1,20}):/.exec(item);
    if (!head) continue;
    const names = FESTIVALS.filter((f) => head[1]?.includes(f));
    if (names.length === 0) continue;
    // A combined item (国庆节、中秋节) is named by the first festival it lists.
    const label = head[1] ?? '';
    const name = names.sort((a, b) => label.indexOf(a) - label.indexOf(b))[0] ?? label;
    const context = { year: noticeYear, month: 0 };
    const rest: number[] = [];
    const work: number[] = [];
    let statedDays: number | null = null;
    for (const sentence of item.slice(head[0].length).split(/[。;；]/)) {
      const dates = mentions(sentence, context);
      if (dates.length === 0) continue;
      if (sentence.includes('上班')) {
        for (const d of dates) work.push(d.day);
        continue;
      }
      if (!sentence.includes('放假')) continue;
      const total = /共\s*(\d{1,2})\s*天/.exec(sentence);
      if (total) statedDays = Number(total[1]);
      for (let i = 0; i < dates.length; i++) {
        const from = dates[i];
        const to = dates[i + 1];
        if (!from) continue;
        // “1月28日至2月4日”: every day between the two.
        if (to && /^\s*(至|到|—|-|~)\s*$/.test(sentence.slice(from.end, to.index))) {
          for (let day = from.day; day <= to.day; day++) rest.push(day);
          i++;
        } else rest.push(from.day);
      }
    }
    if (rest.length === 0) {
      warnings.push(`“${label}”一项没有读到放假日期，请核对粘贴的文字`);
      continue;
    }
    if (statedDays !== null && statedDays !== rest.length)
      warnings.push(`“${label}”通知写共 ${statedDays} 天，读到 ${rest.length} 天，请核对`);
    for (const day of rest) holidays.set(day, name);
    for (const day of work) {
      workdays.set(day, name);
      if (weekdayOfDay(day) < 6) warnings.push(`${isoDate(day)} 是工作日，通知却写为调休上班，请核对`);
    }
    const span = (days: number[]): string =>
      days.length === 1 ? monthDay(days[0] ?? 0) : `${monthDay(days[0] ?? 0)}至${monthDay(days.at(-1) ?? 0)}`;
    summary.push(
      `${label}：${span(rest)}放假，共 ${rest.length} 天${work.length > 0 ? `；${work.map(monthDay).join('、')}上班` : '；不调休'}`,
    );
  }
  if (holidays.size === 0) return { problem: '没有读到放假安排：请粘贴通知中“一、元旦：……”起的各项（可连同标题一起粘贴）' };
  for (const name of FESTIVALS) {
    if (![...holidays.values()].includes(name) && !summary.some((line) => line.includes(name)))
      warnings.push(`通知中没有读到“${name}”，请核对是否粘贴完整`);
  }
  // 元旦 may start in the last days of the year before; anything further away is a misreading.
  for (const day of [...holidays.keys(), ...workdays.keys()]) {
    if (day < dayOfDate(noticeYear, 1, 1) - 7 || day > dayOfDate(noticeYear, 12, 31))
      warnings.push(`${isoDate(day)} 不在 ${noticeYear} 年，请核对`);
  }
  const entries = (map: Map<number, string>): NoticeEntry[] =>
    [...map].sort((a, b) => a[0] - b[0]).map(([day, festival]) => ({ date: isoDate(day), name: festival }));
  return { year: noticeYear, holidays: entries(holidays), workdays: entries(workdays), summary, warnings };
}

function monthDay(day: number): string {
  const [, month = '', date = ''] = isoDate(day).split('-');
  return `${Number(month)}月${Number(date)}日`;
}
